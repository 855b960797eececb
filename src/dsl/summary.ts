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
 * What the "about" in a rehab summary counts for work the timer does not pace:
 * a rep without a tempo, a counted step (band walks), a step that ends when the
 * athlete taps Done. Rough, stated on the workout page, and only ever shown
 * after the word "about".
 */
export const ESTIMATE = { repSeconds: 3, stepSeconds: 2, openSeconds: 30, repsUntilDoneSeconds: 30 } as const;

/** `15` -> `15 s`, `90` -> `1 min 30 s`, `600` -> `10 min`, `4500` -> `1 h 15 min`. */
export function durationWords(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(`${h} h`);
  if (m > 0) parts.push(`${m} min`);
  if (rest > 0 || parts.length === 0) parts.push(`${rest} s`);
  return parts.join(' ');
}

/** One exercise of a plan: the intervals one source step produced (both sides, every set). */
interface Exercise {
  readonly first: Interval;
  readonly intervals: Interval[];
}

/**
 * Exercises are the steps an athlete does rather than swims: counted reps and
 * steps, anything per side, and steps in the default `work` zone. Rests, warm-ups,
 * open steps and zoned pool intervals are not exercises.
 */
function isExercise(i: Interval): boolean {
  if (i.role !== 'step' || i.amount === 'open' || i.zone === 'rest') return false;
  return i.zone === 'work' || i.amount === 'reps' || i.amount === 'steps' || i.sideKind !== null;
}

