/**
 * The timer as seen from the water, measured on the production build in
 * Chromium (the same measurements as tests/e2e/timer-legibility.e2e.test.ts,
 * from tests/e2e/legibility.ts; the test asserts the bars, this prints the
 * figures):
 *
 *   (a) rendered glyph height of the time left (ink, not font size) as a share
 *       of the viewport's height, per screen and size
 *   (b) lowest contrast of any text on the timer, and of the focus ring, on
 *       the six zone colours, per theme
 *   (c) height of the big controls, per size
 *
 * Figures only, no pass or fail. Builds into $AQUAJOG_OUT_DIR (default dist/)
 * when it is missing or with --build.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { buttonHeights, contrastByZone, glyphHeight, reachTempo, resize, setTheme, startRun, THEMES } from '../tests/e2e/legibility';
import { build } from './bundle';
import { table, type Section } from './report';
import { launch, NAME_SHIM, portOf } from './timer';

const SIZES = [
  { width: 390, height: 844 },
  { width: 844, height: 390 },
  { width: 320, height: 640 },
  { width: 640, height: 320 },
] as const;

interface Screen {
  readonly name: string;
  go(page: Page): Promise<void>;
}

const tap = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

const CLOCKS: readonly Screen[] = [
  {
    name: 'M:SS (Sprint 1:40)',
    go: async (p) => {
      await startRun(p, 'Lactic acid');
      await p.clock.runFor(11 * 60_000 + 50_000);
    },
  },
  { name: 'MM:SS (Warm-up 10:00)', go: (p) => startRun(p, 'Lactic acid') },
  {
    name: 'last minute (0:45)',
    go: async (p) => {
      await startRun(p, 'Lactic acid');
      await p.clock.runFor(11 * 60_000 + 30_000 + 75_000);
    },
  },
  {
    name: 'stretch hold (0:12)',
    go: async (p) => {
      await startRun(p, 'Fredericson stretches');
      await tap(p, 'Done');
      await p.clock.runFor(3000);
    },
  },
  {
    name: 'tempo phase (Hold 5)',
    go: async (p) => {
      await reachTempo(p);
      await p.clock.runFor(2000);
    },
  },
];

const STATES: readonly Screen[] = [
  { name: 'running', go: (p) => startRun(p, 'Lactic acid') },
  {
    name: 'paused',
    go: async (p) => {
      await startRun(p, 'Lactic acid');
      await tap(p, 'Pause');
    },
  },
  { name: 'reps with Done', go: (p) => startRun(p, 'Hip strength extras') },
  { name: 'tempo', go: reachTempo },
  {
    name: 'asking to end',
    go: async (p) => {
      await startRun(p, 'Lactic acid');
      await tap(p, 'End');
    },
  },
  {
    name: 'ending, Undo',
    go: async (p) => {
      await startRun(p, 'Lactic acid');
      await tap(p, 'End');
      await tap(p, 'End workout');
      await p.getByRole('button', { name: 'Undo' }).waitFor();
    },
  },
];

async function withPage<T>(browser: Browser, baseURL: string, size: { width: number; height: number }, f: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: size, baseURL, serviceWorkers: 'block' });
  await context.addInitScript(NAME_SHIM);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return await f(page);
  } finally {
    await context.close();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export const legibilitySection: Section = {
  name: 'legibility',
  title: 'Timer from 3 m: glyph height of the time left, contrast on the zone colours, control heights',
  async run({ root, flags, print }) {
    const outDir = process.env['AQUAJOG_OUT_DIR'] || 'dist';
    if ((flags.has('--build') || !existsSync(join(root, outDir, 'index.html'))) && !build(root, print)) return;
    // Serve a copy, so a build started meanwhile can't pull the files away mid-run.
    const snapshot = mkdtempSync(join(tmpdir(), 'aquajog-bench-legibility-'));
    cpSync(join(root, outDir), snapshot, { recursive: true });
    const browser = await launch();
    const { preview } = await import('vite');
    const server = await preview({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: snapshot },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    try {
      const baseUrl = `http://127.0.0.1:${portOf(server.httpServer.address())}`;
      print(`Chromium ${browser.version()}, headless; ${outDir}/ served by vite preview; the page's clock paused (page.clock)`);

      print();
      print('(a) glyph height of the time left: ink of its shortest group of digits (canvas measureText with the computed font)');
      print('    / viewport height; bars: >= 25% at 390x844, >= 30% at 844x390');
      const rows: string[][] = [];
      for (const screen of CLOCKS) {
        const row = [screen.name];
        await withPage(browser, baseUrl, SIZES[0], async (page) => {
          await screen.go(page);
          for (const size of SIZES) {
            await resize(page, size);
            const g = await glyphHeight(page);
            row.push(`${pct(g.ratio)} (${g.inkPx.toFixed(0)} px)${g.bundledFont ? '' : ' fallback font'}${g.inView ? '' : ' cut off'}`);
          }
        });
        rows.push(row);
      }
      for (const l of table(['screen', ...SIZES.map((s) => `${s.width}x${s.height}`)], rows, 'lrrrr')) print(`  ${l}`);

      print();
      print('(b) lowest contrast on the six zone colours, over the states ' + STATES.map((s) => s.name).join(', '));
      print("    text: every visible text against its composited background; ring: the focused control's outline against the zone");
      const worst = new Map<string, { text: number; textWhat: string; ring: number }>();
      for (const state of STATES) {
        await withPage(browser, baseUrl, SIZES[0], async (page) => {
          await state.go(page);
          for (const theme of THEMES) {
            await setTheme(page, theme);
            for (const z of await contrastByZone(page)) {
              const w = worst.get(theme) ?? { text: Infinity, textWhat: '', ring: Infinity };
              if (z.minText < w.text) Object.assign(w, { text: z.minText, textWhat: `"${z.worstText}" on ${z.zone.replace('--aq-zone-', '')}, ${state.name}` });
              w.ring = Math.min(w.ring, z.focusRing);
              worst.set(theme, w);
            }
          }
        });
      }
      const contrastRows = THEMES.map((t) => {
        const w = worst.get(t)!;
        return [t, `${w.text.toFixed(2)}:1`, w.textWhat, `${w.ring.toFixed(2)}:1`];
      });
      for (const l of table(['theme', 'min text', 'where', 'min focus ring'], contrastRows, 'lrll')) print(`  ${l}`);

      print();
      print('(c) control heights (px); Resume measured paused');
      const names = ['Pause', 'Resume', 'Back', 'Skip', 'Done', 'End', 'Lock'];
      const heightRows: string[][] = [];
      for (const size of SIZES) {
        const h = await withPage(browser, baseUrl, size, async (page) => {
          await startRun(page, 'Hip strength extras');
          const running = await buttonHeights(page, ['Pause', 'Back', 'Skip', 'Done', 'End', 'Lock']);
          await tap(page, 'Pause');
          return { ...running, ...(await buttonHeights(page, ['Resume'])) };
        });
        heightRows.push([`${size.width}x${size.height}`, ...names.map((n) => (h[n] === undefined ? '-' : h[n]!.toFixed(0)))]);
      }
      for (const l of table(['viewport', ...names], heightRows, 'lrrrrrrr')) print(`  ${l}`);
    } finally {
      await server.close();
      await browser.close();
      rmSync(snapshot, { recursive: true, force: true });
    }
  },
};
