import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProgrammes, compile, formatClock, planSchema, summarise, weekTable } from '../../src/dsl/index';

const dir = new URL('../../workouts/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.workout'))
  .sort();
const read = (file: string) => readFileSync(new URL(file, dir), 'utf8');

/** Golden totals at default choices, and interval counts, for every built-in file. */
const GOLDEN: Record<string, { title: string; total: string; intervals: number; untimed: number }> = {
  'pyramid.workout': { title: 'Pyramid', total: '1:17:00', intervals: 35, untimed: 0 },
  'wave-your-hands.workout': { title: 'Wave your hands in the air', total: '55:00', intervals: 42, untimed: 0 },
  'springboard.workout': { title: 'Springboard', total: '1:15:00', intervals: 42, untimed: 0 },
  'race-simulation.workout': { title: 'Race simulation', total: '56:00', intervals: 18, untimed: 0 },
  'lactic-acid.workout': { title: 'Lactic acid', total: '1:20:00', intervals: 38, untimed: 0 },
  'fredericson-stretches.workout': { title: 'Fredericson stretches', total: '1:10', intervals: 7, untimed: 1 },
  'fredericson-strength.workout': { title: 'Fredericson strength', total: '1:10', intervals: 7, untimed: 4 },
  'hip-strength-extras.workout': { title: 'Hip strength extras', total: '4:10', intervals: 9, untimed: 2 },
  'self-care.workout': { title: 'IT band self-care', total: '3:15', intervals: 16, untimed: 4 },
  'icing.workout': { title: 'Icing', total: '10:00', intervals: 1, untimed: 0 },
  'foam-rolling.workout': { title: 'Foam rolling', total: '8:20', intervals: 12, untimed: 0 },
};