function exercisesOf(plan: Plan): Exercise[] {
  const byLine = new Map<number, Exercise>();
  for (const i of plan.intervals) {
    if (!isExercise(i)) continue;
    const entry = byLine.get(i.line);
    if (entry) entry.intervals.push(i);
    else byLine.set(i.line, { first: i, intervals: [i] });
  }
  return [...byLine.values()];
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** "15 s", "1 min up to 5 min and back", "20 s to 30 s": the times one step runs. */
function timesWords(durations: readonly number[]): string {
  const values = distinct(durations);
  if (values.length === 1) return durationWords(values[0]!);
  const first = durations[0]!;
  const last = durations.at(-1)!;
  const peak = Math.max(...durations);
  if (first === last && peak > first) return `${durationWords(first)} up to ${durationWords(peak)} and back`;
  return `${durationWords(first)} to ${durationWords(last)}`;
}

/** "with 5 s holds" for `hold 5s` (tempo 2-5-2), "at tempo 3-1-3" otherwise. */
function tempoWords(tempo: Interval['tempo'], reps: number | null): string {
  if (tempo === null) return '';
  if (tempo.up === 2 && tempo.down === 2 && tempo.hold > 0) return reps === 1 ? ` with a ${tempo.hold} s hold` : ` with ${tempo.hold} s holds`;
  return ` at tempo ${tempo.up}-${tempo.hold}-${tempo.down}`;
}

/**
 * How much of one step, in words, over `sets` sets: "15 reps each side",
 * "3 sets of 15 each side", "10 reps with 5 s holds", "2 sets of 10 steps each
 * side", "15 s each side".
 */
function doseWords(intervals: readonly Interval[], sets: number): string {
  const first = intervals[0]!;
  const side = first.sideKind ? ` each ${first.sideKind}` : '';
  if (first.amount === 'reps' || first.amount === 'steps') {
    const counts = distinct(intervals.map((i) => i.reps));
    const known = counts.filter((c): c is number => c !== null);
    const unit = first.amount;
    if (known.length === 0) return `${sets > 1 ? `${sets} sets of ` : ''}${unit} until Done${side}`;
    const count = known.length === 1 ? String(known[0]) : `${Math.min(...known)}-${Math.max(...known)}`;
    const amount = sets > 1 ? `${sets} sets of ${count}${unit === 'steps' ? ' steps' : ''}` : `${count} ${unit === 'reps' && count === '1' ? 'rep' : unit}`;
    return `${amount}${side}${tempoWords(first.tempo, known.length === 1 ? known[0]! : null)}`;
  }
  const durations = intervals.filter((i) => i.side !== 'right').map((i) => i.duration ?? 0);
  const times = timesWords(sets > 1 ? distinct(durations) : durations);
  return `${sets > 1 ? `${sets} sets of ${times}` : times}${side}`;
}

function setsOf(exercise: Exercise): number {
  return exercise.first.sideKind ? Math.ceil(exercise.intervals.length / 2) : exercise.intervals.length;
}

/** Seconds the plan takes with its unpaced work estimated (see ESTIMATE). */
export function estimatedSeconds(plan: Plan): number {
  let seconds = plan.totalSeconds;
  for (const i of plan.intervals) {
    if (i.duration !== null) continue;
    if (i.amount === 'open') seconds += ESTIMATE.openSeconds;
    else if (i.reps === null) seconds += ESTIMATE.repsUntilDoneSeconds;
    else seconds += i.reps * (i.amount === 'steps' ? ESTIMATE.stepSeconds : ESTIMATE.repSeconds);
  }
  return seconds;
}

/** A rehab plan has exercises counted in reps, done per side or paced by tempo. */
function isRehab(exercises: readonly Exercise[]): boolean {
  return exercises.some(({ first }) => first.amount === 'reps' || first.amount === 'steps' || first.sideKind !== null || first.tempo !== null);
}

/**
 * How long a workout is and what is in it, in one line a person reads.
 * Pool workouts (and anything fully timed without exercises) give their exact
 * duration: "1:17:00". Rehab work gives its exercises, their sets and sides,
 * holds and tempo, the steps that end with Done, and an honest estimate:
 * "2 exercises, 3 sets of 15 each side, about 24 min",
 * "3 exercises (15 reps each side, 10 reps with 5 s holds, 5 reps each side with 5 s holds), about 6 min".
 */
export function summarise(plan: Plan): string {
  const open = plan.intervals.filter((i) => i.amount === 'open').length;
  const openText = open === 0 ? '' : `${open} ${open === 1 ? 'step' : 'steps'} until Done`;
  const exercises = exercisesOf(plan);
  if (!isRehab(exercises)) {
    return [formatClock(plan.totalSeconds), openText].filter((p) => p !== '').join(' + ');
  }
  const doses = exercises.map((e) => doseWords(e.intervals, setsOf(e)));
  const count = `${exercises.length} ${exercises.length === 1 ? 'exercise' : 'exercises'}`;
  const anySide = (dose: string) => dose.replace(/ each (leg|arm)\b/, ' each side');
  let what: string;
  if (distinct(doses).length === 1) what = `${count}, ${doses[0]}`;
  else if (distinct(doses.map(anySide)).length === 1) what = `${count}, ${anySide(doses[0]!)}`;
  else {
    const grouped = distinct(doses).map((dose) => {
      const times = doses.filter((d) => d === dose).length;
      return times > 1 ? `${times} × ${dose}` : dose;
    });
    what = `${count} (${grouped.join(', ')})`;
  }
  const minutes = Math.max(1, Math.round(estimatedSeconds(plan) / 60));
  return [what, openText, `about ${minutes} min`].filter((p) => p !== '').join(', ');
}

/**
 * What "about" means, for the page that shows the summary, or null when the
 * plan is fully timed and its summary exact.
 */
export function estimateNote(plan: Plan): string | null {
  if (!summarise(plan).includes('about')) return null;
  if (plan.untimedCount === 0) return '\u201CAbout\u201D is the timed steps, rounded to the minute.';
  const parts: string[] = [];
  const untimed = plan.intervals.filter((i) => i.duration === null);
  if (untimed.some((i) => i.amount === 'reps')) parts.push(`${ESTIMATE.repSeconds} s a rep`);
  if (untimed.some((i) => i.amount === 'steps')) parts.push(`${ESTIMATE.stepSeconds} s a step`);
  if (untimed.some((i) => i.amount === 'open')) parts.push(`${ESTIMATE.openSeconds} s for each step you end with Done`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  return `\u201CAbout\u201D is the timed steps plus ${list}, rounded to the minute.`;
}

/** One group of steps in a plan's outline: those under one repeat, or at the top level. */
export interface OutlineBlock {
  /** "12 rounds", "17 rungs", "3 sets", "2 rounds × 3 sets"; null at the top level. */
  readonly heading: string | null;
  /** Each source step once, in words: "Clamshell: 15 reps each side", "Warm-up: 10 min, easy", "Sprint: 2 min". */
  readonly steps: readonly string[];
}

const ROUND_WORDS: Record<Interval['rounds'][number]['kind'], [string, string]> = {
  round: ['round', 'rounds'],
  rung: ['rung', 'rungs'],
  set: ['set', 'sets'],
};

const ROLE_WORDS: Partial<Record<Interval['role'], string>> = { warmup: 'Warm-up', cooldown: 'Cool-down', between: 'Between' };

/**
 * A plan as a short list a person reads, one line per step of the workout as
 * written (not per interval): repeats become a heading over their steps, a
 * ladder's rung shows its times ("1 min up to 5 min and back"), sides and
 * holds are words. For History, where the workout's text is not what a
 * person wants to read.
 */
export function outline(plan: Plan): OutlineBlock[] {
  const zones = new Map(plan.zones.map((z) => [z.name, z]));
  const byLine = new Map<number, Interval[]>();
  for (const i of plan.intervals) {
    if (i.role === 'switch') continue;
    const list = byLine.get(i.line);
    if (list) list.push(i);
    else byLine.set(i.line, [i]);
  }
  const blocks: { key: string; heading: string | null; steps: string[] }[] = [];
  for (const intervals of byLine.values()) {
    const first = intervals[0]!;
    const key = first.rounds.map((r) => `${r.kind}:${r.count}`).join('/');
    const heading = first.rounds.length === 0 ? null : first.rounds.map((r) => `${r.count} ${ROUND_WORDS[r.kind][r.count === 1 ? 0 : 1]}`).join(' × ');
    let block = blocks.at(-1);
    if (block === undefined || block.key !== key) {
      block = { key, heading, steps: [] };
      blocks.push(block);
    }
    block.steps.push(stepWords(intervals, zones));
  }
  return blocks.map(({ heading, steps }) => ({ heading, steps }));
}

function stepWords(intervals: readonly Interval[], zones: ReadonlyMap<string, Plan['zones'][number]>): string {
  const first = intervals[0]!;
  const zone = zones.get(first.zone);
  const zoneLabel = zone?.label.trim() ? zone.label : first.zone.charAt(0).toUpperCase() + first.zone.slice(1);
  const role = ROLE_WORDS[first.role] ?? '';
  const ownLabel = first.label !== zoneLabel && first.label !== role && first.label.trim() !== '' ? first.label : '';
  // An unnamed step is named by its zone: "Rest: 30 s", "Sprint: 2 min".
  const name = [role, ownLabel].filter((p) => p !== '').join(', ') || (first.zone === 'work' ? '' : zoneLabel);
  const zoneNamed = name === zoneLabel;
  const perRound = first.rounds.length === 0 ? intervals : intervals.filter((i) => sameRound(i, first));
  const amount =
    first.amount === 'open'
      ? 'until you tap Done'
      : first.amount === 'time'
        ? `${timesWords(intervals.filter((i) => i.side !== 'right').map((i) => i.duration ?? 0))}${first.sideKind ? ` each ${first.sideKind}` : ''}`
        : doseWords(perRound, 1);
  const zoneText = first.zone === 'work' || zoneNamed ? '' : `, ${zoneLabel.toLowerCase()}`;
  return `${name ? `${name}: ` : ''}${amount}${zoneText}`;
}

/** Both intervals are in the same round of every repeat around them. */
function sameRound(a: Interval, b: Interval): boolean {
  return a.rounds.length === b.rounds.length && a.rounds.every((r, k) => r.index === b.rounds[k]!.index);
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
      sets: setSummaries(plan).map(
        (s) => `${s.label} ${s.sets}x${s.reps ?? ''}${s.unit === 'steps' ? ' steps' : ''}${s.sideKind ? ` each ${s.sideKind}` : ''}`,
      ),
    });
  }
  return rows;
}
