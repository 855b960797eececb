/**
 * Shared pieces of the benchmark: the section interface, timing, statistics and
 * plain-text tables. Pure apart from `time()` (which reads the clock), so
 * tests/bench can check them.
 */

/** One part of `npm run bench`, e.g. `dsl` or `bundle`. Add timer, storage, offline the same way. */
export interface Section {
  /** What to type after `npm run bench --` to run only this section. */
  readonly name: string;
  readonly title: string;
  run(context: Context): Promise<void> | void;
}

export interface Context {
  /** Repository root (absolute). */
  readonly root: string;
  /** Flags given on the command line, e.g. `--build`. */
  readonly flags: ReadonlySet<string>;
  /** Prints one line of the report. */
  print(line?: string): void;
}

/** Value at fraction `p` (0..1) of sorted `xs`, nearest rank. NaN for no data. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface Stats {
  readonly runs: number;
  readonly min: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

/** Summary of samples (any unit). */
export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n === 0 ? Number.NaN : n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { runs: n, min: sorted[0] ?? Number.NaN, median, p95: percentile(sorted, 0.95), max: sorted[n - 1] ?? Number.NaN };
}

export interface TimeOptions {
  /** Untimed calls first, so the JIT has compiled the code being measured. */
  readonly warmup: number;
  readonly runs: number;
  /**
   * Stop early (after at least `minRuns`) once the timed runs have taken this
   * long, so a slow case can't stall the report. `stats().runs` says how many ran.
   */
  readonly budgetMs?: number;
  readonly minRuns?: number;
}

/** Times each of up to `runs` calls of `f` separately, in microseconds. */
export function time(f: () => unknown, { warmup, runs, budgetMs = Infinity, minRuns = 10 }: TimeOptions): Stats {
  let sink: unknown;
  const warmEnd = performance.now() + budgetMs;
  for (let i = 0; i < warmup && (i < minRuns || performance.now() < warmEnd); i++) sink = f();
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = f();
    const t1 = performance.now();
    samples.push((t1 - t0) * 1000);
    if (samples.length >= minRuns && t1 > end) break;
  }
  blackhole = sink;
  return stats(samples);
}

/** Results land here so the optimiser can't drop the work that made them. */
let blackhole: unknown;
/** The last result `time()` saw (for tests, and to keep `blackhole` read). */
export const lastResult = (): unknown => blackhole;

/** Microseconds for a table: `12.3`, `1,234`. */
export function micros(us: number): string {
  if (!Number.isFinite(us)) return '-';
  return us < 100 ? us.toFixed(1) : Math.round(us).toLocaleString('en');
}

/** Whole numbers with thousands separators. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en');
}

/** Left-aligned text columns and right-aligned number columns, two spaces apart. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align: string = ''): string[] {
  const right = (c: number) => align[c] === 'r';
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    widths
      .map((w, c) => (right(c) ? (r[c] ?? '').padStart(w) : (r[c] ?? '').padEnd(w)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}
