import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { summarise } from '../../../src/dsl';
import { curlyQuotes, splitSource } from '../../../src/app/shared/format';
import { cardOf, library, loadLibrary, planOf } from '../../../src/app/library/library';
import '../../../src/app/library/aq-library-page';
import { deepText, FILE_NAME } from '../deep-text';
import { factText, mount, unmountAll } from '../helpers';

afterEach(unmountAll);

/** Totals from the workout language contract (docs/DSL.md), at default choices. */
const POOL_TOTALS: Record<string, string> = {
  Pyramid: '1:17:00',
  'Wave your hands in the air': '55:00',
};

describe('<aq-library-page>', () => {
  it('lists every built-in workout with its total, as a link to it', async () => {
    await mount('aq-library-page', { entries: library.map(cardOf) });
    await expect.element(page.getByRole('heading', { level: 1, name: 'Workouts' })).toBeVisible();
    expect(library.length).toBeGreaterThanOrEqual(5);
    for (const entry of library) {
      const plan = planOf(entry);
      expect(plan, `${entry.id} compiles`).not.toBeNull();
      const card = page.getByRole('article', { name: entry.title, exact: true });
      await expect.element(card.getByRole('link', { name: entry.title, exact: true })).toHaveAttribute('href', `#/workout/${entry.id}`);
      await expect.element(card.getByText(factText('Total', summarise(plan!)))).toBeVisible();
    }
  });

  it('shows the contract totals of the pool workouts under "Pool"', async () => {
    await mount('aq-library-page', { entries: library.map(cardOf) });
    const pool = page.getByRole('region', { name: 'Pool', exact: true });
    for (const [title, total] of Object.entries(POOL_TOTALS)) {
      const card = pool.getByRole('article', { name: title, exact: true });
      await expect.element(card.getByText(factText('Total', total))).toBeVisible();
    }
    await expect.element(page.getByRole('heading', { level: 2, name: 'Rehab' })).toBeVisible();
  });

  it('shows notes, the source as people cite it and the schedule hint', async () => {
    await mount('aq-library-page', { entries: library.map(cardOf) });
    const pyramid = library.find((entry) => entry.id === 'pyramid')!;
    const card = page.getByRole('article', { name: pyramid.title, exact: true });
    const { source, notes } = splitSource(planOf(pyramid)!.notes);
    expect(source).toMatch(/^Source: RunnersConnect, "IT Band Syndrome Injury in Runners/);
    // Shown with typographic quotes round the title.
    await expect.element(card.getByText(curlyQuotes(source!), { exact: true })).toBeVisible();
    await expect.element(card.getByText(/^Source: RunnersConnect, “IT Band Syndrome Injury in Runners: Stretches/)).toBeVisible();
    await expect.element(card.getByText(curlyQuotes(notes[0]!), { exact: true })).toBeVisible();

    const scheduled = library.find((entry) => planOf(entry)?.when);
    if (scheduled) {
      const scheduledCard = page.getByRole('article', { name: scheduled.title, exact: true });
      await expect.element(scheduledCard.getByText(factText('When', planOf(scheduled)!.when!))).toBeVisible();
    }
  });

  it('never shows a source document by its file name', async () => {
    const element = await mount('aq-library-page', { entries: library.map(cardOf) });
    const text = deepText(element);
    expect(text).toContain('RunnersConnect');
    expect(text).not.toMatch(FILE_NAME);
  });

  it('summarises rehab as exercises a person understands, every exercise counted', async () => {
    await mount('aq-library-page', { entries: library.map(cardOf) });
    const rehab = page.getByRole('region', { name: 'Rehab', exact: true });
    const card = (title: string) => rehab.getByRole('article', { name: title, exact: true });
    await expect
      .element(
        card('Hip strength extras').getByText(
          factText('Total', '3 exercises (15 reps each side, 10 reps with 5 s holds, 5 reps each side with 5 s holds), about 6 min'),
        ),
      )
      .toBeVisible();
    await expect
      .element(card('Fredericson stretches').getByText(factText('Total', '2 exercises, 15 s each side, 1 step until Done, about 2 min')))
      .toBeVisible();
    await expect.element(card('Fredericson strength').getByText(factText('Total', '2 exercises, 15 reps each side, about 4 min'))).toBeVisible();
  });

  it('shows a broken workout with its diagnostics instead of failing', async () => {
    const entries = loadLibrary({
      '/workouts/broken.workout': '# Broken\ntags: pool\n10mn easy\n',
      '/workouts/fine.workout': '# Fine\ntags: pool\n10m easy\n',
    });
    await mount('aq-library-page', { entries: entries.map(cardOf) });
    const broken = page.getByRole('article', { name: 'Broken', exact: true });
    await expect.element(broken.getByText(/^\s*Line 3:\d+\s*$/)).toBeVisible();
    await expect.element(broken.getByText(/^Unknown unit "mn"/)).toBeVisible();
    const fine = page.getByRole('article', { name: 'Fine' });
    await expect.element(fine.getByText(factText('Total', '10:00'))).toBeVisible();
  });
});
