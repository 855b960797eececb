/**
 * axe-core on each kind of page of the production build. Every rule runs in
 * light mode; dark mode changes only colours, so there it checks contrast.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { useBrowser, workouts } from './harness';

const session = useBrowser();

const ALL_RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Fails with a readable list of problems rather than a diff of axe's objects. */
async function expectNoViolations(page: Page, where: string, contrastOnly: boolean): Promise<void> {
  const builder = new AxeBuilder({ page });
  const results = await (contrastOnly ? builder.withRules(['color-contrast']) : builder.withTags(ALL_RULES)).analyze();
  expect(results.passes.length + results.incomplete.length, 'axe checked something').toBeGreaterThan(0);
  const problems = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
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
