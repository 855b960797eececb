/**
 * The timer as seen from the water, measured on the production build: the
 * time left's rendered glyph height against the viewport, the contrast of
 * every text and of the focus ring on every zone colour in every theme, the
 * size of the big buttons, and no screen cut off, overlapping or scrolling at
 * phone sizes in both orientations. How each is measured: ./legibility.ts.
 */
import type { Page } from 'playwright';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBrowser } from './harness';
import { buttonHeights, contrastByZone, glyphHeight, layoutProblems, reachTempo, resize, setTheme, startRun, THEMES } from './legibility';

const session = useBrowser();

beforeEach(() => {
  session.page.setDefaultTimeout(5000);
});

const PORTRAIT = { width: 390, height: 844 };
const LANDSCAPE = { width: 844, height: 390 };
const SIZES = [PORTRAIT, LANDSCAPE, { width: 320, height: 640 }, { width: 640, height: 320 }];

function button(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

describe('the time left, from 3 m', () => {
  /** Each case: how to get there, and what the big number reads. */
  const cases = [
    {
      name: 'an M:SS interval (Sprint, 1:40)',
      go: async (p: Page) => {
        await startRun(p, 'Lactic acid');
        await p.clock.runFor(11 * 60_000 + 50_000);
      },
      reads: '1|40',
    },
    { name: 'an MM:SS interval (Warm-up, 10:00)', go: (p: Page) => startRun(p, 'Lactic acid'), reads: '10|00' },
    {
      name: 'the last minute (0:45)',
      go: async (p: Page) => {
        await startRun(p, 'Lactic acid');
        await p.clock.runFor(11 * 60_000 + 30_000 + 75_000);
      },
      reads: '45',
    },
    {
      name: 'a tempo phase (Hold, 5)',
      go: async (p: Page) => {
        await reachTempo(p);
        await p.clock.runFor(2000);
      },
      reads: '5',
    },
  ];

  it.each(cases)('is at least 25% of the height in portrait and 30% in landscape: $name', async ({ go, reads }) => {
    const { page } = session;
    await page.setViewportSize(PORTRAIT);
    await go(page);
    const portrait = await glyphHeight(page);
    expect(portrait.text.replace(/\|/g, '')).toBe(reads.replace(/\|/g, ''));
    expect(portrait.bundledFont, 'drawn in the bundled digits face').toBe(true);
    expect(portrait.inView, 'all of it on screen').toBe(true);
    expect(portrait.ratio, `${portrait.inkPx.toFixed(0)} px of ${portrait.viewportHeight}`).toBeGreaterThanOrEqual(0.25);

    await resize(page, LANDSCAPE);
    const landscape = await glyphHeight(page);
    expect(landscape.inView).toBe(true);
    expect(landscape.ratio, `${landscape.inkPx.toFixed(0)} px of ${landscape.viewportHeight}`).toBeGreaterThanOrEqual(0.3);
  });
});

describe('the bundled faces', () => {
  it('come from the precache: offline, the time left is still drawn in them', async () => {
    const { page, context } = session;
    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await startRun(page, 'Lactic acid');
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls.filter((u) => /\.woff2(\?|$)/.test(u)).length;
    });
    expect(cached, 'font files in the precache').toBe(2);
    expect((await glyphHeight(page)).bundledFont, 'digits in the bundled face, offline').toBe(true);
  });
});

