/**
 * The poolside timer in real Chromium: how exactly cues sound, how much the
 * running timer costs the main thread, how late the screen changes, whether the
 * heap grows with a workout's length; and beside the app, what a naive
 * `setInterval` countdown and a `setTimeout` beep give under the same load.
 *
 *   (a) cue onsets: OfflineAudioContext render of whole workouts (Vite dev server, bench/pages/audio.html)
 *   (b) main-thread busy time of a running workout (production build, `vite preview`, CDP metrics)
 *   (c) screen-update lateness, normal / 4x CPU throttling / main thread blocked (same runs as b)
 *   (d) naive setInterval countdown and setTimeout beep vs the app (same runs as b)
 *   (e) JS heap across a fast-forwarded 90-minute run (page.clock)
 *   (f) the first tone at Start: the cue track behind the engine when it starts playing
 *
 * Figures only, no pass or fail. Headless Chromium with audio muted (Playwright's default).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright';
import { build } from './bundle';
import type { RenderResult } from './pages/audio';
import { percentile, table, type Context, type Section } from './report';

// ---------------------------------------------------------------------------
// Pure helpers (no browser), exported so tests/bench can check them.

/** Seconds shown by a clock text: `1:05` is 65, `1:02:03` is 3723. NaN if it is not a clock. */
export function clockSeconds(text: string): number {
  if (!/^\d+(:\d{2}){1,2}$/.test(text.trim())) return Number.NaN;
  return text
    .trim()
    .split(':')
    .reduce((acc, part) => acc * 60 + Number(part), 0);
}

/**
 * How far each time lies from a grid of `period` anchored at the first one
 * (`t - (t0 + k * period)` for the nearest whole k), in the unit of `times`.
 * The first is 0 by definition.
 */
export function gridDeviations(times: readonly number[], period = 1000): number[] {
  if (times.length === 0) return [];
  const t0 = times[0]!;
  return times.map((t) => {
    const k = Math.round((t - t0) / period);
    return t - (t0 + k * period);
  });
}

/** Lateness of each tick of a `setInterval(f, period)` started at `start`: tick k (1-based) is due at start + k * period. */
export function tickLateness(start: number, ticks: readonly number[], period = 1000): number[] {
  return ticks.map((t, i) => t - (start + (i + 1) * period));
}

/** Max, p95 and mean of absolute values (NaN for none). */
export function absSummary(xs: readonly number[]): { n: number; max: number; p95: number; mean: number } {
  const abs = xs.map(Math.abs).sort((a, b) => a - b);
  const n = abs.length;
  return { n, max: abs[n - 1] ?? Number.NaN, p95: percentile(abs, 0.95), mean: n === 0 ? Number.NaN : abs.reduce((a, b) => a + b, 0) / n };
}

/** `12.3` (one decimal), `-` for NaN. */
function ms(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '-';
}

// ---------------------------------------------------------------------------
// Browser and servers.

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * tsx (esbuild, keepNames) wraps named inner functions in `__name(...)`; functions
 * handed to page.evaluate/addInitScript carry those calls into the page, so the
 * page needs the helper too.
 */
export const NAME_SHIM = { content: 'globalThis.__name ??= (f) => f;' };

