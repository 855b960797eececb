import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { compile } from '../../src/dsl';
import { addDays, dayOf, daysBetween, parseDay, startOfDay, weekdayOf } from '../../src/programme/days';
import {
  calendar,
  checkIn,
  doseText,
  dueOn,
  end,
  lastDay,
  mark,
  missedBefore,
  moveOn,
  pause,
  pendingChoice,
  positionOn,
  programmesOf,
  repeatWeek,
  resume,
  startProgramme,
  undoPendingChoice,
  unmark,
  type DoneRun,
  type ProgrammeRecord,
} from '../../src/programme/programme';

const FILES = ['fredericson-stretches', 'fredericson-strength', 'hip-strength-extras', 'self-care', 'icing', 'foam-rolling', 'pyramid'];
const source = (id: string) => readFileSync(new URL(`../../workouts/${id}.workout`, import.meta.url), 'utf8');
const workouts = FILES.map((id) => ({ id, plan: compile(source(id)).plan }));
const [fredericson] = programmesOf(workouts);
const MONDAY = '2026-11-30';
const T = 1_800_000_000_000;

function started(start = MONDAY): ProgrammeRecord {
  return startProgramme(fredericson!, start, 'p1', T);
}

function weekOf(record: ProgrammeRecord, day: string): number | string {
  const p = positionOn(record, day);
  return p.kind === 'active' ? p.week : p.kind;
}

describe('calendar days', () => {
  const TZ = process.env['TZ'];
  afterEach(() => {
    process.env['TZ'] = TZ;
  });

  it('reads only real dates', () => {
    expect(parseDay('2026-11-30')).toBe('2026-11-30');
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2028-02-29')).toBe('2028-02-29');
    expect(parseDay('30/11/2026')).toBeNull();
  });

  it('counts days across a daylight-saving change as whole days', () => {
    process.env['TZ'] = 'Europe/London';
    // Clocks go back on 25 Oct 2026 (a 25-hour day) and forward on 29 Mar 2026 (23 hours).
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(startOfDay('2026-10-26') - startOfDay('2026-10-25')).toBe(25 * 3600 * 1000);
    // An evening session on the long day still falls on that day.
    expect(dayOf(new Date(2026, 9, 25, 23, 30).getTime())).toBe('2026-10-25');
    const record = started('2026-10-19');
    expect(positionOn(record, '2026-10-25')).toMatchObject({ kind: 'active', week: 1, day: 7 });
    expect(positionOn(record, '2026-10-26')).toMatchObject({ kind: 'active', week: 2, day: 8 });
    process.env['TZ'] = 'America/New_York';
    // Spring forward on 8 Mar 2026.
    const spring = started('2026-03-02');
    expect(positionOn(spring, '2026-03-09')).toMatchObject({ kind: 'active', week: 2, day: 8 });
    expect(dayOf(new Date(2026, 2, 8, 3, 30).getTime())).toBe('2026-03-08');
  });

  it('keeps the programme on the calendar when the phone changes time zone', () => {
    const record = started();
    const at = Date.UTC(2026, 11, 7, 20, 0); // Mon 7 Dec, 20:00 UTC
    process.env['TZ'] = 'Europe/London';
    expect(dayOf(at)).toBe('2026-12-07');
    expect(positionOn(record, dayOf(at))).toMatchObject({ week: 2, day: 8 });
    // Flown to Sydney, it is already Tuesday there: the next day of the same programme.
    process.env['TZ'] = 'Australia/Sydney';
    expect(dayOf(at)).toBe('2026-12-08');
    expect(positionOn(record, dayOf(at))).toMatchObject({ week: 2, day: 9 });
    // And in Los Angeles it is still Monday midday.
    process.env['TZ'] = 'America/Los_Angeles';
    expect(dayOf(at)).toBe('2026-12-07');
    expect(weekdayOf('2026-12-07')).toBe('mon');
  });
});

