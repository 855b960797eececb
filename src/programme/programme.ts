/**
 * A programme followed day by day: which week's dose a day gets, what is due
 * on it, what was done and what was missed. Pure data in, data out: the
 * programme's shape comes from the workout files (`programme:`, `when:`,
 * `weeks:`), its state from one stored record, and what was done from the
 * finished sessions and the check-offs made by hand. Nothing here decides a
 * dose: the weeks follow the start date and the runner's own choices.
 */
import type { Plan, Schedule } from '../dsl';
import { setSummaries } from '../dsl';
import { addDays, daysBetween, weekdayOf, type Day } from './days';

/** One workout of a programme, as its file says. */
export interface ProgrammeMember {
  readonly workoutId: string;
  readonly title: string;
  /** `when:` as written ("3x daily"), or null. */
  readonly when: string | null;
  readonly schedule: Schedule | null;
  /** Offered, never counted as missed. */
  readonly optional: boolean;
  /** The dose changes week by week (`weeks:` and `a->b`). */
  readonly progresses: boolean;
}

/** A programme as the workout files define it. */
export interface ProgrammeDef {
  readonly name: string;
  /** How many weeks it lasts (the members' `weeks:`); 1 when none has any. */
  readonly weeks: number;
  readonly members: readonly ProgrammeMember[];
}

/** The programmes the given workouts make, by name, members in the order given. */
export function programmesOf(workouts: readonly { id: string; plan: Plan | null }[]): ProgrammeDef[] {
  const byName = new Map<string, { weeks: number; members: ProgrammeMember[] }>();
  for (const { id, plan } of workouts) {
    const programme = plan?.programme;
    if (!plan || !programme) continue;
    const def = byName.get(programme.name) ?? { weeks: 1, members: [] };
    def.weeks = Math.max(def.weeks, plan.weeks ?? 1);
    def.members.push({
      workoutId: id,
      title: plan.title,
      when: plan.when,
      schedule: plan.schedule,
      optional: programme.optional,
      progresses: plan.weeks !== null,
    });
    byName.set(programme.name, def);
  }
  return [...byName].filter(([, d]) => d.members.some((m) => !m.optional)).map(([name, d]) => ({ name, weeks: d.weeks, members: d.members }));
}

export const ProgrammeStatus = { Active: 'active', Paused: 'paused', Ended: 'ended' } as const;
export type ProgrammeStatus = (typeof ProgrammeStatus)[keyof typeof ProgrammeStatus];

/** From `from` on, the dose week is `week`, on its day `offset` (0-6), one day further each day. */
export interface WeekSegment {
  readonly from: Day;
  readonly week: number;
  readonly offset: number;
}

/** A session checked off by hand ("Done without the timer"). */
export interface ProgrammeMark {
  readonly id: string;
  readonly workoutId: string;
  readonly day: Day;
  readonly at: number;
}

/** When a pain rating was given: before a session, after one, or at any other moment ("how is it now"). */
export type PainMoment = 'before' | 'after' | 'now';

/** A pain rating, 0-10. */
export interface PainCheckIn {
  readonly id: string;
  readonly day: Day;
  readonly at: number;
  readonly moment: PainMoment;
  readonly pain: number;
  readonly workoutId: string | null;
}