async function newContext(browser: Browser): Promise<BrowserContext> {
  // No service worker: its install (precaching the whole app) would land in the measured window.
  // A touch screen, as at the pool: Start is tapped, and no mouse pointer stays over the page afterwards
  // (a pointer left resting on a button made Chromium hit-test it after every frame and run hover timers).
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block', hasTouch: true });
  await context.addInitScript(NAME_SHIM);
  // AQUAJOG_BENCH_MUSIC=1: the athlete's choice "Cues over my music" (no media element plays; Web Audio sounds the tones).
  if (process.env['AQUAJOG_BENCH_MUSIC'] === '1')
    await context.addInitScript(() => localStorage.setItem('aquajog.settings', JSON.stringify({ mixWithMusic: true })));
  return context;
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright');
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

export function portOf(address: AddressInfo | string | null): number {
  if (address === null || typeof address === 'string') throw new Error(`server did not listen on a TCP port (${String(address)})`);
  return address.port;
}

/** Newest modification time of the files under `path` (a file or a directory). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

/** The production build's directory under the root: dist/, or $AQUAJOG_OUT_DIR (to measure another build beside it). */
export function outDirName(): string {
  return process.env['AQUAJOG_OUT_DIR'] || 'dist';
}

/** Builds dist/ when asked or missing (and warns when it is older than the sources). False if the build failed. */
export function ensureBuild(root: string, flags: ReadonlySet<string>, print: Context['print']): boolean {
  const out = outDirName();
  const index = join(root, out, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(...['src', 'workouts', 'public', 'index.html', 'vite.config.ts'].map((p) => newest(join(root, p))));
  if (flags.has('--build') || built === 0) return build(root, print);
  const when = new Date(built).toISOString().replace('T', ' ').slice(0, 19);
  if (sources > built) print(`warning: ${out}/ (built ${when} UTC) is older than the sources; --build rebuilds it`);
  else print(`using the existing ${out}/ (built ${when} UTC); --build rebuilds it`);
  return true;
}

// ---------------------------------------------------------------------------
// (a) Cue onsets of a whole workout, rendered offline.

interface RenderJob {
  readonly workout: string;
  /** Rates to try in order; the first that renders is used (a failure is reported, e.g. out of memory). */
  readonly rates: readonly number[];
  /** Book each cue 1.5 s before it is due (suspend/resume), as the live scheduler does, instead of all upfront. */
  readonly lazy: boolean;
}

/**
 * Lazily booked, the graph holds a few tones at a time and an 80-minute track
 * renders at 44.1 kHz in ~3 s (850 MB of samples, so one at a time). Booked all
 * upfront, as tests/platform/audio.browser.test.ts does, Chromium processes
 * every idle tone each quantum: ~14 s at 4 kHz, so that one is a cross-check.
 */
const RENDER_JOBS: readonly RenderJob[] = [
  { workout: 'lactic-acid', rates: [44100, 16000, 8000], lazy: true },
  { workout: 'pyramid', rates: [44100, 16000, 8000], lazy: true },
  { workout: 'lactic-acid', rates: [4000], lazy: false },
];

async function cueOnsets(browser: Browser, root: string, print: Context['print']): Promise<void> {
  const { createServer } = await import('vite');
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: true, hmr: false, watch: null },
    // Scan only the bench pages for dependencies (the app's index.html needs the PWA plugin's virtual modules).
    optimizeDeps: { entries: ['bench/pages/*.html'] },
  });
  await server.listen();
  const context = await newContext(browser);
  try {
    const url = `http://127.0.0.1:${portOf(server.httpServer!.address())}/bench/pages/audio.html`;
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.benchReady === true, undefined, { timeout: 30_000 });
    const notes: string[] = [];
    const rows: string[][] = [];
    for (const job of RENDER_JOBS) {
      let result: RenderResult | null = null;
      for (const rate of job.rates) {
        try {
          result = await page.evaluate(([w, r, l]) => window.renderWorkout(w, r, l), [job.workout, rate, job.lazy] as const);
          break;
        } catch (e) {
          notes.push(`${job.workout} at ${rate} Hz failed (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
        }
      }
      const booking = job.lazy ? '1.5 s ahead' : 'all upfront';
      if (result === null) {
        rows.push([job.workout, '-', booking, '-', '-', '-', '-', '-', '-', '-', '-', '-', '-']);
        continue;
      }
      const err = absSummary(result.errors);
      const signed = result.errors.reduce((a, b) => a + b, 0) / Math.max(1, result.errors.length);
      const early = result.errors.filter((e) => e < 0).length;
      const toMs = (samples: number) => (samples / result!.rate) * 1000;
      const plus = (x: number, digits: number) => `${x >= 0 ? '+' : ''}${ms(x, digits)}`;
      rows.push([
        result.title,
        `${Math.round(result.totalSeconds / 60)} min`,
        booking,
        result.rate.toLocaleString('en'),
        String(result.cues),
        String(result.planned),
        `${result.found}${result.unmatched > 0 ? ` (${result.unmatched} missed)` : ''}`,
        ms(err.max, 2),
        plus(signed, 3),
        String(early),
        ms(toMs(err.max), 4),
        plus(toMs(signed), 4),
        (result.renderMs / 1000).toFixed(1),
      ]);
    }
    print('(a) cue onset error over a whole workout: OfflineAudioContext render of workoutCues(plan, {countdownSeconds: 3})');
    print("    with the app's renderCue(ctx, ctx.destination, cue, cue.atMs / 1000); onset = first non-zero sample after");
    print('    >= 100 ms of silence; error = onset - cue.atMs on the sample grid (> 0: late)');
    for (const l of table(
      [
        'workout',
        'length',
        'booked',
        'Hz',
        'cues',
        'onsets planned',
        'found',
        'max |err| (samples)',
        'mean err',
        'early',
        'max |err| (ms)',
        'mean err (ms)',
        'render (s)',
      ],
      rows,
      'lrlrrrrrrrrrr',
    ))
      print(`  ${l}`);
    for (const n of notes) print(`  note: ${n}`);
    print('  cues at the same instant are one onset. Every tone ramps up from exactly 0 at `when`, so the first audible');
    print('  sample is the first one after `when`: the error is in (0, 1] sample by design (1 sample = 0.023 ms at 44.1 kHz).');
  } finally {
    await context.close();
    await server.close();
  }
}

// ---------------------------------------------------------------------------
// (b)-(d) A workout running in real time in the production build.

/** Replaces AudioScheduledSourceNode.prototype.start to log every booking (runs before the app's scripts). */
function wrapStart(): void {
  const log: { when: number; now: number; perf: number }[] = [];
  (window as unknown as { __starts: typeof log }).__starts = log;
  const original = AudioScheduledSourceNode.prototype.start;
  AudioScheduledSourceNode.prototype.start = function (this: AudioScheduledSourceNode, ...args: unknown[]) {
    log.push({ when: (args[0] as number | undefined) ?? 0, now: this.context.currentTime, perf: performance.now() });
    return (original as (...a: unknown[]) => void).apply(this, args);
  };
}

interface ProbeOptions {
  /** Seconds the naive countdown starts from. */
  readonly naiveFrom: number;
  /** A loop that spins this long ... */
  readonly blockMs: number;
  /** ... this often (0: no load). */
  readonly blockEveryMs: number;
}

interface Change {
  /** performance.now() when the digits' text changed (MutationObserver). */
  t: number;
  text: string;
  /** The engine's own intervalRemainingMs at that moment (read from the element's session). */
  remainingMs: number | null;
  /** performance.now() in the next animation frame. */
  frame: number | null;
}

interface Collected {
  changes: Change[];
  naiveStart: number;
  naiveTicks: number[];
  naiveLeft: number;
  timeoutLate: number[];
  blocks: number;
  installedAt: number;
  now: number;
  starts: { when: number; now: number; perf: number }[];
  displayed: string | null;
  trueRemainingMs: number | null;
  sampleRate: number | null;
  baseLatency: number | null;
}

type Win = Window & Record<string, unknown>;
type TimerScreen = Element & { session?: { timer?: { state(): { intervalRemainingMs: number | null; status: string; activeMs: number; index: number } } } };

/**
 * In the page: the condition's injected load, if any (a loop spinning `blockMs`
 * every `blockEveryMs`). Part of the condition, not a probe: the probe-free runs
 * have it too. A function of its own, as page.evaluate sends a function's text.
 */
function installLoad(opts: Pick<ProbeOptions, 'blockMs' | 'blockEveryMs'>): { blocks: number } {
  const state = { blocks: 0 };
  if (opts.blockEveryMs > 0) {
    setInterval(() => {
      const end = performance.now() + opts.blockMs;
      while (performance.now() < end) {
        // Busy: stands in for a heavy render, a GC pause, another script.
      }
      state.blocks++;
    }, opts.blockEveryMs);
  }
  (window as unknown as Win)['__load'] = state;
  return state;
}

/**
 * In the page: watches the big digits inside the shadow roots, starts a naive
 * countdown and a naive setTimeout "beep" clock, and the optional load.
 */
function installProbes(opts: ProbeOptions): void {
  const w = window as unknown as Win;
  const screen = document.querySelector('aq-app')!.shadowRoot!.querySelector('aq-timer-screen') as unknown as TimerScreen;
  const root = screen.shadowRoot!;
  const digits = () => root.querySelector('[aria-label="Time left"]')?.textContent?.trim() ?? null;
  const changes: Change[] = [];
  let last = digits();
  new MutationObserver(() => {
    const text = digits();
    if (text === null || text === last) return;
    last = text;
    const rec: Change = { t: performance.now(), text, remainingMs: screen.session?.timer?.state().intervalRemainingMs ?? null, frame: null };
    changes.push(rec);
    requestAnimationFrame(() => (rec.frame = performance.now()));
  }).observe(root, { subtree: true, childList: true, characterData: true });

  // The naive countdown: one decrement per interval callback.
  const naiveTicks: number[] = [];
  const naiveStart = performance.now();
  let left = opts.naiveFrom;
  setInterval(() => {
    left--;
    naiveTicks.push(performance.now());
  }, 1000);

  // A naive beep: setTimeout aimed at each whole second (offset half a second from the countdown).
  const timeoutLate: number[] = [];
  const beepStart = performance.now() + 500;
  let k = 0;
  const next = () => {
    const target = beepStart + k * 1000;
    setTimeout(
      () => {
        timeoutLate.push(performance.now() - target);
        k++;
        next();
      },
      Math.max(0, target - performance.now()),
    );
  };
  next();

  // The load (installLoad) is put in first, by its own evaluate: this function's text alone goes to the page.
  const state = (w['__load'] as { blocks: number } | undefined) ?? { blocks: 0 };
  const installedAt = performance.now();
  w['__collect'] = (): Collected => {
    const ctx = (screen.session as unknown as { audio?: { context?: AudioContext | null } } | undefined)?.audio?.context ?? null;
    return {
      changes,
      naiveStart,
      naiveTicks,
      naiveLeft: left,
      timeoutLate,
      blocks: state.blocks,
      installedAt,
      now: performance.now(),
      starts: (w['__starts'] as Collected['starts']) ?? [],
      displayed: digits(),
      trueRemainingMs: screen.session?.timer?.state().intervalRemainingMs ?? null,
      sampleRate: ctx?.sampleRate ?? null,
      baseLatency: ctx?.baseLatency ?? null,
    };
  };
}

interface Condition {
  readonly name: string;
  readonly workout: string;
  readonly seconds: number;
  /** Seconds the run goes on before the measured window opens (0: it opens as the digits first show). */
  readonly settleS?: number;
  readonly throttle: number;
  readonly blockMs: number;
  readonly blockEveryMs: number;
  /** Stall the main thread (one busy loop) this many seconds into the run, for `stallS` seconds. */
  readonly stallAtS?: number;
  readonly stallS?: number;
}

const BLOCK_MS = 200;
/** Not exactly 1000: the block then drifts across every phase of the app's second instead of sitting at one. */
const BLOCK_EVERY_MS = 950;

const CONDITIONS: readonly Condition[] = [
  { name: 'Lactic acid, normal', workout: 'lactic-acid', seconds: 12, throttle: 1, blockMs: 0, blockEveryMs: 0 },
  { name: 'Self-care, normal', workout: 'self-care', seconds: 20, throttle: 1, blockMs: 0, blockEveryMs: 0 },
  // The first seconds after Start hold the start's own work (the cue track's loading and its start-up
  // correction, the collection of what building the track left); a 60-80 minute workout is mostly this minute.
  { name: 'Lactic acid, 60 s from 30 s in', workout: 'lactic-acid', settleS: 30, seconds: 60, throttle: 1, blockMs: 0, blockEveryMs: 0 },
  { name: 'Self-care, 4x CPU throttle', workout: 'self-care', seconds: 30, throttle: 4, blockMs: 0, blockEveryMs: 0 },
  {
    name: `Self-care, ${BLOCK_MS} ms block / ${(BLOCK_EVERY_MS / 1000).toFixed(2)} s`,
    workout: 'self-care',
    seconds: 30,
    throttle: 1,
    blockMs: BLOCK_MS,
    blockEveryMs: BLOCK_EVERY_MS,
  },
  // A page that gets no main-thread time for a while (a phone suspending it with the screen off, a long GC, a
  // slow tab): one 8 s busy loop. (CDP Page.setWebLifecycleState 'frozen' had no effect on the visible headless page here.)
  { name: 'Self-care, main thread stalled 8 s', workout: 'self-care', seconds: 18, throttle: 1, blockMs: 0, blockEveryMs: 0, stallAtS: 3, stallS: 8 },
];

const stalled = (c: Condition) => (c.stallS ?? 0) > 0;

interface Metrics {
  readonly [name: string]: number;
}

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Main-thread time over a run's measured window (CDP Performance.getMetrics deltas). */
interface Busy {
  readonly wallS: number;
  readonly taskS: number;
  readonly scriptS: number;
  readonly layoutStyleS: number;
  /** How TaskDuration was measured. */
  readonly domain: string;
}

interface RunResult {
  readonly condition: Condition;
  /** The run with the probes of (c)/(d) in the page. */
  readonly probed: Busy;
  /** The same condition again with no probe in the page (null for the stalled run: its busy time is the stall). */
  readonly alone: Busy | null;
  readonly data: Collected;
}

async function openRun(context: BrowserContext, baseUrl: string, workout: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/#/workout/${workout}`);
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  await page.getByLabel('Time left').first().waitFor({ timeout: 10_000 });
  return page;
}

/**
 * Opens a run of the condition's workout, starts measuring, then calls `during`
 * (which puts in the page whatever else the window should hold and waits it out).
 */
async function measured(
  browser: Browser,
  baseUrl: string,
  c: Condition,
  probes: boolean,
  during: (page: Page) => Promise<void>,
): Promise<{ busy: Busy; page: Page; close: () => Promise<void> }> {
  const context = await newContext(browser);
  try {
    if (probes) await context.addInitScript(wrapStart);
    const page = await openRun(context, baseUrl, c.workout);
    const cdp = await context.newCDPSession(page);
    // threadTicks: CPU time of the main thread, which other processes on the machine don't inflate.
    let domain = 'thread CPU time';
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }).catch(async () => {
      domain = 'wall time';
      await cdp.send('Performance.enable');
    });
    if (c.throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: c.throttle });
    await page.evaluate(installLoad, { blockMs: c.blockMs, blockEveryMs: c.blockEveryMs });
    if (probes) await page.evaluate(installProbes, { naiveFrom: 600, blockMs: c.blockMs, blockEveryMs: c.blockEveryMs });
    if (c.settleS) await sleep(c.settleS);
    const m0 = await metrics(cdp);
    await during(page);
    const m1 = await metrics(cdp);
    const d = (name: string) => (m1[name] ?? 0) - (m0[name] ?? 0);
    const busy = {
      wallS: d('Timestamp'),
      taskS: d('TaskDuration'),
      scriptS: d('ScriptDuration'),
      layoutStyleS: d('LayoutDuration') + d('RecalcStyleDuration'),
      domain,
    };
    return { busy, page, close: () => context.close() };
  } catch (e) {
    await context.close();
    throw e;
  }
}

