/**
 * History and Settings fit every phone size, on the production build: at
 * 320x640, 390x844, 844x390 and 640x320, light and dark, with several weeks
 * of real sessions (a pool run ended early and a finished rehab session with
 * its pain rating and note, copied back over eight weeks and imported through
 * History's Import), the page never scrolls sideways, nothing runs off either
 * side of the screen, every control is within it, no two labels in a chart
 * overlap or run together, and no chart resizes itself in a loop.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBrowser } from './harness';

const session = useBrowser();

/** Errors the harness doesn't see: a ResizeObserver loop (a chart resizing itself as it redraws) is an error event, not an exception. */
async function recordErrorEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { errorEvents: string[] }).errorEvents = seen;
    addEventListener('error', (event) => seen.push(event.message));
  });
}

beforeEach(async () => {
  session.page.setDefaultTimeout(10_000);
  await recordErrorEvents(session.page);
});

const SIZES = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 844, height: 390 },
  { width: 640, height: 320 },
] as const;
const THEMES = ['Light', 'Dark'] as const;
/** The page's side margin in px (--aq-space-4). */
const PAGE_MARGIN = 16;
/** Pixels between two chart labels side by side, at least. */
const LABEL_GAP = 4;

/** A Saturday morning; the backup's sessions go back eight weeks from here. */
const START = new Date('2026-11-21T09:00:00');
const DAY_MS = 24 * 60 * 60 * 1000;
const LONG_NOTE =
  'Outside of the knee tight after the stairs, eased off once warm. Physio said keep the clamshells slow: https://example.org/it-band-rehab-protocol-week-three';

/** Made once by the first test that needs it, from sessions the app itself recorded. */
let backupText: string | null = null;

/** Runs Lactic acid for 12 minutes and ends it, then finishes Icing with a pain rating and a note. */
async function recordTwoSessions(page: Page): Promise<void> {
  await page.goto('/#/workout/lactic-acid');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByLabel('Time left').waitFor();
  await page.clock.runFor(12 * 60_000);
  await page.getByRole('button', { name: 'End', exact: true }).click();
  await page.getByRole('button', { name: 'End workout' }).click();
  await page.getByRole('button', { name: 'Undo' }).waitFor();
  await page.clock.runFor(5000);
  await page.getByText('Saved to History.').waitFor();
  await page.getByRole('group', { name: 'How hard was it? (RPE)' }).getByRole('radio', { name: '8', exact: true }).check();

  await page.goto('/#/workout/icing');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByLabel('Time left').waitFor();
  await page.clock.runFor(10 * 60_000 + 1500);
  await page.getByRole('heading', { name: 'Workout complete' }).waitFor();
  await page.getByText('Saved to History.').waitFor();
  await page.getByRole('group', { name: 'Pain during it' }).getByRole('radio', { name: '4', exact: true }).check();
  await page.getByLabel('Note (optional)').fill(LONG_NOTE);
  await page.getByLabel('Note (optional)').blur();
}

/**
 * A backup with eight weeks of history: the two recorded sessions exported
 * from History, then copied to earlier days (a pool run most weeks, rehab two
 * or three times a week with pain ratings going down and a note now and then).
 */
