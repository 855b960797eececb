/**
 * The cue track (src/engine/cue-track.ts, src/platform/cue-track-player.ts)
 * beside today's Web Audio scheduler, in real Chromium (bench/pages/track.html
 * on Vite's dev server):
 *
 *   (a) building a whole track: time, distinct sample bytes, JS heap and the
 *       browser's resident memory, beside the same track rendered as one buffer
 *   (b) running a workout for 30 s: main-thread time (CDP Performance.getMetrics)
 *       and CPU of every Chromium process (/proc), track vs scheduler
 *
 * Figures only, no pass or fail. Headless, audio muted (Playwright's default).
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright';
import type { BuildResult } from './pages/track';
import { table, type Context, type Section } from './report';
import { CHROMIUM_ARGS, NAME_SHIM, portOf } from './timer';

const RUN_S = 30;
const WORKOUTS = ['lactic-acid', 'pyramid', 'wave-your-hands', 'fredericson-strength'];

/** Every process in the tree under `pid` (Linux /proc). */
function tree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

/** The process whose command line holds `marker` and whose parent's doesn't: the browser itself. */
function browserPid(marker: string): number | null {
  const holders = new Set<number>();
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(marker)) holders.add(Number(name));
      const raw = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(raw.slice(raw.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  return [...holders].find((p) => !holders.has(parent.get(p) ?? -1)) ?? null;
}

/** CPU seconds (user + system) and resident MB of the processes under `pid`. */
function usage(pid: number): { cpuS: number; rssMB: number } {
  let ticks = 0;
  let rssKB = 0;
  for (const p of tree(pid)) {
    try {
      const raw = readFileSync(`/proc/${p}/stat`, 'utf8');
      const stat = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      ticks += Number(stat[11]) + Number(stat[12]);
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      rssKB += Number(m?.[1] ?? 0);
    } catch {
      // Gone meanwhile.
    }
  }
  return { cpuS: ticks / 100, rssMB: rssKB / 1024 };
}

async function heapMB(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

async function mainThreadS(cdp: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return { task: m['TaskDuration'] ?? 0, script: m['ScriptDuration'] ?? 0 };
}

async function run(ctx: Context): Promise<void> {
  const { createServer } = await import('vite');
  const { chromium } = await import('playwright');
  const server = await createServer({
    root: ctx.root,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: true, hmr: false, watch: null },
    optimizeDeps: { entries: ['bench/pages/*.html'] },
  });
  await server.listen();
  // Autoplay allowed: the bench page starts audio without a tap. The marker (a switch Chromium ignores) finds its process.
  const marker = `--aquajog-bench=${process.pid}-${Date.now()}`;
  const browser: Browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required', marker],
    headless: true,
  });
  const pid = browserPid(marker);
  try {
    const url = `http://127.0.0.1:${portOf(server.httpServer!.address())}/bench/pages/track.html`;
    const open = async (): Promise<{ page: Page; cdp: CDPSession }> => {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      await context.addInitScript(NAME_SHIM);
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => window.trackBenchReady === true, undefined, { timeout: 60_000 });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      return { page, cdp };
    };

    // (a) Building.
    const rows: string[][] = [];
    {
      const { page, cdp } = await open();
      for (const id of WORKOUTS) {
        await page.evaluate(() => window.trackBench.release());
        const heap0 = await heapMB(cdp);
        const rss0 = pid ? usage(pid).rssMB : Number.NaN;
        const r: BuildResult = await page.evaluate((w) => window.trackBench.build(w), id);
        const heap1 = await heapMB(cdp);
        const rss1 = pid ? usage(pid).rssMB : Number.NaN;
        rows.push([
          id,
          `${(r.seconds / 60).toFixed(1)} min`,
          'distinct seconds once, shared silence',
          r.buildMs.toFixed(0),
          `${r.distinctSeconds} / ${r.soundingSeconds} / ${Math.ceil(r.seconds)}`,
          (r.distinctBytes / 2 ** 20).toFixed(2),
          (r.blobBytes / 2 ** 20).toFixed(1),
          (heap1 - heap0).toFixed(2),
          (rss1 - rss0).toFixed(1),
        ]);
      }
      await page.evaluate(() => window.trackBench.release());
      const heap0 = await heapMB(cdp);
      const rss0 = pid ? usage(pid).rssMB : Number.NaN;
      const naive = await page.evaluate(() => window.trackBench.buildNaive('lactic-acid'));
      const heap1 = await heapMB(cdp);
      const rss1 = pid ? usage(pid).rssMB : Number.NaN;
      rows.push([
        'lactic-acid',
        '',
        'one buffer (naive)',
        naive.buildMs.toFixed(0),
        '',
        (naive.blobBytes / 2 ** 20).toFixed(2),
        (naive.blobBytes / 2 ** 20).toFixed(1),
        (heap1 - heap0).toFixed(2),
        (rss1 - rss0).toFixed(1),
      ]);
      await page.context().close();
    }
    ctx.print('(a) building the whole cue track of a workout (first segment: to the end, or to the first untimed step), 22,050 Hz 16-bit mono');
    for (const l of table(
      ['workout', 'length', 'made as', 'build (ms)', 'distinct / sounding s / s', 'distinct MB', 'WAV MB', 'JS heap after (MB)', 'Chromium RSS after (MB)'],
      rows,
      'lrlrrrrrr',
    ))
      ctx.print(`  ${l}`);
    ctx.print('  distinct = sample bytes handed to the browser (each distinct sounding second once + one shared 30 s of silence); the WAV is');
    ctx.print('  the Blob the media element reads. Heap: CDP Runtime.getHeapUsage after GC, kept Blob alive; RSS: every');
    ctx.print('  Chromium process (/proc VmRSS), so it includes the Blob storage. RSS deltas are noisy (tens of MB).');

    // (b) Running.
    const run: string[][] = [];
    for (const mode of ['scheduler', 'track'] as const) {
      const { page, cdp } = await open();
      const started = await page.evaluate((m) => window.trackBench.play('lactic-acid', m), mode);
      await page.waitForTimeout(3000);
      const m0 = await mainThreadS(cdp);
      const u0 = pid ? usage(pid) : { cpuS: Number.NaN, rssMB: Number.NaN };
      const t0 = Date.now();
      await page.waitForTimeout(RUN_S * 1000);
      const wall = (Date.now() - t0) / 1000;
      const m1 = await mainThreadS(cdp);
      const u1 = pid ? usage(pid) : { cpuS: Number.NaN, rssMB: Number.NaN };
      await page.evaluate(() => window.trackBench.stop());
      await page.context().close();
      run.push([
        mode === 'track' ? 'track on <audio> (+ scheduler for speech/vibration)' : "today's Web Audio scheduler",
        started.startMs.toFixed(0),
        (((m1.task - m0.task) / wall) * 1000).toFixed(2),
        (((m1.script - m0.script) / wall) * 1000).toFixed(2),
        (((u1.cpuS - u0.cpuS) / wall) * 100).toFixed(1),
      ]);
    }
    ctx.print();
    ctx.print(`(b) Lactic acid running ${RUN_S} s in real time from its start (after 3 s), per second of wall clock`);
    for (const l of table(['tones from', 'start (ms)', 'main thread (ms/s)', 'script (ms/s)', 'all Chromium CPU (%)'], run, 'lrrrr')) ctx.print(`  ${l}`);
    ctx.print('  main thread = CDP TaskDuration; all Chromium CPU = user + system time of every Chromium process (/proc),');
    ctx.print('  including the media pipeline and audio service; the load of other work on the machine shows up here too.');
  } finally {
    await browser.close();
    await server.close();
  }
}

export const cuesSection: Section = {
  name: 'track',
  title: 'the cue track: build time and memory for whole workouts, CPU while running, beside the Web Audio scheduler',
  run,
};