const sleep = (seconds: number) => new Promise<void>((r) => setTimeout(r, seconds * 1000));

async function runCondition(browser: Browser, baseUrl: string, c: Condition): Promise<RunResult> {
  const probed = await measured(browser, baseUrl, c, true, async (page) => {
    if (c.stallAtS !== undefined && c.stallS) {
      await sleep(c.stallAtS);
      // Queued in the page, not awaited: page.evaluate itself would wait the whole stall.
      await page.evaluate((stallMs) => {
        setTimeout(() => {
          const end = performance.now() + stallMs;
          while (performance.now() < end) {
            // Stalled.
          }
        }, 0);
      }, c.stallS * 1000);
      await sleep(c.seconds - c.stallAtS);
    } else {
      await sleep(c.seconds);
    }
  });
  let data: Collected;
  try {
    data = await probed.page.evaluate(() => ((window as unknown as Win)['__collect'] as () => Collected)());
  } finally {
    await probed.close();
  }
  let alone: Busy | null = null;
  if (!stalled(c)) {
    // The app's own cost: the same run with nothing of the benchmark in the page but the condition's load.
    const run = await measured(browser, baseUrl, c, false, () => sleep(c.seconds));
    await run.close();
    alone = run.busy;
  }
  return { condition: c, probed: probed.busy, alone, data };
}

