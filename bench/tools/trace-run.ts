/**
 * Where a running workout's main-thread time goes: records a Chrome trace of a
 * workout running in real time on the production build (as bench/timer.ts runs
 * it: vite preview, 390x844, touch, service worker blocked, no probes) and
 * attributes the renderer main thread's task time (thread CPU time) to kinds of
 * task: a timer by the script function it ran (file:line:column of the built
 * code; the .map beside it names the source), an event by its type, Chromium's
 * own work by where its task was posted from, and the frame.
 *
 *   npx vite build && npx tsx bench/tools/trace-run.ts [workout] [seconds] [--profile] [--invalidations] [--from-start] [--save trace.json]
 *
 * --from-start traces from the moment the digits show (as the bench measures),
 * not 2 s later; --profile adds the sampling profiler's self time by function; --invalidations
 * records why style, layout and paint were invalidated (with the script's
 * stack), to read in the file --save writes (it opens in Chrome's Performance
 * panel too). $AQUAJOG_OUT_DIR picks another build directory; the defaults are
 * Self-care and 20 s. Figures only. Tracing costs main-thread time itself (the
 * sampling profiler most), so totals run above `npm run bench -- timer`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession } from 'playwright';
import { preview } from 'vite';
import { CHROMIUM_ARGS, NAME_SHIM, portOf } from '../timer';
import { mainThread, profile, startTrace, type TraceEvent } from './trace';
import { table } from '../report';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const saveAt = args.indexOf('--save');
/** The sampling profiler names functions but costs main-thread time itself (its interrupts): off unless asked. */
const sampling = args.includes('--profile');
const invalidations = args.includes('--invalidations');
/** Trace from the moment the digits show, as `npm run bench -- timer` measures, instead of 2 s later. */
const fromStart = args.includes('--from-start');
const savePath = saveAt >= 0 ? args[saveAt + 1] : undefined;
const positional = args.filter((a, i) => !a.startsWith('--') && (saveAt < 0 || i !== saveAt + 1));
const workout = positional[0] ?? 'self-care';
const seconds = Number(positional[1] ?? 20);
const outDir = process.env['AQUAJOG_OUT_DIR'] || 'dist';

/** Traces `ms` of the page. */
async function record(cdp: CDPSession, ms: number): Promise<TraceEvent[]> {
  const stop = await startTrace(cdp, { sampling, invalidations });
  await new Promise((r) => setTimeout(r, ms));
  return stop();
}

/** The thread's top-level tasks: complete events inside no other (Chromium nests ThreadControllerImpl::RunTask in RunTask). */
function topLevel(events: readonly TraceEvent[]): TraceEvent[] {
  const sorted = events.filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of sorted) {
    if (e.ts < end) continue;
    tasks.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return tasks;
}

/** What a task did, by the most telling event inside it. */
function kindOf(inside: readonly TraceEvent[]): string {
  const names = new Set(inside.map((e) => e.name));
  const fn = inside.find((e) => e.name === 'FunctionCall');
  const where = (e: TraceEvent | undefined) => {
    const d = e?.args?.['data'] as { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number } | undefined;
    if (!d) return '';
    const file = (d.url ?? '').split('/').pop();
    return ` ${d.functionName || '(anonymous)'}${file ? ` ${file}:${d.lineNumber ?? '?'}:${d.columnNumber ?? '?'}` : ''}`;
  };
  if (names.has('TimerFire')) return `timer${where(fn)}`;
  if (names.has('FireAnimationFrame')) return 'rAF callback';
  if (names.has('EventDispatch')) {
    const ev = inside.find((e) => e.name === 'EventDispatch');
    return `event ${(ev?.args?.['data'] as { type?: string } | undefined)?.type ?? '?'}`;
  }
  if (names.has('BeginMainThreadFrame') || names.has('UpdateLayoutTree') || names.has('Layout') || names.has('Paint') || names.has('PrePaint'))
    return 'frame (style, layout, paint, commit)';
  if (names.has('V8.GC_SCAVENGER') || names.has('MinorGC') || names.has('MajorGC') || names.has('V8.GCIncrementalMarking')) return 'garbage collection';
  if (fn) return `script${where(fn)}`;
  if (names.has('v8.run') || names.has('v8.callFunction')) return 'script (other)';
  // Chromium's own work: named by where the task was posted from.
  const run = inside.find((e) => e.name === 'ThreadControllerImpl::RunTask');
  const from = run?.args as { src_file?: string; src_func?: string } | undefined;
  if (from?.src_file) return `posted by ${from.src_file.split('/').pop()} ${from.src_func ?? ''}`;
  const first = inside.find((e) => e.ph === 'X' && e.name !== 'ThreadControllerImpl::RunTask');
  return first ? `other: ${first.name}` : 'empty task';
}

