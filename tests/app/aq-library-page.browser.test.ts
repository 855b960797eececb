import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { summarise } from '../../src/dsl';
import { library, loadLibrary, planOf } from '../../src/app/library';
import '../../src/app/aq-library-page';
import { factText, mount, unmountAll } from './helpers';

afterEach(unmountAll);

/** Totals from the workout language contract (docs/DSL.md), at default choices. */
const POOL_TOTALS: Record<string, string> = {
  Pyramid: '1:17:00',
  'Wave your hands in the air': '55:00',
};

describe('<aq-library-page>', () => {
  it('lists every built-in workout with its total, as a link to it', async () => {
    await mount('aq-library-page', { entries: library });
    await expect.element(page.getByRole('heading', { level: 1, name: 'Workouts' })).toBeVisible();
    expect(library.length).toBeGreaterThanOrEqual(5);
    for (const entry of library) {
      const plan = planOf(entry);
      expect(plan, `${entry.id} compiles`).not.toBeNull();
      const card = page.getByRole('article', { name: entry.title, exact: true });
      await expect.element(card.getByRole('link', { name: entry.title, exact: true })).toHaveAttribute(
        'href',
        `#/workout/${entry.id}`,
      );
      await expect.element(card.getByText(factText('Total', summarise(plan!)))).toBeVisible();
    }
  });

  it('shows the contract totals of the pool workouts under "Pool"', async () => {
    await mount('aq-library-page', { entries: library });
    const pool = page.getByRole('region', { name: 'Pool', exact: true });
    for (const [title, total] of Object.entries(POOL_TOTALS)) {
      const card = pool.getByRole('article', { name: title, exact: true });
      await expect.element(card.getByText(factText('Total', total))).toBeVisible();
    }
    await expect.element(page.getByRole('heading', { level: 2, name: 'Rehab' })).toBeVisible();
  });

  it('shows notes, the source document and the schedule hint', async () => {
    await mount('aq-library-page', { entries: library });
    const withSource = library.find((entry) => planOf(entry)?.notes.some((n) => n.startsWith('From ')));
    expect(withSource, 'a workout names its source').toBeDefined();
    const source = planOf(withSource!)!.notes.find((n) => n.startsWith('From '))!;
    const card = page.getByRole('article', { name: withSource!.title, exact: true });
    await expect.element(card.getByText(source, { exact: true })).toBeVisible();

    const scheduled = library.find((entry) => planOf(entry)?.when);
    if (scheduled) {
      const scheduledCard = page.getByRole('article', { name: scheduled.title, exact: true });
      await expect.element(scheduledCard.getByText(factText('When', planOf(scheduled)!.when!))).toBeVisible();
    }
  });

  it('shows a broken workout with its diagnostics instead of failing', async () => {
    const entries = loadLibrary({
      '/workouts/broken.workout': '# Broken\ntags: pool\n10mn easy\n',
      '/workouts/fine.workout': '# Fine\ntags: pool\n10m easy\n',
    });
    await mount('aq-library-page', { entries });
    const broken = page.getByRole('article', { name: 'Broken', exact: true });
    await expect.element(broken.getByText(/^\s*Line 3:\d+\s*$/)).toBeVisible();
    await expect.element(broken.getByText(/^Unknown unit "mn"/)).toBeVisible();
    const fine = page.getByRole('article', { name: 'Fine' });
    await expect.element(fine.getByText(factText('Total', '10:00'))).toBeVisible();
  });
});