/** Screen-update lateness from one run: by the engine's own clock, and against a 1 s grid anchored at the first change. */
function uiLateness(data: Collected): { engine: number[]; grid: number[]; frame: number[] } {
  const engine: number[] = [];
  const frame: number[] = [];
  for (const c of data.changes) {
    const shown = clockSeconds(c.text);
    if (c.remainingMs === null || Number.isNaN(shown)) continue;
    const late = shown * 1000 - c.remainingMs;
    engine.push(late);
    if (c.frame !== null) frame.push(late + (c.frame - c.t));
  }
  return { engine, grid: gridDeviations(data.changes.map((c) => c.t)), frame };
}

function printBusy(all: readonly RunResult[], print: Context['print']): void {
  const results = all.filter((r) => !stalled(r.condition));
  const domains = [...new Set(results.flatMap((r) => [r.probed.domain, r.alone?.domain ?? r.probed.domain]))].join(', ');
  print('(b) main-thread busy time while a workout runs: CDP Performance.getMetrics deltas (TaskDuration = all renderer');
  print(`    main-thread tasks, as ${domains}), per minute of wall time. "app alone": the run with nothing of the`);
  print('    benchmark in the page (but the condition\'s load); "with probes": the run that measures (c)/(d), whose');
  print('    MutationObserver, animation frame, setInterval and setTimeout clocks add a few callbacks a second');
  const perMin = (b: Busy, s: number) => ((s * 1000 * 60) / b.wallS).toFixed(0);
  const rows = results.map((r) => {
    const a = r.alone;
    return [
      r.condition.name,
      a ? a.wallS.toFixed(1) : '-',
      a ? perMin(a, a.taskS) : '-',
      a ? ((a.taskS * 1000) / a.wallS).toFixed(2) : '-',
      a ? perMin(a, a.scriptS) : '-',
      a ? perMin(a, a.layoutStyleS) : '-',
      a ? `${((100 * a.taskS) / a.wallS).toFixed(2)}%` : '-',
      perMin(r.probed, r.probed.taskS),
      perMin(r.probed, r.probed.scriptS),
    ];
  });
  for (const l of table(
    [
      'run',
      'wall (s)',
      'app alone: task ms/min',
      'ms/s',
      'script ms/min',
      'layout+style ms/min',
      'busy % of wall',
      'with probes: task ms/min',
      'script ms/min',
    ],
    rows,
    'lrrrrrrrr',
  ))
    print(`  ${l}`);
  for (const r of results.filter((x) => x.data.blocks > 0)) {
    const injected = (r.data.blocks * BLOCK_MS * 60) / r.probed.wallS;
    print(`  "${r.condition.name}" includes the injected load: ${r.data.blocks} blocks spinning ${BLOCK_MS} ms of wall time each,`);
    print(`  ${Math.round(injected).toLocaleString('en')} ms/min (less as CPU time when other processes take the core).`);
  }
}

