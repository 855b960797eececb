/**
 * What bench/tools/trace-run.ts and trace-editor.ts share: a Chrome trace
 * recorded through CDP, the renderer main thread found in it, and the
 * sampling profiler's self time by function.
 */
import type { CDPSession } from 'playwright';

/** One event of Chrome's trace format (the fields used here). */
export interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly tts?: number;
  readonly id?: string;
  readonly args?: Record<string, unknown>;
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink',
  'cc',
  'gpu',
  'media',
];

export interface TraceOptions {
  /** The sampling profiler (it costs main-thread time itself, its interrupts). */
  readonly sampling?: boolean;
  /** Why style, layout and paint were invalidated, with the script's stack (read them in a saved trace). */
  readonly invalidations?: boolean;
}

/** Starts a trace; the returned function ends it and gives its events. */
export async function startTrace(cdp: CDPSession, options: TraceOptions = {}): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  const categories = [
    ...CATEGORIES,
    ...(options.sampling ? ['disabled-by-default-v8.cpu_profiler'] : []),
    ...(options.invalidations ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
  ].join(',');
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents', options: 'sampling-frequency=10000' });
  return async () => {
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/** The renderer main thread of the page: the CrRendererMain with the most top-level tasks. */
export function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } {
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain');
  let best = { pid: 0, tid: 0, n: -1 };
  for (const t of names) {
    const n = events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X').length;
    if (n > best.n) best = { pid: t.pid, tid: t.tid, n };
  }
  return best;
}

interface Node {
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly parent?: number;
}

/** Self time per function from the sampling profiler's chunks on the main thread (ms of samples). */
export function profile(events: readonly TraceEvent[], pid: number): Map<string, number> {
  const nodes = new Map<number, Node>();
  const self = new Map<string, number>();
  for (const e of events) {
    // The chunks come from the profiler's own thread of the renderer process.
    if (e.name !== 'ProfileChunk' || e.pid !== pid) continue;
    const data = e.args?.['data'] as { cpuProfile?: { nodes?: (Node & { id: number })[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    samples.forEach((id, i) => {
      const n = nodes.get(id);
      if (!n) return;
      const f = n.callFrame;
      const name = f.functionName || '(anonymous)';
      if (name === '(idle)' || name === '(program)') return;
      const key = `${name} ${(f.url ?? '').split('/').pop() ?? ''}:${f.lineNumber}:${(f as { columnNumber?: number }).columnNumber ?? '?'}`;
      self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
    });
  }
  return self;
}