describe('the built-in library', () => {
  it('has a golden entry for every file, and a file for every golden entry', () => {
    expect(files).toEqual(Object.keys(GOLDEN).sort());
  });

  it.each(files)('%s checks clean with its golden total', (file) => {
    const result = compile(read(file));
    expect(result.diagnostics).toEqual([]);
    const plan = result.plan!;
    const golden = GOLDEN[file]!;
    expect(plan.title).toBe(golden.title);
    expect(formatClock(plan.totalSeconds)).toBe(golden.total);
    expect(plan.intervals.length).toBe(golden.intervals);
    expect(plan.untimedCount).toBe(golden.untimed);
    expect(planSchema.safeParse(plan).success).toBe(true);
  });

  it.each(files)('%s cites its source as people cite it, never by file name', (file) => {
    const plan = compile(read(file)).plan!;
    const source = plan.notes.map((note) => /(?:^|\. )(Sources?: .*)$/.exec(note)?.[1]).find((s) => s !== undefined);
    expect(source, 'a "Source:" sentence').toBeDefined();
    // A title in quotes, as people cite a page or an episode.
    expect(source).toMatch(/"[A-Z][^"]{10,}"/);
    expect(read(file)).not.toMatch(/\d{3}_[0-9a-f]{16}|\.txt\b/);
  });

  it('cites RunnersConnect by publisher, title and where to find it', () => {
    const notes = compile(read('pyramid.workout')).plan!.notes;
    expect(notes).toContain(
      'Source: RunnersConnect, "IT Band Syndrome Injury in Runners: Stretches, Preventive Exercises, and Research-Backed Treatments" (runnersconnect.net), the aqua jogging workouts.',
    );
    // A seed that names no publisher says so rather than inventing one.
    expect(compile(read('self-care.workout')).plan!.notes[0]).toMatch(
      /Sources: "How to Self-Care for the IT Band", a self-care handout \(its publisher isn't named\)/,
    );
  });

  it('tags every file pool or rehab', () => {
    for (const file of files) {
      const tags = compile(read(file)).plan!.tags;
      expect(tags.includes('pool') !== tags.includes('rehab'), file).toBe(true);
    }
  });

  it('Wave your hands in the air takes 1:12:30 at 15 rounds', () => {
    const source = read('wave-your-hands.workout');
    const plan = compile(source).plan!;
    const rounds = plan.choices.find((c) => c.label === 'Rounds')!;
    expect([rounds.min, rounds.max]).toEqual([10, 15]);
    const at15 = compile(source, { choices: { [rounds.id]: 15 } }).plan!;
    expect(formatClock(at15.totalSeconds)).toBe('1:12:30');
    expect(at15.intervals.at(-2)!.rounds).toEqual([{ kind: 'round', index: 15, count: 15 }]);
  });

  it('the Pyramid climbs 17 hard rungs with 16 recoveries', () => {
    const plan = compile(read('pyramid.workout')).plan!;
    const hard = plan.intervals.filter((i) => i.zone === 'hard');
    expect(hard.map((i) => i.duration)).toEqual([60, 90, 120, 150, 180, 210, 240, 270, 300, 270, 240, 210, 180, 150, 120, 90, 60]);
    expect(plan.intervals.filter((i) => i.role === 'between').map((i) => i.duration)).toEqual(Array(16).fill(30));
    expect(hard[8]!.rounds).toEqual([{ kind: 'rung', index: 9, count: 17 }]);
  });

  it('the Fredericson strength plan grows from 1x15 in week 1 to 3x30 in week 6', () => {
    const rows = weekTable(read('fredericson-strength.workout'));
    expect(rows.map((r) => r.week)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0]!.sets).toEqual(['Lying hip abduction 1x15 each side', 'Standing hip hike 1x15 each side']);
    expect(rows[5]!.sets).toEqual(['Lying hip abduction 3x30 each side', 'Standing hip hike 3x30 each side']);
    expect(summarise(compile(read('fredericson-strength.workout')).plan!)).toBe('2 exercises, 15 reps each side, about 4 min');
    expect(summarise(compile(read('fredericson-strength.workout'), { week: 6 }).plan!)).toBe('2 exercises, 3 sets of 30 each side, about 24 min');
  });

  it('summarises rehab work as exercises, sets, sides, holds and about how long; pool work by its exact total', () => {
    const summary = (file: string) => summarise(compile(read(file)).plan!);
    // Every exercise counts: the bridges and the wall holds too.
    expect(summary('hip-strength-extras.workout')).toBe(
      '3 exercises (15 reps each side, 10 reps with 5 s holds, 5 reps each side with 5 s holds), about 6 min',
    );
    expect(summary('fredericson-stretches.workout')).toBe('2 exercises, 15 s each side, 1 step until Done, about 2 min');
    expect(summary('self-care.workout')).toBe('4 exercises (2 × 20 s each leg, 2 sets of 10 steps each side, 30 s each leg), about 5 min');
    expect(summary('foam-rolling.workout')).toBe('4 exercises, 1 min each side, about 8 min');
    expect(summary('icing.workout')).toBe('10:00');
    for (const [file, { total }] of Object.entries(GOLDEN)) {
      if (compile(read(file)).plan!.tags.includes('pool')) expect(summary(file), file).toBe(total);
    }
  });

  it('is the Fredericson programme (docs/DSL.md, Programmes): stretches 3x daily and strength daily for 6 weeks, the rest optional extras', () => {
    const of = (file: string) => {
      const plan = compile(read(file)).plan!;
      return { when: plan.when, schedule: plan.schedule, programme: plan.programme, weeks: plan.weeks };
    };
    const fredericson = { name: 'Fredericson', optional: false };
    const extra = { name: 'Fredericson', optional: true };
    expect(of('fredericson-stretches.workout')).toEqual({ when: '3x daily', schedule: { kind: 'daily', min: 3, max: 3 }, programme: fredericson, weeks: 6 });
    expect(of('fredericson-strength.workout')).toEqual({ when: 'daily', schedule: { kind: 'daily', min: 1, max: 1 }, programme: fredericson, weeks: 6 });
    expect(of('icing.workout')).toEqual({ when: '2-5x daily', schedule: { kind: 'daily', min: 2, max: 5 }, programme: extra, weeks: null });
    expect(of('foam-rolling.workout')).toEqual({ when: '1-2x daily', schedule: { kind: 'daily', min: 1, max: 2 }, programme: extra, weeks: null });
    expect(of('hip-strength-extras.workout')).toEqual({ when: null, schedule: null, programme: extra, weeks: null });
    expect(of('self-care.workout')).toEqual({ when: null, schedule: null, programme: extra, weeks: null });
    for (const file of files.filter((f) => compile(read(f)).plan!.tags.includes('pool'))) expect(of(file).programme, file).toBeNull();
  });

  it("passes the check across files: the programme's workouts with weeks: agree", () => {
    const all = files.map((file) => ({ name: file, source: read(file), result: compile(read(file)) }));
    expect(checkProgrammes(all)).toEqual(files.map(() => []));
    // The check can fail: strength with 4 weeks would disagree with the stretches.
    const shorter = all.map((f) =>
      f.name === 'fredericson-strength.workout'
        ? { ...f, result: compile(f.source.replace('weeks: 6', 'weeks: 4')), source: f.source.replace('weeks: 6', 'weeks: 4') }
        : f,
    );
    const flagged = checkProgrammes(shorter).flatMap((list, k) => list.map((d) => `${files[k]}:${d.line} ${d.message}`));
    expect(flagged).toEqual([
      'fredericson-strength.workout:3 Every workout in programme "Fredericson" with weeks: needs the same number (4 here, 6 in fredericson-stretches.workout).',
      'fredericson-stretches.workout:3 Every workout in programme "Fredericson" with weeks: needs the same number (6 here, 4 in fredericson-strength.workout).',
    ]);
  });
});
