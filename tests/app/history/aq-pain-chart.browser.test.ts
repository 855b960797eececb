import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { dayText, sessionDateText } from '../../../src/app/history/history-format';
import type { PainPoint } from '../../../src/storage/db';
import '../../../src/app/history/aq-pain-chart';
import { mount, unmountAll } from '../helpers';

afterEach(unmountAll);

const DAY = 24 * 3600 * 1000;
const FROM = new Date(2026, 8, 28).getTime();
const TO = FROM + 8 * 7 * DAY - DAY;
const point = (day: number, pain: number): PainPoint => ({ at: FROM + day * DAY + 8 * 3600 * 1000, pain, title: 'Fredericson strength' });

describe('<aq-pain-chart>', () => {
  it('draws each rating as a point on a 0-10 scale, joined in time order', async () => {
    const points = [point(2, 6), point(9, 5), point(20, 5), point(41, 3), point(50, 0)];
    const chart = await mount('aq-pain-chart', { points, from: FROM, to: TO });
    const root = chart.shadowRoot!;
    const circles = [...root.querySelectorAll('circle')];
    expect(circles.map((c) => c.dataset['pain'])).toEqual(['6', '5', '5', '3', '0']);
    const xs = circles.map((c) => Number(c.getAttribute('cx')));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const ys = circles.map((c) => Number(c.getAttribute('cy')));
    // Higher pain sits higher on the chart (smaller y); 0 is on the baseline.
    expect(ys[0]).toBeLessThan(ys[3]!);
    expect(ys[4]).toBeGreaterThan(ys[3]!);
    expect(root.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(5);
    expect([...root.querySelectorAll('text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['0', '5', '10']));
    await expect
      .element(page.getByRole('img'))
      .toHaveAccessibleName(`Pain ratings from 0 (no pain) to 10 (worst pain), 5 ratings: ${points.map((p) => `${p.pain} on ${dayText(p.at)}`).join(', ')}.`);
  });

  it('sums up many ratings and lists them all in a table', async () => {
    const points = Array.from({ length: 20 }, (_, i) => point(i * 2, (i * 7) % 11));
    await mount('aq-pain-chart', { points, from: FROM, to: TO });
    await expect
      .element(page.getByRole('img'))
      .toHaveAccessibleName(
        `Pain ratings from 0 (no pain) to 10 (worst pain), 20 ratings. First 0 on ${dayText(points[0]!.at)}, latest ${points[19]!.pain} on ${dayText(points[19]!.at)}; lowest 0, highest 10. Every rating is in the table below.`,
      );
    await page.getByText('Pain ratings as a table').click();
    expect(page.getByRole('table', { name: 'Pain ratings, 0 to 10' }).getByRole('row').elements()).toHaveLength(21);
  });

  it('fits the column a 320 px phone gives it, month names apart and the table without scrolling', async () => {
    const points = Array.from({ length: 24 }, (_, i) => ({ ...point(i * 2 + 1, 8 - Math.floor(i / 3)), title: i % 2 ? 'Fredericson strength' : 'Icing' }));
    const column = document.createElement('div');
    column.style.cssText = 'display: grid; width: 288px';
    document.body.append(column);
    const chart = document.createElement('aq-pain-chart');
    Object.assign(chart, { points, from: FROM, to: TO });
    column.append(chart);
    await chart.updateComplete;
    const svg = chart.shadowRoot!.querySelector('svg')!;
    await expect.poll(() => svg.getAttribute('width')).toBe('288');
    // Eight weeks in 288 px put a week about 31 px apart: too close to name two months in a row.
    const months = [...svg.querySelectorAll('text')].filter((t) => /^[A-Za-z]/.test(t.textContent!));
    expect(months.map((t) => t.textContent)).toEqual(['Sep', 'Oct', 'Nov']);
    const boxes = months.map((t) => t.getBoundingClientRect());
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left - boxes[i - 1]!.right).toBeGreaterThanOrEqual(8);
    for (const text of svg.querySelectorAll('text')) {
      const box = text.getBoundingClientRect();
      expect(box.left, text.textContent!).toBeGreaterThanOrEqual(column.getBoundingClientRect().left - 0.5);
      expect(box.right, text.textContent!).toBeLessThanOrEqual(column.getBoundingClientRect().right + 0.5);
    }
    await page.getByText('Pain ratings as a table').click();
    const table = page.getByRole('table', { name: 'Pain ratings, 0 to 10' });
    await expect.element(table).toBeVisible();
    expect(table.element().getBoundingClientRect().width).toBeLessThanOrEqual(288);
    // The date and the time each stay whole: a cell is two lines at most.
    const firstCell = table.getByRole('cell').first().element();
    expect(firstCell.textContent).toBe(sessionDateText(points.at(-1)!.at));
    const lineHeight = parseFloat(getComputedStyle(firstCell).lineHeight);
    expect(firstCell.getBoundingClientRect().height).toBeLessThan(3 * lineHeight);
    expect(column.scrollWidth).toBe(288);
  });

  it('says so when there are no ratings', async () => {
    await mount('aq-pain-chart', { points: [], from: FROM, to: TO });
    await expect.element(page.getByText('No pain ratings yet')).toBeVisible();
    await expect.element(page.getByRole('img')).not.toBeInTheDocument();
  });
});
