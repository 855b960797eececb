/**
 * The editor, a shared link's preview and the share sheet fit every phone
 * size, light and dark, on the production build: the page never scrolls
 * sideways (long lines scroll inside the editor, not the page) and every
 * control is on screen, within its edges. And the editor's text doesn't move
 * while one types: errors coming and going don't change the height of what is
 * above it.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { encodeWorkout } from '../../src/share/codec';
import { useBrowser } from './harness';

const session = useBrowser();

const SIZES = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 844, height: 390 },
] as const;

const LONG =
  '# A workout with a rather long title that has to wrap on a narrow phone\n> A note.\nwarmup 5m easy\n4x\n  1m sprnt "A label long enough to run past the edge of any phone held upright"\n\t1m rest\n';

const screens = [
  {
    name: 'the editor with problems',
    go: async (page: Page) => {
      await page.goto('/#/edit/new');
      await page.getByRole('textbox', { name: 'Workout text' }).fill(LONG);
      await page.getByRole('button', { name: 'Change to “sprint”' }).waitFor();
    },
  },
  {
    name: 'a shared link’s preview',
    go: async (page: Page) => {
      await page.goto(`/#/w/${await encodeWorkout(LONG.replace('sprnt', 'sprint').replace('\t', '  '))}`);
      await page.getByRole('button', { name: 'Save to Mine' }).waitFor();
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

/** Buttons and links, through the shadow roots, with their boxes. */
function controls(page: Page) {
  return page.evaluate(() => {
    const out: { name: string; left: number; right: number; width: number }[] = [];
    const walk = (root: Document | ShadowRoot) =>
      root.querySelectorAll('*').forEach((el) => {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (!el.matches('button, a[href], input, select, textarea')) return;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || getComputedStyle(el).visibility === 'hidden' || el.closest('dialog:not([open])')) return;
        out.push({ name: (el.textContent ?? '').trim().slice(0, 40) || el.localName, left: box.left, right: box.right, width: box.width });
      });
    walk(document);
    return { controls: out, viewport: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth };
  });
}

describe.each(['light', 'dark'] as const)('in %s mode', (colorScheme) => {
  it.each(SIZES)('fits $width x $height', async (size) => {
    const { page } = session;
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize(size);
    for (const screen of screens) {
      await screen.go(page);
      const { controls: found, viewport, scrollWidth } = await controls(page);
      expect(scrollWidth, `${screen.name}: the page scrolls sideways`).toBeLessThanOrEqual(viewport);
      expect(found.length, screen.name).toBeGreaterThan(2);
      const outside = found.filter((c) => c.left < -0.5 || c.right > viewport + 0.5).map((c) => c.name);
      expect(outside, `${screen.name}: controls past the screen's edges`).toEqual([]);
    }
  });
});

describe('the editor’s text stays put', () => {
  it.each(SIZES)('at $width x $height while keystrokes bring and take away errors, saved or not', async (size) => {
    const { page } = session;
    await page.setViewportSize(size);
    await page.goto('/#/edit/new');
    const text = page.getByRole('textbox', { name: 'Workout text' });
    await text.fill('# Steady\nwarmup 5m easy\n4x\n  1m sprint\n  1m rest\ncooldown 5m easy');
    await page.getByText('None: this workout can be started.').waitFor();
    // From the page's heading, so a banner of the app's own above the page (an update offer) doesn't count.
    const top = () =>
      text.evaluate((el) => {
        const heading = ((el.getRootNode() as ShadowRoot).host.getRootNode() as ShadowRoot).querySelector('h1')!;
        return el.getBoundingClientRect().top - heading.getBoundingClientRect().top;
      });
    const before = await top();
    // The caret at the end: "easyx" is an unknown word, Backspace mends it.
    await text.press('Control+End');
    await text.press('x');
    await page.getByRole('heading', { name: 'Problems (1)' }).waitFor();
    expect(await top()).toBe(before);
    await text.press('Backspace');
    await page.getByText('None: this workout can be started.').waitFor();
    expect(await top()).toBe(before);

    // Saved: "Open to start" is offered, and goes while there are unsaved changes or errors.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('link', { name: 'Open to start' }).waitFor();
    const saved = await top();
    await text.press('x');
    await page.getByRole('heading', { name: 'Problems (1)' }).waitFor();
    expect(await page.getByRole('link', { name: 'Open to start' }).count()).toBe(0);
    expect(await top()).toBe(saved);
  });
});