function printLateness(all: readonly RunResult[], print: Context['print']): void {
  const results = all.filter((r) => !stalled(r.condition));
  print('(c) screen updates vs when they were due: a MutationObserver on the "Time left" digits (aq-app > aq-timer-screen');
  print('    shadow roots) stamps each change; "late" = shown seconds x 1000 - the engine\'s intervalRemainingMs at that moment');
  print('    (0 = the digits changed the instant the second turned); "to frame" adds the wait for the next animation frame;');
  print('    "grid" = deviation of the change times from a 1 s grid anchored at the first change (anchor-relative, can be < 0)');
  const rows = results.map((r) => {
    const { engine, grid, frame } = uiLateness(r.data);
    const e = absSummary(engine);
    const f = absSummary(frame);
    const g = absSummary(grid);
    const signed = [...grid].sort((a, b) => a - b);
    return [
      r.condition.name,
      String(r.data.changes.length),
      ms(e.max),
      ms(e.p95),
      ms(e.mean),
      ms(f.max),
      ms(f.p95),
      ms(g.max),
      ms(g.p95),
      `${ms(signed[0] ?? NaN)}..${ms(signed.at(-1) ?? NaN)}`,
    ];
  });
  for (const l of table(['run', 'changes', 'late max (ms)', 'p95', 'mean', 'to frame max', 'p95', 'grid |dev| max', 'p95', 'grid range'], rows, 'lrrrrrrrrl'))
    print(`  ${l}`);
}