const server = await preview({
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir },
  preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
});
const { chromium } = await import('playwright');
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block', hasTouch: true });
  await context.addInitScript(NAME_SHIM);
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${portOf(server.httpServer.address())}/#/workout/${workout}`);
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  await page.getByLabel('Time left').first().waitFor({ timeout: 10_000 });
  // Past the start's one-off work (track build, first renders, compilation), unless --from-start.
  if (!fromStart) await new Promise((r) => setTimeout(r, 2000));
  const cdp = await context.newCDPSession(page);
  const events = await record(cdp, seconds * 1000);
  if (savePath) writeFileSync(savePath, JSON.stringify({ traceEvents: events }));
  const { pid, tid } = mainThread(events);
  const mine = events.filter((e) => e.pid === pid && e.tid === tid);
  const tasks = topLevel(mine);
  const isTask = new Set(tasks);
  const spanS = tasks.length > 1 ? (tasks.at(-1)!.ts - tasks[0]!.ts) / 1e6 : seconds;
  const inner = mine.filter((e) => !isTask.has(e) && (e.ph === 'X' || e.ph === 'B' || e.ph === 'I' || e.ph === 'i')).sort((a, b) => a.ts - b.ts);
  const byKind = new Map<string, { n: number; cpu: number; wall: number }>();
  let j = 0;
  for (const t of tasks) {
    while (j < inner.length && inner[j]!.ts < t.ts) j++;
    const inside: TraceEvent[] = [];
    for (let k = j; k < inner.length && inner[k]!.ts <= t.ts + (t.dur ?? 0); k++) inside.push(inner[k]!);
    const kind = kindOf(inside).slice(0, 70);
    const row = byKind.get(kind) ?? { n: 0, cpu: 0, wall: 0 };
    row.n++;
    row.cpu += (t.tdur ?? t.dur ?? 0) / 1000;
    row.wall += (t.dur ?? 0) / 1000;
    byKind.set(kind, row);
  }
  const perS = (x: number) => (x / spanS).toFixed(3);
  const total = [...byKind.values()].reduce((a, r) => a + r.cpu, 0);
  console.log(
    `${workout}, ${spanS.toFixed(1)} s traced, ${tasks.length} main-thread tasks, ${perS(total)} ms/s thread CPU (${((total * 60) / spanS).toFixed(0)} ms/min)`,
  );
  const rows = [...byKind.entries()]
    .sort((a, b) => b[1].cpu - a[1].cpu)
    .map(([k, r]) => [k, String(r.n), (r.n / spanS).toFixed(2), perS(r.cpu), (r.cpu / r.n).toFixed(3), perS(r.wall)]);
  for (const l of table(['task kind', 'tasks', 'per s', 'CPU ms/s', 'CPU ms/task', 'wall ms/s'], rows, 'lrrrrr')) console.log(`  ${l}`);
  // Inner events, summed by name (nested ones count in each of their parents too).
  const byName = new Map<string, { n: number; cpu: number }>();
  for (const e of inner) {
    if (e.ph !== 'X') continue;
    const row = byName.get(e.name) ?? { n: 0, cpu: 0 };
    row.n++;
    row.cpu += (e.tdur ?? e.dur ?? 0) / 1000;
    byName.set(e.name, row);
  }
  console.log();
  console.log('events inside tasks (inclusive, nested ones counted in each parent):');
  const named = [...byName.entries()].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 40);
  for (const l of table(
    ['event', 'count', 'CPU ms/s'],
    named.map(([k, r]) => [k, String(r.n), perS(r.cpu)]),
    'lrr',
  ))
    console.log(`  ${l}`);
  const self = profile(events, pid);
  if (self.size > 0) {
    console.log();
    console.log('sampled self time by function (from the sampling profiler; coarse):');
    const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
    for (const l of table(
      ['function', 'ms/s'],
      top.map(([k, v]) => [k, perS(v)]),
      'lr',
    ))
      console.log(`  ${l}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
