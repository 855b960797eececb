/**
 * axe-core on each kind of page of the production build, and on every state of
 * the timer screen in every theme. Every rule runs in light mode; the other
 * themes change only colours, so there it checks contrast.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { useBrowser, workouts } from './harness';
import { setTheme, THEMES } from './legibility';

const session = useBrowser();

const ALL_RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Fails with a readable list of problems rather than a diff of axe's objects. */
async function expectNoViolations(page: Page, where: string, contrastOnly: boolean): Promise<void> {
  const builder = new AxeBuilder({ page });
  const results = await (contrastOnly ? builder.withRules(['color-contrast']) : builder.withTags(ALL_RULES)).analyze();
  expect(results.passes.length + results.incomplete.length, 'axe checked something').toBeGreaterThan(0);
  const problems = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(problems, `axe on ${where}`).toEqual([]);
}

const weekly = workouts.find((w) => w.weeks !== null);

const pages = [
  { name: 'the library', hash: '#/', ready: { role: 'heading', name: 'Workouts' } },
  { name: 'Pyramid', hash: '#/workout/pyramid', ready: { role: 'table', name: 'Timeline' } },
  { name: weekly?.title ?? 'a plan over weeks', hash: `#/workout/${weekly?.id}`, ready: { role: 'table', name: 'Week by week' } },
] as const;

describe.each(['light', 'dark'] as const)('in %s mode', (colorScheme) => {
  it.each(pages)('$name has no accessibility violations', async ({ name, hash, ready }) => {
    const { page } = session;
    await page.emulateMedia({ colorScheme });
    await page.goto(`/${hash}`);
    await page.getByRole(ready.role, { name: ready.name }).waitFor();
    await expectNoViolations(page, `${name} (${colorScheme})`, colorScheme === 'dark');
  });
});

/** Each state of the timer screen, reached as a person would, with the page's clock paused until axe runs. */
const T0 = new Date('2025-06-02T06:30:00Z').getTime();

async function startRun(page: Page, title: string): Promise<void> {
  await page.clock.install({ time: T0 });
  await page.clock.pauseAt(T0 + 1000);
  await page.goto('/');
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
}

const tap = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

const timerStates = [
  {
    name: 'running, in a round',
    go: async (p: Page) => {
      await startRun(p, 'Lactic acid');
      await p.clock.runFor(11 * 60_000 + 40_000);
    },
  },
  {
    name: 'paused',
    go: async (p: Page) => {
      await startRun(p, 'Lactic acid');
      await tap(p, 'Pause');
      await p.getByRole('button', { name: 'Resume' }).waitFor();
    },
  },
  {
    name: 'locked',
    go: async (p: Page) => {
      await startRun(p, 'Lactic acid');
      await tap(p, 'Lock');
      await p.getByRole('button', { name: 'Unlock' }).waitFor();
    },
  },
  { name: 'a rep set waiting for Done, on a side', go: (p: Page) => startRun(p, 'Hip strength extras') },
  {
    name: 'tempo reps',
    go: async (p: Page) => {
      await startRun(p, 'Hip strength extras');
      await tap(p, 'Done');
      await p.clock.runFor(5000);
      await tap(p, 'Done');
      await p.clock.runFor(32_000);
      await p.getByText('Rep 1 of 10', { exact: true }).waitFor();
    },
  },
  {
    name: 'asking to end',
    go: async (p: Page) => {
      await startRun(p, 'Lactic acid');
      await tap(p, 'End');
      await p.getByRole('button', { name: 'Keep going' }).waitFor();
    },
  },
  {
    name: 'the end',
    go: async (p: Page) => {
      await startRun(p, 'Fredericson stretches');
      await tap(p, 'End');
      await tap(p, 'End workout');
      await p.clock.runFor(5000);
      await p.getByRole('heading', { level: 1, name: 'Workout ended' }).waitFor();
    },
  },
];

describe('the timer screen, in every theme', () => {
  it.each(timerStates)('has no accessibility violations: $name', async ({ name, go }) => {
    const { page } = session;
    await go(page);
    // axe works through the page's timers: let the clock flow again.
    await page.clock.resume();
    for (const theme of THEMES) {
      await setTheme(page, theme);
      await expectNoViolations(page, `the timer ${name} (${theme})`, theme !== 'light');
    }
  });

  // The undo window is 5 s of the page's clock, which runs while axe does: one theme per run.
  it.each(THEMES)('has no accessibility violations while ending, with Undo (%s)', async (theme) => {
    const { page } = session;
    await startRun(page, 'Lactic acid');
    await setTheme(page, theme);
    await tap(page, 'End');
    await tap(page, 'End workout');
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await page.clock.resume();
    await expectNoViolations(page, `the timer while ending (${theme})`, theme !== 'light');
    expect(await page.getByRole('button', { name: 'Undo' }).count(), 'still ending when axe finished').toBe(1);
  });
});