function printNaive(results: readonly RunResult[], print: Context['print']): void {
  print('(d) beside it, naive timing on the same runs: `let left = N; setInterval(() => left--, 1000)` and a beep from');
  const lengths = results.map((r) => r.condition.seconds);
  print(
    `    setTimeout aimed at each second. "behind" = how late the last change of the run (after ${Math.min(...lengths)}-${Math.max(...lengths)} s) was vs its`,
  );
  print('    ideal time, ticks counted from the setInterval call; "missed" = whole seconds the count is behind wall time;');
  print('    the app\'s "behind" is its last digits change by the engine\'s clock, "off" its digits vs the engine at the end.');
  const rows = results.map((r) => {
    const d = r.data;
    const late = tickLateness(d.naiveStart, d.naiveTicks);
    const n = absSummary(late);
    const missed = Math.floor((d.now - d.naiveStart) / 1000) - d.naiveTicks.length;
    const { engine } = uiLateness(d);
    const t = absSummary(d.timeoutLate);
    const shown = d.displayed === null ? NaN : clockSeconds(d.displayed);
    const truth = d.trueRemainingMs === null ? NaN : Math.ceil(d.trueRemainingMs / 1000);
    return [
      r.condition.name,
      ms(late.at(-1) ?? NaN),
      ms(n.max),
      String(missed),
      ms(engine.at(-1) ?? NaN),
      Number.isNaN(shown - truth) ? '-' : `${shown - truth} s`,
      ms(t.max),
      ms(t.p95),
      ms(t.mean),
    ];
  });
  for (const l of table(
    ['run', 'naive behind (ms)', 'naive max late', 'naive missed', 'app behind (ms)', 'app off at end', 'setTimeout late max', 'p95', 'mean'],
    rows,
    'lrrrrrrrr',
  ))
    print(`  ${l}`);
  print('  ("app off at end": the digits shown vs ceil(engine remaining) when the run was read back; 0 s = in step)');
}

function printCues(results: readonly RunResult[], print: Context['print']): void {
  print('(d2) cue timing under the same load: every AudioScheduledSourceNode.start(when) the app made during the window');
  print('    (wrapped by an init script); "lead" = when - ctx.currentTime at booking (> 0: booked ahead, so the audio');
  print('    thread plays it at `when` whatever the main thread does); "jitter" = spread of the booked times around the');
  print('    plan (tones sit on a 0.1 s grid of active time; deviation from the median booking): the error of mapping');
  print('    Date.now() onto currentTime at each tick, plus any "slip" = how far the audio clock fell behind');
  print("    performance.now() over the run (the scheduler re-anchors every tick, so cues follow the engine's clock)");
  const rows = results.map((r) => {
    const d = r.data;
    const all = d.starts;
    const w0 = all[0]?.when ?? NaN;
    const inWindow = all.filter((s) => s.perf >= d.installedAt);
    const leads = inWindow.map((s) => (s.when - s.now) * 1000);
    const residual = inWindow.map((s) => {
      const off = s.when - w0;
      return (off - Math.round(off * 10) / 10) * 1000;
    });
    // Against their median, not the first tone: that one is booked in the Start tap, as the context starts.
    const mid = [...residual].sort((a, b) => a - b)[Math.floor(residual.length / 2)] ?? 0;
    const j = absSummary(residual.map((r) => r - mid));
    const t = absSummary(d.timeoutLate);
    const sorted = [...leads].sort((a, b) => a - b);
    // How far the audio clock fell behind performance.now() between the first and last booking of the run.
    const first = all[0];
    const lastStart = all.at(-1);
    const slip = first && lastStart && lastStart !== first ? lastStart.perf - first.perf - (lastStart.now - first.now) * 1000 : NaN;
    return [
      r.condition.name,
      String(inWindow.length),
      ms(sorted[0] ?? NaN, 0),
      ms(percentile(sorted, 0.5), 0),
      String(leads.filter((l) => l <= 0).length),
      ms(j.max, 2),
      ms(slip),
      ms(t.max),
      d.sampleRate === null ? '-' : `${d.sampleRate} Hz / ${ms((d.baseLatency ?? NaN) * 1000)} ms`,
    ];
  });
  for (const l of table(
    [
      'run',
      'tones booked',
      'lead min (ms)',
      'median',
      'booked late',
      'jitter max (ms)',
      'audio clock slip (ms)',
      'setTimeout beep late max (ms)',
      'context rate / base latency',
    ],
    rows,
    'lrrrrrrrl',
  ))
    print(`  ${l}`);
  print('  Lactic acid books no tone in its first minutes (10 min warm-up); Self-care books its 17-19 s countdown, the switch');
  print('  at 20 s and the next side in the window (the stalled run books nothing while it is stalled).');
  print('  A setTimeout beep sounds when its callback runs, so its lateness is the cue error; speech and vibration are');
  print('  setTimeout-driven in the app too (not sample-critical), and are not measured here (no voices, no vibrator).');
}

// ---------------------------------------------------------------------------
// (e) The heap across a fast-forwarded workout.

interface HeapPoint {
  readonly minute: number;
  readonly usedKB: number;
  readonly nodes: number;
  readonly listeners: number;
  readonly status: string;
  readonly active: string;
}

/** Workouts whose first cue-track tone is measured at Start: long (the most to make), medium, and one with Done steps. */
const START_WORKOUTS = ['lactic-acid', 'pyramid', 'hip-strength-extras'];
const STARTS = 5;

/** In the page: how far behind the engine's last event (Start, Done) the current track element was when it started playing, or null. */
function behindLastEvent(): number | null {
  const screen = document.querySelector('aq-app')?.shadowRoot?.querySelector('aq-timer-screen') as unknown as {
    session?: { timer: { events: readonly { at: number }[] }; track: { element: unknown } };
  } | null;
  const session = screen?.session;
  if (!session) return null;
  const w = window as unknown as { __playing: { at: number; posMs: number; el: unknown }[] };
  const first = w.__playing.find((p) => p.el === session.track.element);
  return first ? first.at - session.timer.events.at(-1)!.at - first.posMs : null;
}

