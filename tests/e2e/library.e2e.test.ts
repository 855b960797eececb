/**
 * The library journey against the production build, the way a person uses
 * it: by roles and accessible names.
 */
import { describe, expect, it } from 'vitest';
import { fact, useBrowser, workouts } from './harness';

const session = useBrowser();

describe('the library', () => {
  it('lists every built-in workout with its total, and opens Pyramid', async () => {
    const { page } = session;
    expect(workouts.length).toBeGreaterThanOrEqual(5);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Workouts' }).waitFor();

    for (const workout of workouts) {
      const card = page.getByRole('article', { name: workout.title, exact: true });
      const link = card.getByRole('link', { name: workout.title, exact: true });
      expect(await link.getAttribute('href'), workout.title).toBe(`#/workout/${workout.id}`);
      await card.getByText(fact('Total', workout.total)).waitFor();
    }
    for (const group of ['Pool', 'Rehab']) {
      await page.getByRole('heading', { level: 2, name: group, exact: true }).waitFor();
    }

    await page.getByRole('link', { name: 'Pyramid', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Pyramid' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/workout/pyramid');
    await page.getByText(fact('Total', '1:17:00')).waitFor();

    const rows = page.getByRole('table', { name: 'Timeline' }).getByRole('row');
    // Header, warm-up, 17 hard rungs, 16 easy recoveries, cool-down.
    expect(await rows.count()).toBe(1 + 1 + 17 + 16 + 1);
    const top = rows.filter({ hasText: 'Rung 9 of 17' }).filter({ hasText: 'Hard' });
    expect(await top.textContent()).toMatch(/5:00/);
    // The cool-down starts at 1:07:00 and lasts 10:00.
    expect(await rows.filter({ hasText: 'Cool-down' }).textContent()).toMatch(/1:07:00[\s\S]*10:00/);

    await page.getByRole('link', { name: 'All workouts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workouts' }).waitFor();
  });

  it('cites sources by publisher and title, never by file name, and sums up rehab in words', async () => {
    const { page } = session;
    /** Everything a person could read on the page, through the shadow roots. */
    const pageText = () =>
      page.evaluate(() => {
        const walk = (node: Node): string => {
          if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
          if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
          const shadow = node instanceof Element && node.shadowRoot ? walk(node.shadowRoot) : '';
          return shadow + ' ' + [...node.childNodes].map(walk).join(' ');
        };
        return walk(document.body);
      });
    const fileName = /\d{3}_[0-9a-f]{16}|\.txt\b/;

    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Workouts' }).waitFor();
    const extras = page.getByRole('article', { name: 'Hip strength extras', exact: true });
    await extras.getByText(fact('Total', '3 exercises (15 reps each side, 10 reps with 5 s holds, 5 reps each side with 5 s holds), about 6 min')).waitFor();
    const library = await pageText();
    expect(library).toContain('RunnersConnect, “IT Band Syndrome Injury in Runners');
    expect(library).not.toMatch(fileName);

    await extras.getByRole('link', { name: 'Hip strength extras' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hip strength extras' }).waitFor();
    await page.getByText(/^Sources: RunnersConnect, “IT Band Syndrome Injury in Runners/).waitFor();
    expect(await pageText()).not.toMatch(fileName);
  });

  it('lets the athlete choose 15 rounds of Wave your hands in the air', async () => {
    const { page } = session;
    const wave = workouts.find((w) => w.title === 'Wave your hands in the air');
    expect(wave).toBeDefined();
    await page.goto(`/#/workout/${wave!.id}`);
    await page.getByText(fact('Total', '55:00')).waitFor();
    await page.getByRole('combobox', { name: 'Rounds' }).selectOption('15');
    await page.getByText(fact('Total', '1:12:30')).waitFor();
    await page.getByRole('row').filter({ hasText: 'Round 15 of 15' }).first().waitFor();
  });
});