async function makeBackup(page: Page): Promise<string> {
  await page.clock.install({ time: START });
  await recordTwoSessions(page);
  await page.goto('/#/history');
  await page.getByRole('listitem').filter({ hasText: 'Icing' }).first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
  const backup = JSON.parse(await readFile((await download.path())!, 'utf8'));
  const pool = backup.sessions.find((s: { kind: string }) => s.kind === 'pool');
  const rehab = backup.sessions.find((s: { kind: string }) => s.kind === 'rehab');
  expect(pool, 'a pool session was recorded').toBeDefined();
  expect(rehab, 'a rehab session was recorded').toBeDefined();
  expect(rehab.pain).toBe(4);
  expect(rehab.note).toBe(LONG_NOTE);

  const copy = (from: typeof pool, daysBack: number, patch: Record<string, unknown>) => {
    const shift = daysBack * DAY_MS;
    return {
      ...from,
      id: `${from.id}-${daysBack}`,
      startedAt: from.startedAt - shift,
      endedAt: from.endedAt - shift,
      updatedAt: from.updatedAt - shift,
      ...patch,
    };
  };
  const sessions = [...backup.sessions];
  for (let week = 0; week < 8; week++) {
    if (week !== 3) sessions.push(copy(pool, week * 7 + 2, { rpe: 5 + (week % 4), note: week === 1 ? 'Felt strong in the sprints.' : '' }));
    for (const [n, day] of [1, 3, 5].entries()) {
      if (week === 5 && n > 0) continue;
      // Going down over the weeks, with the odd bad day.
      const pain = Math.max(0, Math.min(10, 2 + Math.round(week * 0.8) + (n === 1 ? 2 : 0)));
      sessions.push(copy(rehab, week * 7 + day, { pain: week === 6 && n === 1 ? null : pain, note: n === 0 && week % 2 === 0 ? LONG_NOTE : '' }));
    }
  }
  return JSON.stringify({ ...backup, sessions, settings: null });
}

/** Loads History with the eight weeks of sessions, imported the way a person restores a backup. */
async function historyWithSessions(page: Page): Promise<number> {
  if (backupText === null) {
    backupText = await makeBackup(page);
    await page.getByRole('button', { name: 'Delete all data' }).click();
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByText(/No sessions yet/).waitFor();
  } else {
    await page.clock.install({ time: START.getTime() + 40 * 60_000 });
    await page.goto('/#/history');
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
  }
  const count = (JSON.parse(backupText) as { sessions: unknown[] }).sessions.length;
  await page.getByLabel('Import backup').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
  await page.getByText(new RegExp(`Imported ${count} sessions`)).waitFor();
  await page.getByRole('img', { name: /^Pain ratings from 0/ }).waitFor();
  return count;
}

async function chooseTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await page.goto('/#/settings');
  await page.getByRole('radio', { name: theme, exact: true }).check();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme.toLowerCase());
}

