import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { dayAndMonth, dayText } from '../../../src/app/history/history-format';
import type { WeekTotals } from '../../../src/storage/db';
import '../../../src/app/history/aq-week-chart';
import { mount, unmountAll } from '../helpers';

afterEach(unmountAll);

const WEEK = 7 * 24 * 3600 * 1000;
const FIRST = new Date(2026, 8, 28).getTime(); // a Monday

function weeks(rows: readonly [poolMinutes: number, rehab: number, zones: Record<string, number>][]): WeekTotals[] {
  return rows.map(([poolMinutes, rehabSessions, zoneSeconds], i) => ({
    weekStart: new Date(FIRST + i * WEEK + 12 * 3600 * 1000).setHours(0, 0, 0, 0),
    poolMinutes,
    poolSessions: poolMinutes > 0 ? 1 : 0,
    rehabSessions,
    zoneSeconds,
  }));
}

const EIGHT = weeks([
  [0, 0, {}],
  [40, 1, { easy: 1800, rest: 600, work: 300 }],
  [95.4, 2, { easy: 3000, sprint: 1440, rest: 1260 }],
  [0, 0, {}],
  [80, 3, { easy: 2280, sprint: 1440, rest: 1080, work: 900 }],
  [80, 1, { easy: 2280, sprint: 1440, rest: 1080 }],
  [0, 0, {}],
  [45, 2, { easy: 1500, medium: 600, rest: 600, work: 600 }],
]);

describe('<aq-week-chart>', () => {
  it('draws a pool bar and a rehab count for every week, labelled by its Monday', async () => {
    const chart = await mount('aq-week-chart', { weeks: EIGHT });
    const root = chart.shadowRoot!;
    const pool = root.querySelectorAll('rect[data-bar="pool"]');
    expect(pool).toHaveLength(8);
    // Bars grow with the minutes: the 95-minute week is the tallest, empty weeks are flat.
    const heights = [...pool].map((r) => Number(r.getAttribute('height')));
    expect(heights.indexOf(Math.max(...heights))).toBe(2);
    expect(heights[0]).toBe(0);
    expect(heights[1]! / heights[2]!).toBeCloseTo(40 / 95.4, 2);
    expect([...root.querySelectorAll('[data-rehab]')].map((t) => t.textContent)).toEqual(['0', '1', '2', '0', '3', '1', '0', '2']);
    const texts = [...root.querySelectorAll('svg')[0]!.querySelectorAll('text')].map((t) => t.textContent);
    for (const w of EIGHT) expect(texts).toContain(dayAndMonth(w.weekStart).day);
    expect(texts).toContain('95');
    await expect
      .element(page.getByRole('img', { name: /^Pool minutes per week/ }))
      .toHaveAccessibleName(
        `Pool minutes per week, from the week of ${dayText(FIRST)} to this week: 0, 40, 95, 0, 80, 80, 0, 45. ` +
          'Rehab sessions per week: 0, 1, 2, 0, 3, 1, 0, 2.',
      );
  });

  it('stacks each week by zone, easiest at the bottom, in zone colours, with a legend', async () => {
    const chart = await mount('aq-week-chart', { weeks: EIGHT });
    const zoneSvg = chart.shadowRoot!.querySelectorAll('svg')[1]!;
    const lastWeek = zoneSvg.querySelectorAll('g')[7]!;
    const segments = [...lastWeek.querySelectorAll('rect')];
    expect(segments.map((r) => r.dataset['zone'])).toEqual(['rest', 'easy', 'work', 'medium']);
    expect(segments.map((r) => r.style.fill)).toEqual(['var(--aq-zone-rest)', 'var(--aq-zone-easy)', 'var(--aq-zone-work)', 'var(--aq-zone-medium)']);
    // Stacked upwards: each segment sits on top of the one before.
    for (let i = 1; i < segments.length; i++) {
      expect(Number(segments[i]!.getAttribute('y')) + Number(segments[i]!.getAttribute('height'))).toBeCloseTo(Number(segments[i - 1]!.getAttribute('y')), 5);
    }
    // Weeks with no time draw no segments.
    expect(zoneSvg.querySelectorAll('rect[data-zone="easy"]')).toHaveLength(5);
    expect(zoneSvg.querySelectorAll('g')[0]!.querySelectorAll('rect')).toHaveLength(0);
    // Every zone in the legend, easiest first, with its minutes over the weeks.
    const legend = page.getByRole('list', { name: 'Zones' }).getByRole('listitem');
    expect(legend.elements().map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      'Rest 77 min',
      'Easy 181 min',
      'Work 30 min',
      'Medium 10 min',
      'Sprint 72 min',
    ]);
    await expect
      .element(page.getByRole('img', { name: /^Minutes in each zone per week, from the week of .+: 0, 45, 95, 0, 95, 80, 0, 55 in all\./ }))
      .toBeVisible();
  });

  it('offers the numbers as a table, this week first', async () => {
    await mount('aq-week-chart', { weeks: EIGHT });
    await page.getByText('Weekly totals as a table').click();
    const table = page.getByRole('table', { name: 'Weekly totals, minutes' });
    await expect.element(table).toBeVisible();
    const rows = table.getByRole('row');
    expect(rows.elements()).toHaveLength(9);
    await expect.element(rows.nth(1)).toHaveTextContent(/^\s*This week\s*45\s*1\s*2\s*/);
    await expect.element(table.getByRole('columnheader', { name: 'Sprint min' })).toBeInTheDocument();
  });

  it('fits the column a 320 px phone gives it: the charts draw at its width and the table scrolls in its own region', async () => {
    // History's column on a 320 px phone: the page's padding leaves 288 px.
    const column = document.createElement('div');
    column.style.cssText = 'display: grid; width: 288px';
    document.body.append(column);
    const chart = document.createElement('aq-week-chart');
    chart.weeks = EIGHT;
    column.append(chart);
    await chart.updateComplete;
    const svgs = [...chart.shadowRoot!.querySelectorAll('svg')];
    await expect.poll(() => svgs.map((svg) => svg.getAttribute('width'))).toEqual(['288', '288']);
    for (const svg of svgs) expect(svg.getBoundingClientRect().width).toBeLessThanOrEqual(288);
    // Every label inside the column, the rehab counts' caption included.
    for (const text of chart.shadowRoot!.querySelectorAll('text')) {
      const box = text.getBoundingClientRect();
      expect(box.left, text.textContent!).toBeGreaterThanOrEqual(column.getBoundingClientRect().left - 0.5);
      expect(box.right, text.textContent!).toBeLessThanOrEqual(column.getBoundingClientRect().right + 0.5);
    }
    await page.getByText('Weekly totals as a table').click();
    const region = page.getByRole('region', { name: 'Weekly totals table' });
    await expect.element(region).toBeVisible();
    const scroller = region.element() as HTMLElement;
    expect(scroller.tabIndex).toBe(0);
    expect(scroller.clientWidth).toBeLessThanOrEqual(288);
    expect(scroller.scrollWidth, 'a column per zone is wider than a phone').toBeGreaterThan(scroller.clientWidth);
    expect(chart.getBoundingClientRect().width).toBe(288);
    expect(column.scrollWidth).toBe(288);
  });

  it('draws text at the app’s size on a phone', async () => {
    const chart = await mount('aq-week-chart', { weeks: EIGHT });
    await expect.poll(() => chart.shadowRoot!.querySelector('svg')!.getAttribute('width')).toBe(String(chart.clientWidth));
    const text = chart.shadowRoot!.querySelector('svg text')!;
    expect(text.getBoundingClientRect().height).toBeGreaterThanOrEqual(14);
  });
});