/**
 * (f) The first tone at Start, and after Done on a step until Done: how far
 * behind the engine the cue track is when it starts playing (its `playing`
 * event, against the run's Start or Done event and the element's position
 * then). That tone is heard that late; the track's start-up correction brings
 * it in step within two seconds.
 */
async function trackStart(browser: Browser, baseUrl: string, print: Context['print']): Promise<void> {
  if (process.env['AQUAJOG_BENCH_MUSIC'] === '1') return;
  const rows: string[][] = [];
  const row = (what: string, behind: readonly number[]) => {
    const sorted = [...behind].sort((a, b) => a - b);
    rows.push([what, sorted.map((b) => b.toFixed(0)).join(' '), sorted[Math.floor(sorted.length / 2)]!.toFixed(0)]);
  };
  for (const workout of START_WORKOUTS) {
    const atStart: number[] = [];
    const atDone: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      const context = await newContext(browser);
      try {
        await context.addInitScript(() => {
          const w = window as unknown as { __playing: { at: number; posMs: number; el: HTMLMediaElement }[] };
          w.__playing = [];
          const play = HTMLMediaElement.prototype.play;
          HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
            const record = (e: Event) =>
              w.__playing.push({
                at: performance.timeOrigin + performance.now(),
                posMs: (e.target as HTMLMediaElement).currentTime * 1000,
                el: e.target as HTMLMediaElement,
              });
            this.addEventListener('playing', record, { once: true });
            return play.call(this);
          };
        });
        // Not openRun: a workout that starts with a step until Done shows no "Time left".
        const page = await context.newPage();
        await page.goto(`${baseUrl}/#/workout/${workout}`);
        await page.getByRole('button', { name: 'Start', exact: true }).tap();
        atStart.push((await (await page.waitForFunction(behindLastEvent)).jsonValue())!);
        const done = page.getByRole('button', { name: 'Done', exact: true });
        if ((await done.count()) > 0) {
          // Done after a few seconds of the step, as an athlete's set takes.
          await page.waitForTimeout(4000);
          await done.tap();
          atDone.push((await (await page.waitForFunction(behindLastEvent)).jsonValue())!);
        }
      } finally {
        await context.close();
      }
    }
    row(`${workout}, Start`, atStart);
    if (atDone.length > 0) row(`${workout}, Done on its first step`, atDone);
  }
  print(
    `(f) the first tone at Start and after Done: the cue track behind the engine when it starts playing (${STARTS} runs each; the tone is heard that late)`,
  );
  for (const l of table(['workout, tap', 'behind (ms), sorted', 'median'], rows, 'lrr')) print(`  ${l}`);
}