describe('contrast on every zone colour, in every theme', () => {
  const states = [
    { name: 'running', go: (p: Page) => startRun(p, 'Lactic acid') },
    {
      name: 'paused',
      go: async (p: Page) => {
        await startRun(p, 'Lactic acid');
        await button(p, 'Pause').click();
        await button(p, 'Resume').waitFor();
      },
    },
    { name: 'a rep set with Done, on a side', go: (p: Page) => startRun(p, 'Hip strength extras') },
    { name: 'tempo reps', go: reachTempo },
    {
      name: 'asking to end',
      go: async (p: Page) => {
        await startRun(p, 'Lactic acid');
        await button(p, 'End').click();
        await button(p, 'Keep going').waitFor();
      },
    },
    {
      name: 'ending, with Undo',
      go: async (p: Page) => {
        await startRun(p, 'Lactic acid');
        await button(p, 'End').click();
        await button(p, 'End workout').click();
        await button(p, 'Undo').waitFor();
      },
    },
  ];

  it.each(states)('every text at 7:1 and the focus ring at 3:1: $name', async ({ go }) => {
    const { page } = session;
    await go(page);
    const failures: string[] = [];
    for (const theme of THEMES) {
      await setTheme(page, theme);
      for (const z of await contrastByZone(page)) {
        expect(z.texts, 'texts measured').toBeGreaterThan(2);
        if (z.minText < 7) failures.push(`${theme} ${z.zone}: "${z.worstText}" at ${z.minText.toFixed(2)}:1`);
        if (z.focusRing < 3) failures.push(`${theme} ${z.zone}: focus ring at ${z.focusRing.toFixed(2)}:1`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the big buttons', () => {
  it('Pause / Resume, Back, Skip and Done are at least 72 px tall in both orientations, and never clipped', async () => {
    const { page } = session;
    await startRun(page, 'Hip strength extras');
    for (const size of [PORTRAIT, LANDSCAPE, { width: 320, height: 640 }, { width: 640, height: 320 }]) {
      await resize(page, size);
      const heights = await buttonHeights(page, ['Back', 'Pause', 'Skip', 'Done']);
      for (const name of ['Back', 'Pause', 'Skip', 'Done']) expect(heights[name], `${name} at ${size.width}x${size.height}`).toBeGreaterThanOrEqual(72);
    }
    await button(page, 'Pause').click();
    for (const size of SIZES) {
      await resize(page, size);
      const heights = await buttonHeights(page, ['Resume']);
      expect(heights['Resume'], `Resume at ${size.width}x${size.height}`).toBeGreaterThanOrEqual(72);
      expect(await layoutProblems(page), `at ${size.width}x${size.height}`).toEqual([]);
    }
  });

  it('keeps End away from Lock', async () => {
    const { page } = session;
    await startRun(page, 'Lactic acid');
    for (const size of SIZES) {
      await resize(page, size);
      const end = (await button(page, 'End').boundingBox())!;
      const lock = (await button(page, 'Lock').boundingBox())!;
      const gap = Math.max(lock.x - (end.x + end.width), end.x - (lock.x + lock.width), lock.y - (end.y + end.height), end.y - (lock.y + lock.height));
      expect(gap, `End to Lock at ${size.width}x${size.height}`).toBeGreaterThan(size.width / 3);
    }
  });
});

describe('every screen at phone sizes, both orientations', () => {
  const screens = [
    {
      name: 'a pool workout (Sprint, with a round and a target)',
      go: async (p: Page) => {
        await startRun(p, 'Lactic acid');
        await p.clock.runFor(11 * 60_000 + 50_000);
      },
    },
    {
      name: 'a pool workout, paused on a long label',
      go: async (p: Page) => {
        await startRun(p, 'Lactic acid');
        await p.clock.runFor(13 * 60_000 + 40_000);
        await button(p, 'Pause').click();
        await button(p, 'Resume').waitFor();
      },
    },
    {
      name: 'a per-side stretch',
      go: async (p: Page) => {
        await startRun(p, 'Fredericson stretches');
        await button(p, 'Done').click();
        await p.getByText('Lying rope hip stretch', { exact: true }).waitFor();
      },
    },
    { name: 'a rep set with Done', go: (p: Page) => startRun(p, 'Hip strength extras') },
    { name: 'a tempo set', go: reachTempo },
    {
      name: 'the wall isometric, on a side',
      go: async (p: Page) => {
        await reachTempo(p);
        await p.clock.runFor(90_000 + 30_000);
        await p.getByText('Wall isometric', { exact: true }).waitFor();
      },
    },
    {
      name: 'asking to end',
      go: async (p: Page) => {
        await startRun(p, 'Lactic acid');
        await button(p, 'End').click();
      },
    },
    {
      name: 'ending, with Undo',
      go: async (p: Page) => {
        await startRun(p, 'Lactic acid');
        await button(p, 'End').click();
        await button(p, 'End workout').click();
      },
    },
    {
      name: 'locked',
      go: async (p: Page) => {
        await startRun(p, 'Lactic acid');
        await button(p, 'Lock').click();
      },
    },
  ];

  it.each(screens)('nothing cut off, overlapping or scrolling: $name', async ({ go }) => {
    const { page } = session;
    await go(page);
    const problems: string[] = [];
    for (const size of SIZES) {
      await resize(page, size);
      for (const p of await layoutProblems(page)) problems.push(`${size.width}x${size.height}: ${p.what}: ${p.problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('the end screen: nothing sideways, nothing overlapping, the review and its controls on screen', async () => {
    const { page } = session;
    await startRun(page, 'Fredericson stretches');
    await button(page, 'End').click();
    await button(page, 'End workout').click();
    await page.clock.runFor(5000);
    await page.getByRole('heading', { level: 1, name: 'Workout ended' }).waitFor();
    const problems: string[] = [];
    for (const size of SIZES) {
      await resize(page, size);
      // The review below it scrolls down, as a page does; never sideways.
      for (const p of await layoutProblems(page, { scrollsDown: true, ownOnly: true })) problems.push(`${size.width}x${size.height}: ${p.what}: ${p.problem}`);
      // The review below it (aq-app's column with aq-session-review): the page never wider than the screen, every control inside it.
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > size.width) problems.push(`${size.width}x${size.height}: page: scrolls sideways: ${wide} px wide`);
      for (const control of await page.getByRole('radio').or(page.getByRole('link')).or(page.getByRole('textbox')).all()) {
        const box = await control.boundingBox();
        if (box && (box.x < -0.5 || box.x + box.width > size.width + 0.5))
          problems.push(`${size.width}x${size.height}: ${(await control.getAttribute('aria-label')) ?? 'a control'} beyond the screen`);
      }
    }
    expect(problems).toEqual([]);
  });
});
