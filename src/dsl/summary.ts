/** How plans read to people: clock times, one-line summaries, week tables. */
import { compile, type CompileOptions } from './compile';
import type { Interval, Plan } from './plan';

/** `4620` -> `1:17:00`, `3300` -> `55:00`, `30` -> `0:30`. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** One counted exercise in a plan: "Lying hip abduction", 3 sets of 30 reps, each side. */
export interface SetSummary {
  readonly label: string;
  readonly sets: number;
  readonly reps: number | null;
  readonly unit: 'reps' | 'steps';
  readonly sideKind: Interval['sideKind'];
  /** Reps paced by tempo are timed; the others end with Done. */
  readonly timed: boolean;
}

/** Counted exercises (reps and steps), one per source step, in order. */
export function setSummaries(plan: Plan): SetSummary[] {
  const byLine = new Map<number, { first: Interval; occurrences: number }>();
  for (const i of plan.intervals) {
    if ((i.amount !== 'reps' && i.amount !== 'steps') || i.role === 'switch') continue;
    const entry = byLine.get(i.line);
    if (entry) entry.occurrences++;
    else byLine.set(i.line, { first: i, occurrences: 1 });
  }
  return [...byLine.values()].map(({ first, occurrences }) => ({
    label: first.label,
    sets: first.sideKind ? Math.ceil(occurrences / 2) : occurrences,
    reps: first.reps,
    unit: first.amount === 'steps' ? 'steps' : 'reps',
    sideKind: first.sideKind,
    timed: first.duration !== null,
  }));
}

/**
 * How long a workout is, in one line: its duration when every interval is
 * timed, otherwise the untimed work "15 reps x 3 each side" (and its timed part).
 */
export function summarise(plan: Plan): string {
  if (plan.untimedCount === 0) return formatClock(plan.totalSeconds);
  const parts = setSummaries(plan)
    .filter((s) => !s.timed)
    .map((s) => `${s.reps === null ? s.unit : `${s.reps} ${s.unit}`} x ${s.sets}${s.sideKind ? ` each ${s.sideKind}` : ''}`);
  const distinct = [...new Set(parts)];
  const reps = distinct.length === 1 && parts.length > 1 ? `${parts.length} exercises, ${distinct[0]}` : parts.join(', ');
  const open = plan.intervals.filter((i) => i.amount === 'open').length;
  const openText = open === 0 ? '' : open === 1 ? '1 open step' : `${open} open steps`;
  const timed = plan.totalSeconds > 0 ? formatClock(plan.totalSeconds) : '';
  return (reps === '' ? [timed, openText] : [reps, timed, openText]).filter((p) => p !== '').join(' + ');
}

/** Seconds per zone over the timed intervals. */
export function totalsByZone(plan: Plan): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const i of plan.intervals) if (i.duration !== null) totals[i.zone] = (totals[i.zone] ?? 0) + i.duration;
  return totals;
}

export interface WeekRow {
  readonly week: number;
  readonly totalSeconds: number;
  readonly untimedCount: number;
  readonly summary: string;
  /** Each counted exercise that week, e.g. "Lying hip abduction 3x30 each side". */
  readonly sets: readonly string[];
}

/** The plan week by week, for a workout with `weeks:`; empty otherwise. */
export function weekTable(source: string, options: Omit<CompileOptions, 'week'> = {}): WeekRow[] {
  const first = compile(source, options);
  const weeks = first.plan?.weeks ?? null;
  if (weeks === null) return [];
  const rows: WeekRow[] = [];
  for (let week = 1; week <= weeks; week++) {
    const plan = week === 1 ? first.plan : compile(source, { ...options, week }).plan;
    if (!plan) continue;
    rows.push({
      week,
      totalSeconds: plan.totalSeconds,
      untimedCount: plan.untimedCount,
      summary: summarise(plan),
      sets: setSummaries(plan).map((s) => `${s.label} ${s.sets}x${s.reps ?? ''}${s.unit === 'steps' ? ' steps' : ''}${s.sideKind ? ` each ${s.sideKind}` : ''}`),
    });
  }
  return rows;
}