async function heapRun(browser: Browser, baseUrl: string, print: Context['print']): Promise<void> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.clock.install();
    const workout = 'lactic-acid';
    await page.goto(`${baseUrl}/#/workout/${workout}`);
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    await page.getByLabel('Time left').first().waitFor({ timeout: 10_000 });
    const cdp = await context.newCDPSession(page);
    const state = () =>
      page.evaluate(() => {
        const screen = document.querySelector('aq-app')!.shadowRoot!.querySelector('aq-timer-screen') as unknown as TimerScreen | null;
        const s = screen?.session?.timer?.state();
        return s ? { status: s.status, activeMs: s.activeMs } : { status: 'none', activeMs: 0 };
      });
    // The start waits for the AudioContext (real time) before the timer starts.
    for (let i = 0; i < 40 && (await state()).status !== 'running'; i++) await new Promise((r) => setTimeout(r, 50));
    // Tones booked while the fake clock raced ahead are on the real audio clock: let them end (they hold
    // nodes and listeners until then). AudioOut's booked-tone map is private; read it if it is there.
    const pending = () =>
      page.evaluate(() => {
        const screen = document.querySelector('aq-app')!.shadowRoot!.querySelector('aq-timer-screen') as unknown as TimerScreen | null;
        const booked = (screen?.session as unknown as { audio?: { _booked?: Map<string, unknown> } } | undefined)?.audio?._booked;
        return booked instanceof Map ? booked.size : -1;
      });
    const settle = async (): Promise<number> => {
      const until = performance.now() + 3000;
      let n = await pending();
      while (n !== 0 && performance.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        n = await pending();
      }
      return n;
    };
    const measure = async (minute: number): Promise<HeapPoint> => {
      const left = await settle();
      if (left !== 0) notes.push(`${minute} min: ${left < 0 ? 'could not see booked tones' : `${left} tones still booked`} when measured`);
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const counters = await cdp.send('Memory.getDOMCounters');
      const s = await state();
      const m = Math.floor(s.activeMs / 60_000);
      const sec = Math.floor((s.activeMs % 60_000) / 1000);
      return {
        minute,
        usedKB: usedSize / 1024,
        nodes: counters.nodes,
        listeners: counters.jsEventListeners,
        status: s.status,
        active: `${m}:${String(sec).padStart(2, '0')}`,
      };
    };
    const notes: string[] = [];
    const points: HeapPoint[] = [await measure(0)];
    const at = new Set([1, 10, 20, 40, 60, 79, 90]);
    const t0 = performance.now();
    for (let minute = 1; minute <= 90; minute++) {
      await page.clock.runFor(60_000);
      if (at.has(minute)) points.push(await measure(minute));
    }
    const fastS = (performance.now() - t0) / 1000;
    const start = points[0]!.usedKB;
    print('(e) JS heap across a whole run: page.clock installed before load, Lactic acid (80 min) started, the clock');
    print(`    run forward 60 s at a time for 90 minutes (${fastS.toFixed(1)} s real); heap = CDP Runtime.getHeapUsage after 3x`);
    print('    HeapProfiler.collectGarbage; DOM nodes and JS listeners from Memory.getDOMCounters');
    const warm = points.find((p) => p.minute === 1)?.usedKB ?? NaN;
    const signedKB = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(1)}` : '-');
    const rows = points.map((p) => [
      `${p.minute} min`,
      p.active,
      p.status,
      p.usedKB.toFixed(0),
      signedKB(p.usedKB - start),
      p.minute >= 1 ? signedKB(p.usedKB - warm) : '',
      String(p.nodes),
      String(p.listeners),
    ]);
    for (const l of table(['clock', 'active', 'status', 'heap (KB)', 'vs start (KB)', 'vs 1 min (KB)', 'DOM nodes', 'JS listeners'], rows, 'lrlrrrrr'))
      print(`  ${l}`);
    for (const n of notes) print(`  note: ${n}`);
    const half = points.find((p) => p.minute === 40);
    const last = points.find((p) => p.minute === 79);
    if (half && last) {
      print(`  from half-way (40 min) to the last minute (79 min) the heap changed by ${signedKB(last.usedKB - half.usedKB)} KB; the 0 -> 1 min step`);
      print('  is first-use compilation and caches. The workout ends at 80 min, so the 90 min row is the "Workout complete" screen');
      print('  (no built-in workout is 90 min long; Lactic acid, 80 min, is the longest).');
    }
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------

/** Runs `f` with a print that collects lines, so parts can run at once and still report in order. */
async function buffered(f: (print: Context['print']) => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  try {
    await f((line = '') => lines.push(line));
  } catch (e) {
    lines.push(`  failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  }
  return lines;
}

export const timerSection: Section = {
  name: 'timer',
  title: 'Poolside timer in Chromium: cue onsets, main-thread time, screen lateness, heap; naive timers beside it',
  async run({ root, flags, print }) {
    if (!ensureBuild(root, flags, print)) return;
    // Serve a copy of dist/, so a `vite build` started meanwhile (tests, another terminal) can't pull it away mid-run.
    const snapshot = mkdtempSync(join(tmpdir(), 'aquajog-bench-dist-'));
    cpSync(join(root, outDirName()), snapshot, { recursive: true });
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
      print(`Chromium ${browser.version()}, headless, audio muted (Playwright default), window 390x844, service workers blocked`);
      // (a) and (e) don't depend on timing, so they run side by side first; the real-time runs then have the machine.
      // --runs-only leaves them out (they take a few minutes and nothing in them is about the running page's time).
      const runsOnly = flags.has('--runs-only');
      const t0 = performance.now();
      const [onsetLines, heapLines] = runsOnly
        ? [[], []]
        : await Promise.all([buffered((p) => cueOnsets(browser, root, p)), buffered((p) => heapRun(browser, baseUrl, p))]);
      const sideBySide = (performance.now() - t0) / 1000;
      if (runsOnly) print('--runs-only: (a) cue onsets and (e) heap left out');
      print();
      onsetLines.forEach((l) => print(l));

      const results: RunResult[] = [];
      // AQUAJOG_BENCH_ONLY=<text>: only the runs whose name holds it (to look at one while changing it).
      const only = process.env['AQUAJOG_BENCH_ONLY'];
      const conditions = only ? CONDITIONS.filter((c) => c.name.includes(only)) : CONDITIONS;
      for (const c of conditions) results.push(await runCondition(browser, baseUrl, c));
      print();
      print(`runs (b)-(d): production build (${outDirName()}/) via vite preview, touch screen; each run opens #/workout/<id>, taps Start,`);
      print(
        `then measures ${conditions.map((c) => (c.settleS ? `${c.seconds} (from ${c.settleS} s in)` : c.seconds)).join('/')} s of real time with nothing else of the benchmark running; each`,
      );
      print('condition but the stalled one runs twice, with the probes of (c)/(d) and without');
      print();
      printBusy(results, print);
      print();
      printLateness(results, print);
      print();
      printNaive(results, print);
      print();
      printCues(results, print);
      print();
      await trackStart(browser, baseUrl, print);
      print();
      heapLines.forEach((l) => print(l));
      if (!runsOnly) print(`  ((a) and (e) ran side by side in ${sideBySide.toFixed(1)} s, before the real-time runs)`);
    } finally {
      await server.close();
      await browser.close();
      rmSync(snapshot, { recursive: true, force: true });
    }
  },
};