/** One run of a programme on this device: stored as one record. */
export interface ProgrammeRecord {
  readonly id: string;
  readonly name: string;
  /** Its length when started. */
  readonly weeks: number;
  readonly start: Day;
  readonly status: ProgrammeStatus;
  /** How the weeks go: the first starts at `start` with week 1; repeats and moving on add more. */
  readonly segments: readonly WeekSegment[];
  /** Days it was paused, inclusive; `to` null while still paused. */
  readonly pauses: readonly { readonly from: Day; readonly to: Day | null }[];
  /** The day it was ended (nothing is due from this day on), or null. */
  readonly ended: Day | null;
  readonly marks: readonly ProgrammeMark[];
  readonly checkIns: readonly PainCheckIn[];
  /** Ask for pain before and after each session (remembered per programme). */
  readonly askPain: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A new programme run, starting on `start` (today, or a past day for someone already in week 3). */
export function startProgramme(def: ProgrammeDef, start: Day, id: string, now: number): ProgrammeRecord {
  return {
    id,
    name: def.name,
    weeks: def.weeks,
    start,
    status: ProgrammeStatus.Active,
    segments: [{ from: start, week: 1, offset: 0 }],
    pauses: [],
    ended: null,
    marks: [],
    checkIns: [],
    askPain: true,
    createdAt: now,
    updatedAt: now,
  };
}

/** Where a programme stands on a day. */
export type Position =
  | { readonly kind: 'before' }
  | { readonly kind: 'paused' }
  | { readonly kind: 'ended' }
  /** Past its last week. */
  | { readonly kind: 'finished' }
  | {
      readonly kind: 'active';
      /** Dose week, 1-based. */
      readonly week: number;
      /** Day within that week, 0-6. */
      readonly offset: number;
      /** Day of the programme, 1-based, not counting paused days. */
      readonly day: number;
      readonly segment: number;
    };

function pausedDays(record: ProgrammeRecord, from: Day, before: Day): number {
  let n = 0;
  for (const p of record.pauses) {
    const a = daysBetween(from, p.from) > 0 ? p.from : from;
    const lastPaused = p.to ?? addDays(before, -1);
    const b = daysBetween(lastPaused, addDays(before, -1)) < 0 ? addDays(before, -1) : lastPaused;
    const span = daysBetween(a, b) + 1;
    if (span > 0) n += span;
  }
  return n;
}

function isPaused(record: ProgrammeRecord, day: Day): boolean {
  return record.pauses.some((p) => daysBetween(p.from, day) >= 0 && (p.to === null || daysBetween(day, p.to) >= 0));
}

export function positionOn(record: ProgrammeRecord, day: Day): Position {
  if (daysBetween(record.start, day) < 0) return { kind: 'before' };
  if (record.ended !== null && daysBetween(record.ended, day) >= 0) return { kind: 'ended' };
  if (isPaused(record, day)) return { kind: 'paused' };
  let segment = 0;
  record.segments.forEach((s, i) => {
    if (daysBetween(s.from, day) >= 0) segment = i;
  });
  const s = record.segments[segment]!;
  const total = s.offset + daysBetween(s.from, day) - pausedDays(record, s.from, day);
  const week = s.week + Math.floor(total / 7);
  if (week > record.weeks) return { kind: 'finished' };
  return { kind: 'active', week, offset: total % 7, day: daysBetween(record.start, day) + 1 - pausedDays(record, record.start, day), segment };
}

/** The last day with a dose, following the runner's choices so far (null while paused with no end in sight). */
export function lastDay(record: ProgrammeRecord, from: Day = record.start): Day | null {
  if (record.status === ProgrammeStatus.Paused) return null;
  let day = daysBetween(record.start, from) < 0 ? record.start : from;
  let last: Day | null = null;
  for (let i = 0; i < 7 * 60; i++, day = addDays(day, 1)) {
    const p = positionOn(record, day);
    if (p.kind === 'active') last = day;
    else if (p.kind === 'finished' || p.kind === 'ended') return last ?? addDays(day, -1);
  }
  return last;
}

function touch(record: ProgrammeRecord, now: number, change: Partial<ProgrammeRecord>): ProgrammeRecord {
  return { ...record, ...change, updatedAt: Math.max(now, record.updatedAt + 1) };
}

/** Repeat the current week: when it ends, the same week's dose comes again. */
export function repeatWeek(record: ProgrammeRecord, today: Day, now: number): ProgrammeRecord {
  const p = positionOn(record, today);
  if (p.kind !== 'active') return record;
  const from = addDays(today, 7 - p.offset);
  return touch(record, now, { segments: [...record.segments.filter((s) => daysBetween(s.from, from) > 0), { from, week: p.week, offset: 0 }] });
}

/** Move on: the next week's dose starts today. */
export function moveOn(record: ProgrammeRecord, today: Day, now: number): ProgrammeRecord {
  const p = positionOn(record, today);
  if (p.kind !== 'active') return record;
  return touch(record, now, { segments: [...record.segments.filter((s) => daysBetween(s.from, today) > 0), { from: today, week: p.week + 1, offset: 0 }] });
}

/** The latest choice about the weeks, while it can still be undone: one that starts today (move on) or later (repeat). */
export function pendingChoice(record: ProgrammeRecord, today: Day): WeekSegment | null {
  const last = record.segments[record.segments.length - 1]!;
  return record.segments.length > 1 && daysBetween(today, last.from) >= 0 ? last : null;
}

export function undoPendingChoice(record: ProgrammeRecord, today: Day, now: number): ProgrammeRecord {
  return pendingChoice(record, today) ? touch(record, now, { segments: record.segments.slice(0, -1) }) : record;
}

export function pause(record: ProgrammeRecord, today: Day, now: number): ProgrammeRecord {
  if (record.status !== ProgrammeStatus.Active) return record;
  return touch(record, now, { status: ProgrammeStatus.Paused, pauses: [...record.pauses, { from: today, to: null }] });
}

export function resume(record: ProgrammeRecord, today: Day, now: number): ProgrammeRecord {
  if (record.status !== ProgrammeStatus.Paused) return record;
  const open = record.pauses.find((p) => p.to === null);
  const pauses = record.pauses.flatMap((p) => (p.to !== null ? [p] : daysBetween(p.from, today) > 0 ? [{ from: p.from, to: addDays(today, -1) }] : []));
  // A choice about weeks still to come (repeat this week) moves with the days paused, so the week it follows keeps its seven days.
  const paused = open ? Math.max(0, daysBetween(open.from, today)) : 0;
  const segments = record.segments.map((s) => (open && paused > 0 && daysBetween(open.from, s.from) > 0 ? { ...s, from: addDays(s.from, paused) } : s));
  return touch(record, now, { status: ProgrammeStatus.Active, pauses, segments });
}

export function end(record: ProgrammeRecord, today: Day, now: number): ProgrammeRecord {
  if (record.status === ProgrammeStatus.Ended) return record;
  const pauses = record.pauses.flatMap((p) => {
    const to = p.to ?? addDays(today, -1);
    return daysBetween(p.from, to) >= 0 ? [{ from: p.from, to }] : [];
  });
  return touch(record, now, { status: ProgrammeStatus.Ended, ended: today, pauses });
}

export function mark(record: ProgrammeRecord, workoutId: string, day: Day, id: string, now: number): ProgrammeRecord {
  return touch(record, now, { marks: [...record.marks, { id, workoutId, day, at: now }] });
}

export function unmark(record: ProgrammeRecord, markId: string, now: number): ProgrammeRecord {
  return touch(record, now, { marks: record.marks.filter((m) => m.id !== markId) });
}

export function checkIn(record: ProgrammeRecord, entry: PainCheckIn, now: number): ProgrammeRecord {
  return touch(record, now, { checkIns: [...record.checkIns, entry] });
}

export function setAskPain(record: ProgrammeRecord, askPain: boolean, now: number): ProgrammeRecord {
  return touch(record, now, { askPain });
}

/** A finished run, as the programme needs it. */
export interface DoneRun {
  readonly workoutId: string;
  readonly day: Day;
  readonly completed: boolean;
}

/** How many of a member's sessions are due on a day (or in its programme week, for `Nx weekly`). */
export interface Due {
  readonly member: ProgrammeMember;
  /** At least this many (0: not due today). */
  readonly target: number;
  /** Up to this many count. */
  readonly upTo: number;
  readonly done: number;
  /** Counted over the programme week, not the day. */
  readonly weekly: boolean;
}

function doneOn(record: ProgrammeRecord, runs: readonly DoneRun[], workoutId: string, days: ReadonlySet<Day>): number {
  const byTimer = runs.filter((r) => r.completed && r.workoutId === workoutId && days.has(r.day)).length;
  const byHand = record.marks.filter((m) => m.workoutId === workoutId && days.has(m.day)).length;
  return byTimer + byHand;
}

/** The days of the programme week that `day` is in, up to and including `day`. */
function weekSoFar(record: ProgrammeRecord, day: Day): Day[] {
  const p = positionOn(record, day);
  if (p.kind !== 'active') return [];
  const out: Day[] = [];
  for (let d = day, i = 0; i < 60; i++, d = addDays(d, -1)) {
    const q = positionOn(record, d);
    if (q.kind === 'paused') continue;
    if (q.kind !== 'active' || q.week !== p.week || q.segment !== p.segment) break;
    out.push(d);
  }
  return out;
}

/** What is due on a day, member by member (empty unless the programme is active that day). */
export function dueOn(def: ProgrammeDef, record: ProgrammeRecord, day: Day, runs: readonly DoneRun[]): Due[] {
  if (positionOn(record, day).kind !== 'active') return [];
  return def.members.map((member) => {
    const s = member.schedule;
    if (s?.kind === 'weekly') {
      const days = new Set(weekSoFar(record, day));
      return { member, target: s.times, upTo: s.times, done: doneOn(record, runs, member.workoutId, days), weekly: true };
    }
    const today = new Set([day]);
    const done = doneOn(record, runs, member.workoutId, today);
    if (s?.kind === 'daily') return { member, target: s.min, upTo: s.max, done, weekly: false };
    if (s?.kind === 'days') {
      const due = s.days.includes(weekdayOf(day)) ? 1 : 0;
      return { member, target: due, upTo: due, done, weekly: false };
    }
    return { member, target: 0, upTo: 0, done, weekly: false };
  });
}

/** A day on which a counted session was not done: shown as missed, never rolled over. */
export interface Missed {
  readonly day: Day;
  readonly workoutId: string;
  readonly title: string;
  readonly done: number;
  readonly target: number;
}

/** Sessions missed before `today` (optional extras never count). A weekly count is judged on its week's last day. */
export function missedBefore(def: ProgrammeDef, record: ProgrammeRecord, today: Day, runs: readonly DoneRun[]): Missed[] {
  const out: Missed[] = [];
  for (let day = record.start; daysBetween(day, today) > 0; day = addDays(day, 1)) {
    const p = positionOn(record, day);
    if (p.kind !== 'active') continue;
    // The next day the programme runs (paused days wait): a weekly count is judged once, when its week is over.
    let next = positionOn(record, addDays(day, 1));
    for (let d = addDays(day, 1), i = 0; next.kind === 'paused' && i < 400; i++) next = positionOn(record, (d = addDays(d, 1)));
    const weekEnds = next.kind !== 'active' || next.week !== p.week || next.segment !== p.segment;
    for (const due of dueOn(def, record, day, runs)) {
      if (due.member.optional || due.done >= due.target) continue;
      if (due.weekly && !weekEnds) continue;
      out.push({ day, workoutId: due.member.workoutId, title: due.member.title, done: due.done, target: due.target });
    }
  }
  return out;
}

/** One calendar day: what was done, what was due, and the pain recorded. */
export interface CalendarDay {
  readonly day: Day;
  readonly position: Position;
  readonly done: number;
  readonly due: number;
  readonly missed: boolean;
  /** Highest pain rated that day, or null. */
  readonly pain: number | null;
}

/** Every day from the start to the last day (or `until`), for the calendar and the trend. */
export function calendar(
  def: ProgrammeDef,
  record: ProgrammeRecord,
  today: Day,
  runs: readonly DoneRun[],
  pains: readonly { day: Day; pain: number }[] = [],
): CalendarDay[] {
  const end = record.ended ?? lastDay(record) ?? today;
  const until = daysBetween(end, today) > 0 ? today : end;
  const missed = new Set(missedBefore(def, record, today, runs).map((m) => m.day));
  const out: CalendarDay[] = [];
  for (let day = record.start; daysBetween(day, until) >= 0; day = addDays(day, 1)) {
    const dues = dueOn(def, record, day, runs).filter((d) => !d.member.optional && !d.weekly);
    const ratings = [...record.checkIns.filter((c) => c.day === day).map((c) => c.pain), ...pains.filter((p) => p.day === day).map((p) => p.pain)];
    // Every session done that day, whatever its schedule (extras, weekly counts and a weekday workout done on another day too).
    const doneHere = def.members.reduce((n, m) => n + doneOn(record, runs, m.workoutId, new Set([day])), 0);
    out.push({
      day,
      position: positionOn(record, day),
      done: doneHere,
      due: dues.reduce((n, d) => n + d.target, 0),
      missed: missed.has(day),
      pain: ratings.length ? Math.max(...ratings) : null,
    });
  }
  return out;
}

/** "1 set of 18 each side", or each exercise's sets when they differ; null for a plan with nothing counted. */
export function doseText(plan: Plan): string | null {
  const sets = setSummaries(plan);
  if (sets.length === 0) return null;
  const one = (s: (typeof sets)[number]) =>
    `${s.sets} set${s.sets === 1 ? '' : 's'} of ${s.reps ?? '?'}${s.unit === 'steps' ? ' steps' : ''}${s.sideKind ? ` each ${s.sideKind}` : ''}`;
  const first = one(sets[0]!);
  return sets.every((s) => one(s) === first) ? first : sets.map((s) => `${s.label}: ${one(s)}`).join('; ');
}