describe('a programme from the workout files', () => {
  it('is made of the workouts that name it, extras marked optional', () => {
    expect(fredericson).toMatchObject({ name: 'Fredericson', weeks: 6 });
    expect(fredericson!.members.map((m) => [m.workoutId, m.optional, m.schedule?.kind])).toEqual([
      ['fredericson-stretches', false, 'daily'],
      ['fredericson-strength', false, 'daily'],
      ['hip-strength-extras', true, undefined],
      ['self-care', true, undefined],
      ['icing', true, 'daily'],
      ['foam-rolling', true, 'daily'],
    ]);
  });

  it('gives each day its week from the start date', () => {
    const record = started();
    expect(weekOf(record, '2026-11-29')).toBe('before');
    expect(positionOn(record, MONDAY)).toMatchObject({ week: 1, offset: 0, day: 1 });
    expect(positionOn(record, '2026-12-06')).toMatchObject({ week: 1, offset: 6, day: 7 });
    expect(positionOn(record, '2026-12-09')).toMatchObject({ week: 2, offset: 2, day: 10 });
    expect(weekOf(record, addDays(MONDAY, 35))).toBe(6);
    expect(weekOf(record, addDays(MONDAY, 41))).toBe(6);
    expect(weekOf(record, addDays(MONDAY, 42))).toBe('finished');
    expect(lastDay(record)).toBe(addDays(MONDAY, 41));
  });

  it('starts in week 3 from a past start date', () => {
    const record = started(addDays(MONDAY, -14));
    expect(positionOn(record, MONDAY)).toMatchObject({ week: 3, day: 15 });
  });

  it('doses each day at its week: 1x15 in week 1, 1x18 in week 2, 3x30 in week 6', () => {
    const strength = source('fredericson-strength');
    const dose = (day: string) => doseText(compile(strength, { week: weekOf(started(), day) as number }).plan!);
    expect(dose(MONDAY)).toBe('1 set of 15 each side');
    expect(dose('2026-12-08')).toBe('1 set of 18 each side');
    expect(dose(addDays(MONDAY, 40))).toBe('3 sets of 30 each side');
    expect(doseText(compile(source('fredericson-stretches')).plan!)).toBeNull();
  });

  it('repeats a week: the same dose for seven more days, and the end moves a week later', () => {
    const day10 = addDays(MONDAY, 9);
    const record = repeatWeek(started(), day10, T + 1);
    expect(weekOf(record, day10)).toBe(2);
    expect(weekOf(record, addDays(MONDAY, 14))).toBe(2);
    expect(weekOf(record, addDays(MONDAY, 20))).toBe(2);
    expect(weekOf(record, addDays(MONDAY, 21))).toBe(3);
    expect(lastDay(record)).toBe(addDays(MONDAY, 48));
    expect(pendingChoice(record, day10)).toEqual({ from: addDays(MONDAY, 14), week: 2, offset: 0 });
    expect(weekOf(undoPendingChoice(record, day10, T + 2), addDays(MONDAY, 14))).toBe(3);
  });

  it('moves on: the next week starts today, and can skip again', () => {
    const day3 = addDays(MONDAY, 2);
    let record = moveOn(started(), day3, T + 1);
    expect(weekOf(record, addDays(MONDAY, 1))).toBe(1);
    expect(positionOn(record, day3)).toMatchObject({ week: 2, offset: 0, day: 3 });
    expect(weekOf(record, addDays(day3, 7))).toBe(3);
    record = moveOn(record, day3, T + 2);
    expect(weekOf(record, day3)).toBe(3);
    expect(lastDay(record)).toBe(addDays(day3, 27));
  });

  it('pauses: paused days are neither due nor missed, and the weeks wait', () => {
    let record = pause(started(), addDays(MONDAY, 3), T + 1);
    expect(weekOf(record, addDays(MONDAY, 10))).toBe('paused');
    expect(lastDay(record)).toBeNull();
    record = resume(record, addDays(MONDAY, 10), T + 2);
    expect(record.pauses).toEqual([{ from: addDays(MONDAY, 3), to: addDays(MONDAY, 9) }]);
    expect(positionOn(record, addDays(MONDAY, 10))).toMatchObject({ week: 1, offset: 3, day: 4 });
    expect(weekOf(record, addDays(MONDAY, 14))).toBe(2);
    expect(missedBefore(fredericson!, record, addDays(MONDAY, 11), []).map((m) => m.day)).toEqual(
      [MONDAY, addDays(MONDAY, 1), addDays(MONDAY, 2), addDays(MONDAY, 10), addDays(MONDAY, 10)].filter((d, i, a) => a.indexOf(d) === i).flatMap((d) => [d, d]),
    );
    expect(lastDay(record)).toBe(addDays(MONDAY, 48));
  });

  it('ends: nothing is due from the day it ended', () => {
    const record = end(started(), addDays(MONDAY, 5), T + 1);
    expect(weekOf(record, addDays(MONDAY, 4))).toBe(1);
    expect(weekOf(record, addDays(MONDAY, 5))).toBe('ended');
    expect(dueOn(fredericson!, record, addDays(MONDAY, 6), [])).toEqual([]);
  });

  it('counts a day from finished runs and check-offs by hand, and undoes a check-off', () => {
    const runs: DoneRun[] = [
      { workoutId: 'fredericson-stretches', day: MONDAY, completed: true },
      { workoutId: 'fredericson-stretches', day: MONDAY, completed: false },
      { workoutId: 'fredericson-strength', day: addDays(MONDAY, -1), completed: true },
    ];
    let record = mark(started(), 'fredericson-stretches', MONDAY, 'm1', T + 1);
    const due = (r: ProgrammeRecord) => dueOn(fredericson!, r, MONDAY, runs).map((d) => [d.member.workoutId, d.done, d.target, d.upTo]);
    expect(due(record).slice(0, 2)).toEqual([
      ['fredericson-stretches', 2, 3, 3],
      ['fredericson-strength', 0, 1, 1],
    ]);
    expect(due(record).find(([id]) => id === 'icing')).toEqual(['icing', 0, 2, 5]);
    record = unmark(record, 'm1', T + 2);
    expect(due(record)[0]).toEqual(['fredericson-stretches', 1, 3, 3]);
  });

  it('shows missed days honestly, never rolled over, and never for an optional extra', () => {
    const record = started();
    const runs: DoneRun[] = [
      { workoutId: 'fredericson-stretches', day: MONDAY, completed: true },
      { workoutId: 'fredericson-stretches', day: MONDAY, completed: true },
      { workoutId: 'fredericson-stretches', day: MONDAY, completed: true },
      { workoutId: 'fredericson-strength', day: MONDAY, completed: true },
    ];
    const missed = missedBefore(fredericson!, record, addDays(MONDAY, 2), runs);
    expect(missed).toEqual([
      { day: addDays(MONDAY, 1), workoutId: 'fredericson-stretches', title: 'Fredericson stretches', done: 0, target: 3 },
      { day: addDays(MONDAY, 1), workoutId: 'fredericson-strength', title: 'Fredericson strength', done: 0, target: 1 },
    ]);
    // Today's dose is today's, whatever was missed.
    expect(dueOn(fredericson!, record, addDays(MONDAY, 2), runs)[0]).toMatchObject({ target: 3, done: 0 });
  });

  it('lays out the calendar with sessions, due counts, missed days and pain', () => {
    let record = started();
    record = checkIn(record, { id: 'c1', day: MONDAY, at: T, moment: 'before', pain: 3, workoutId: null }, T + 1);
    record = checkIn(record, { id: 'c2', day: MONDAY, at: T, moment: 'after', pain: 5, workoutId: null }, T + 2);
    const runs: DoneRun[] = [{ workoutId: 'fredericson-strength', day: MONDAY, completed: true }];
    const days = calendar(fredericson!, record, addDays(MONDAY, 2), runs);
    expect(days).toHaveLength(42);
    expect(days[0]).toMatchObject({ day: MONDAY, done: 1, due: 4, missed: true, pain: 5 });
    expect(days[2]).toMatchObject({ missed: false, pain: null });
  });

  it('judges a weekly count once, at the real end of its week, across a pause', () => {
    const weekly: typeof fredericson = {
      name: 'W',
      weeks: 2,
      members: [{ ...fredericson!.members[1]!, workoutId: 'w', title: 'Weekly', schedule: { kind: 'weekly', times: 3 } }],
    };
    let record = startProgramme(weekly, MONDAY, 'w1', T);
    record = pause(record, addDays(MONDAY, 3), T + 1); // Thu
    record = resume(record, addDays(MONDAY, 5), T + 2); // Sat: Thu and Fri paused
    const runs: DoneRun[] = [{ workoutId: 'w', day: addDays(MONDAY, 1), completed: true }];
    const missed = missedBefore(weekly, record, addDays(MONDAY, 12), runs);
    // Week 1 runs Mon-Wed and Sat-Tue (7 programme days): one verdict, on its last day.
    expect(missed).toEqual([{ day: addDays(MONDAY, 8), workoutId: 'w', title: 'Weekly', done: 1, target: 3 }]);
  });

  it('keeps a repeated week seven days long when a pause comes after the choice', () => {
    let record = repeatWeek(started(), addDays(MONDAY, 2), T + 1); // Wed of week 1: repeat it
    record = pause(record, addDays(MONDAY, 3), T + 2);
    record = resume(record, addDays(MONDAY, 6), T + 3); // Thu-Sat paused
    // Week 1: Mon-Wed, then Sun-Wed; its repeat starts the next day.
    expect(positionOn(record, addDays(MONDAY, 9))).toMatchObject({ week: 1, offset: 6 });
    expect(positionOn(record, addDays(MONDAY, 10))).toMatchObject({ week: 1, offset: 0 });
    expect(positionOn(record, addDays(MONDAY, 17))).toMatchObject({ week: 2, offset: 0 });
  });

  it('lets a move-on be undone the same day', () => {
    const day3 = addDays(MONDAY, 2);
    const record = moveOn(started(), day3, T + 1);
    expect(pendingChoice(record, day3)).toEqual({ from: day3, week: 2, offset: 0 });
    expect(positionOn(undoPendingChoice(record, day3, T + 2), day3)).toMatchObject({ week: 1, offset: 2 });
    expect(pendingChoice(record, addDays(day3, 1))).toBeNull();
  });

  it('counts in the calendar every session done that day, due or not', () => {
    const runs: DoneRun[] = [
      { workoutId: 'icing', day: MONDAY, completed: true },
      { workoutId: 'fredericson-stretches', day: MONDAY, completed: true },
      { workoutId: 'fredericson-stretches', day: MONDAY, completed: true },
      { workoutId: 'fredericson-stretches', day: MONDAY, completed: true },
      { workoutId: 'fredericson-stretches', day: MONDAY, completed: true },
    ];
    expect(calendar(fredericson!, started(), addDays(MONDAY, 1), runs)[0]).toMatchObject({ done: 5, due: 4 });
  });
});