async function sized(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  // Two frames: one for the layout, one for the charts to redraw at their new width.
  for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

interface Fit {
  readonly scrollWidth: number;
  readonly innerWidth: number;
  /** Elements whose box runs off the left or right of the screen (not inside a scrolling region). */
  readonly offScreen: string[];
  /** Pairs of chart labels drawn over each other, or closer than LABEL_GAP side by side. */
  readonly overlaps: string[];
  /** Buttons, links and other controls shown with any part beyond the screen's sides. */
  readonly controlsOff: string[];
}

/**
 * How the page fits the screen, looking into every shadow root: the page's
 * own width, anything drawn beyond the screen's sides (text in a chart
 * included), every control a person can reach, and chart labels that overlap.
 */
function measure(page: Page): Promise<Fit> {
  return page.evaluate((GAP) => {
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const name = (el: Element) => {
      const host = (el.getRootNode() as ShadowRoot).host;
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${host ? `${host.localName} ` : ''}${el.localName}${el.id ? `#${el.id}` : ''} "${text}"`;
    };
    /** Inside a box that scrolls or clips sideways, which keeps it in its own bounds. */
    const clipped = (el: Element) => {
      for (let node: Node | null = el.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
        if (!(node instanceof Element) || node === document.documentElement || node === document.body) continue;
        if (node instanceof SVGElement && !(node instanceof SVGSVGElement)) continue;
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(node).overflowX)) return true;
      }
      return false;
    };
    const CONTROLS =
      'button, a[href], summary, input:not([type="hidden"]), select, textarea, label.button, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])';
    const offScreen: string[] = [];
    const controlsOff: string[] = [];
    for (const el of all) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const beyond = box.left < -0.5 || box.right > innerWidth + 0.5;
      if (beyond && el.matches(CONTROLS)) controlsOff.push(`${name(el)} ${box.left.toFixed(0)}..${box.right.toFixed(0)}`);
      if (beyond && !clipped(el)) offScreen.push(`${name(el)} ${box.left.toFixed(0)}..${box.right.toFixed(0)}`);
    }
    const overlaps: string[] = [];
    for (const svg of all.filter((el) => el instanceof SVGSVGElement)) {
      const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent!.trim() !== '');
      const boxes = texts.map((t) => t.getBoundingClientRect());
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          // On one line, labels need a few pixels between them to read as two ("Sep Oct", not "SepOct").
          const sameLine = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > Math.min(a.height, b.height) / 2;
          const gap = sameLine ? GAP : -0.5;
          if (a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
            overlaps.push(`"${texts[i]!.textContent}" and "${texts[j]!.textContent}" in ${svg.getAttribute('aria-label')?.slice(0, 30)}`);
          }
        }
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, offScreen, overlaps, controlsOff };
  }, LABEL_GAP);
}

async function expectFits(page: Page, where: string): Promise<void> {
  const fit = await measure(page);
  expect.soft(await page.evaluate(() => (window as unknown as { errorEvents: string[] }).errorEvents), `${where}: error events`).toEqual([]);
  // Soft, so one run lists every size and every problem.
  expect.soft(fit.scrollWidth, `${where}: page width`).toBeLessThanOrEqual(fit.innerWidth);
  expect.soft(fit.offScreen, `${where}: drawn beyond the screen's sides`).toEqual([]);
  expect.soft(fit.overlaps, `${where}: chart labels over each other`).toEqual([]);
  expect.soft(fit.controlsOff, `${where}: controls beyond the screen's sides`).toEqual([]);
}

describe.each(THEMES)('History, %s theme', (theme) => {
  it('fits every phone size with weeks of sessions, an item open and both tables shown', { timeout: 60_000 }, async () => {
    const { page } = session;
    const count = await historyWithSessions(page);
    await chooseTheme(page, theme);
    // Opened on the smallest phone first, as the charts' first drawing there is where History used to widen.
    await page.setViewportSize(SIZES[0]);
    await page.getByRole('link', { name: 'History' }).first().click();
    await page.getByRole('img', { name: /^Pain ratings from 0/ }).waitFor();
    expect(
      await page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { level: 3 }) })
        .count(),
    ).toBe(Math.min(count, 20));
    await page.getByText('Weekly totals as a table').click();
    await page.getByText('Pain ratings as a table').click();
    const item = page.getByRole('listitem').filter({ hasText: 'Icing' }).first();
    await item.getByText('Details and edit').click();
    await item.getByText('Exact workout text (the workout language)').click();
    await item.getByRole('button', { name: 'Delete session' }).waitFor();
    for (const size of SIZES) {
      await sized(page, size);
      await expectFits(page, `History ${size.width}x${size.height} ${theme}`);
    }
  });
});

describe.each(THEMES)('Settings, %s theme', (theme) => {
  it('fits every phone size', { timeout: 60_000 }, async () => {
    const { page } = session;
    await page.setViewportSize(SIZES[0]);
    await chooseTheme(page, theme);
    await page.getByRole('spinbutton', { name: 'Maximum heart rate (bpm)' }).fill('188');
    await page.getByRole('button', { name: 'Test sound' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Playing|Sound could not start/ })
      .waitFor();
    for (const size of SIZES) {
      await sized(page, size);
      await expectFits(page, `Settings ${size.width}x${size.height} ${theme}`);
    }
  });
});

describe.each(THEMES)('Today, %s theme', (theme) => {
  it(
    'fits every phone size three weeks into a programme, with a check-off, a pain check-in open and the calendar table shown',
    { timeout: 60_000 },
    async () => {
      const { page } = session;
      await page.clock.install({ time: START });
      await page.setViewportSize(SIZES[0]);
      await chooseTheme(page, theme);
      await page.goto('/#/today');
      await page.getByLabel('Start date').fill('2026-11-02');
      await page.getByRole('button', { name: 'Start the programme' }).click();
      await page.getByText('Week 3 of 6, day 20').waitFor();
      await page.getByRole('group', { name: 'How is the pain right now? (0 none, 10 worst)' }).getByRole('button', { name: 'Pain 3 of 10' }).click();
      await page.getByRole('button', { name: 'Done without the timer: Fredericson strength' }).click();
      await page.getByRole('group', { name: /Pain after Fredericson strength/ }).waitFor();
      await page.getByRole('button', { name: 'Start Fredericson stretches' }).click();
      await page.getByRole('group', { name: /Pain before Fredericson stretches/ }).waitFor();
      await page.getByText('Pain and sessions as a table').click();
      for (const size of SIZES) {
        await sized(page, size);
        await expectFits(page, `Today ${size.width}x${size.height} ${theme}`);
      }
    },
  );
});

/** The browser offers installing (Chromium's `beforeinstallprompt`), so the header shows Install. */
async function offerInstall(page: Page): Promise<void> {
  await page.evaluate(() => {
    const offer = Object.assign(new Event('beforeinstallprompt'), {
      prompt: async () => undefined,
      userChoice: Promise.resolve({ outcome: 'dismissed' }),
    });
    window.dispatchEvent(offer);
  });
  await page.getByRole('button', { name: 'Install' }).waitFor();
}

describe('The shell', () => {
  it('the header with Install fits every phone size: nothing sideways, Today, History and Settings on one line, Install beside them or the name', async () => {
    const { page } = session;
    await page.setViewportSize(SIZES[0]);
    // A programme runs, so the header has Today too.
    await page.goto('/#/today');
    await page.getByRole('button', { name: 'Start the programme' }).click();
    await page.getByText('Week 1 of 6, day 1').waitFor();
    await page.goto('/#/');
    await page.getByRole('heading', { name: 'Workouts', level: 1 }).waitFor();
    await offerInstall(page);
    const header = page.getByRole('banner');
    const controls = [
      header.getByRole('link', { name: 'Aquajog' }),
      header.getByRole('button', { name: 'Install' }),
      header.getByRole('link', { name: 'Today' }),
      header.getByRole('link', { name: 'History' }),
      header.getByRole('link', { name: 'Settings' }),
    ];
    for (const size of SIZES) {
      await sized(page, size);
      const where = `header ${size.width}x${size.height}`;
      expect.soft(await header.evaluate((el) => el.scrollWidth - el.clientWidth), `${where}: scrolls sideways by`).toBeLessThanOrEqual(0);
      const boxes = [];
      for (const control of controls) {
        const box = (await control.boundingBox())!;
        boxes.push(box);
        const name = await control.textContent();
        expect.soft(box.x >= 0 && box.x + box.width <= size.width, `${where}: ${name} at ${box.x}..${box.x + box.width} on screen`).toBe(true);
        expect.soft(box.height, `${where}: ${name} tall enough to tap`).toBeGreaterThanOrEqual(44);
      }
      // Today, History and Settings together on one line (never Settings alone on a third line at 320 px), Install on a line with the name or with them.
      const tops = boxes.map((box) => Math.round(box.y));
      expect.soft(new Set(tops.slice(2)).size, `${where}: Today, History and Settings on one line (tops ${tops.join(', ')})`).toBe(1);
      expect.soft([tops[0], tops[2]], `${where}: Install beside the name or the links (tops ${tops.join(', ')})`).toContain(tops[1]);
      await expectFits(page, where);
    }
  });

  it('the offer to keep a run that was cut off fits every phone size, on the library and on the run route', async () => {
    const { context } = session;
    const before = session.page;
    await before.clock.install({ time: START });
    await before.goto('/#/workout/icing');
    await before.getByRole('button', { name: 'Start', exact: true }).click();
    await before.getByLabel('Time left').waitFor();
    await before.clock.runFor(9 * 60_000 + 59_000);
    await before.close();
    // Opened again five minutes later: by the clock it is over, so the big button is "Save as completed".
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await recordErrorEvents(page);
    await page.clock.install({ time: START });
    await page.clock.setSystemTime(START.getTime() + 15 * 60_000);
    for (const route of ['/', '/#/run/icing']) {
      await page.goto(route);
      const offer = page.getByRole('region', { name: 'Icing was interrupted' });
      await offer.getByRole('button', { name: 'Save as completed' }).waitFor();
      for (const size of SIZES) {
        await sized(page, size);
        const where = `offer on ${route} ${size.width}x${size.height}`;
        const box = (await offer.boundingBox())!;
        for (const button of await offer.getByRole('button').all()) {
          const b = (await button.boundingBox())!;
          const name = await button.textContent();
          expect.soft(b.x >= box.x && b.x + b.width <= box.x + box.width, `${where}: ${name?.trim()} inside the offer`).toBe(true);
          expect.soft(b.height, `${where}: ${name?.trim()} tall enough to tap`).toBeGreaterThanOrEqual(44);
        }
        await expectFits(page, where);
      }
    }
  });

  it('the end of a workout: the review below the heading at every phone size, never over it, its links clear of the screen edges', async () => {
    const { page } = session;
    await page.clock.install({ time: START });
    await page.setViewportSize(SIZES[0]);
    // The longest title, ended early: the heading takes the most lines at 320 px.
    await page.goto('/#/workout/wave-your-hands');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByLabel('Time left').waitFor();
    await page.clock.runFor(20 * 60_000);
    await page.getByRole('button', { name: 'End', exact: true }).click();
    await page.getByRole('button', { name: 'End workout' }).click();
    await page.clock.runFor(5000);
    await page.getByText('Saved to History.').waitFor();
    const heading = [
      page.getByRole('heading', { level: 1, name: 'Workout ended' }),
      page.getByText('Wave your hands in the air', { exact: true }),
      page.getByText(/active · ended at interval/),
    ];
    const review = page.getByRole('region', { name: 'How it went' });
    for (const size of SIZES) {
      await sized(page, size);
      await page.evaluate(() => window.scrollTo(0, 0));
      const where = `end screen ${size.width}x${size.height}`;
      // The review's column starts below the heading's last line (it once lay over the timer from a fixed offset).
      const top = (await review.boundingBox())!.y;
      for (const line of heading) {
        const box = (await line.boundingBox())!;
        expect.soft(box.y + box.height, `${where}: "${await line.textContent()}" ends above the review`).toBeLessThanOrEqual(top);
      }
      for (const link of [review.getByRole('link', { name: 'All workouts' }), review.getByRole('link', { name: 'History' })]) {
        const box = (await link.boundingBox())!;
        // Within the page's side margins (--aq-space-4), like the form above them: at 320 px they once ran out to 4 px from the edge.
        const clear = box.x >= PAGE_MARGIN - 0.5 && box.x + box.width <= size.width - PAGE_MARGIN + 0.5;
        expect.soft(clear, `${where}: ${await link.textContent()} at ${box.x}..${box.x + box.width}, within the page's margins`).toBe(true);
        expect.soft(box.height, `${where}: ${await link.textContent()} tall enough to tap`).toBeGreaterThanOrEqual(44);
      }
      const fit = await measure(page);
      expect.soft(fit.scrollWidth, `${where}: page width`).toBeLessThanOrEqual(fit.innerWidth);
      expect.soft(fit.controlsOff, `${where}: controls beyond the screen's sides`).toEqual([]);
    }
  });
});
