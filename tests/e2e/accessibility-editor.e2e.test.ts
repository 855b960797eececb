/**
 * axe-core on the editor (with problems showing), a shared link's preview and
 * the share sheet, in light and dark mode (every rule in light; contrast in
 * dark, as tests/e2e/accessibility.e2e.test.ts does for the other pages).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { encodeWorkout } from '../../src/share/codec';
import { useBrowser } from './harness';

const session = useBrowser();

const ALL_RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function expectNoViolations(page: Page, where: string, contrastOnly: boolean): Promise<void> {
  const builder = new AxeBuilder({ page });
  const results = await (contrastOnly ? builder.withRules(['color-contrast']) : builder.withTags(ALL_RULES)).analyze();
  expect(results.passes.length + results.incomplete.length, 'axe checked something').toBeGreaterThan(0);
  const problems = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(problems, `axe on ${where}`).toEqual([]);
}

const screens = [
  {
    name: 'the editor, with errors and one-tap fixes',
    go: async (page: Page) => {
      await page.goto('/#/edit/new');
      const text = page.getByRole('textbox', { name: 'Workout text' });
      await text.fill('# Try\n4x\n  1m sprnt\n  1m rest\n3:5 easy');
      await page.getByRole('button', { name: 'Change to “sprint”' }).waitFor();
    },
  },
  {
    name: 'the editor, with the preview',
    go: async (page: Page) => {
      await page.goto('/#/edit/new');
      await page.getByRole('img', { name: /^Profile:/ }).waitFor();
    },
  },
  {
    name: 'a shared link’s preview',
    go: async (page: Page) => {
      await page.goto(`/#/w/${await encodeWorkout('# From the coach\n> Steady\nwarmup 5m easy\n4-6x\n  1m sprint\n  1m rest\n')}`);
      await page.getByRole('button', { name: 'Save to Mine' }).waitFor();
    },
  },
  {
    name: 'a broken link',
    go: async (page: Page) => {
      await page.goto('/#/w/z$$$');
      await page.getByRole('alert').waitFor();
    },
  },
  {
    name: 'the share sheet',
    go: async (page: Page) => {
      await page.goto('/#/workout/pyramid');
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await page.getByRole('img', { name: 'QR code of the link' }).waitFor();
    },
  },
] as const;

describe.each(['light', 'dark'] as const)('in %s mode', (colorScheme) => {
  it.each(screens)('$name has no accessibility violations', async ({ name, go }) => {
    const { page } = session;
    await page.emulateMedia({ colorScheme });
    await go(page);
    await expectNoViolations(page, `${name} (${colorScheme})`, colorScheme === 'dark');
  });
});
