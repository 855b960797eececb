import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/dsl';
import type { Choice, Plan } from '../../../src/dsl';
import {
  amountDetail,
  amountText,
  choiceOptions,
  curlyQuotes,
  isClock,
  roundText,
  sideText,
  splitSource,
  targetText,
  titleFromSource,
  UNTIL_DONE,
  zoneColor,
} from '../../../src/app/shared/format';

function planOf(source: string): Plan {
  const result = compile(source);
  expect(result.diagnostics).toEqual([]);
  if (!result.ok || !result.plan) throw new Error('did not compile');
  return result.plan;
}

describe('amountText', () => {
  it('words timed, counted, paced and open steps', () => {
    const plan = planOf(
      ['# Mixed', 'open "Get into the deep end"', '1m30s easy', '15 reps "Clamshell"', '10 steps "Band walk"', '3 reps "Bridge" hold 5s', ''].join('\n'),
    );
    expect(plan.intervals.map(amountText)).toEqual([UNTIL_DONE, '1:30', '15 reps', '10 steps', '3 reps']);
    // `hold 5s` is tempo 2-5-2: three reps of 9 s.
    expect(amountDetail(plan.intervals[4]!)).toBe('0:27 at tempo 2-5-2');
    expect(amountDetail(plan.intervals[1]!)).toBe('');
  });
});

describe('roundText', () => {
  it('names the innermost repeat', () => {
    expect(roundText([])).toBe('');
    expect(
      roundText([
        { kind: 'set', index: 1, count: 3 },
        { kind: 'round', index: 3, count: 10 },
      ]),
    ).toBe('Round 3 of 10');
    expect(roundText([{ kind: 'rung', index: 2, count: 17 }])).toBe('Rung 2 of 17');
    expect(roundText([{ kind: 'set', index: 1, count: 3 }])).toBe('Set 1 of 3');
  });
});

describe('targetText and sideText', () => {
  it('formats heart-rate targets', () => {
    expect(targetText({ low: 87, high: 92, unit: '%HRmax' })).toBe('87-92% HRmax');
    expect(targetText({ low: 140, high: 140, unit: 'bpm' })).toBe('140 bpm');
    expect(targetText(null)).toBe('');
  });
  it('capitalises sides', () => {
    expect([sideText('left'), sideText('right'), sideText(null)]).toEqual(['Left', 'Right', '']);
  });
});

describe('zoneColor', () => {
  const zone = { name: 'x', label: 'X', intensity: 1, target: null };
  it('uses a zone token with a fallback', () => {
    expect(zoneColor({ ...zone, colorToken: '--aq-zone-sprint' })).toBe('var(--aq-zone-sprint, var(--aq-zone-work))');
  });
  it('refuses anything that is not a zone token', () => {
    expect(zoneColor({ ...zone, colorToken: 'red; background: url(https://example.com)' })).toBe('var(--aq-zone-work)');
    expect(zoneColor(undefined)).toBe('var(--aq-zone-work)');
  });
});

describe('choiceOptions', () => {
  const base: Choice = { id: '3:1', line: 3, column: 1, kind: 'count', min: 10, max: 15, step: 1, label: 'Rounds' };
  it('lists every count in the range', () => {
    expect(choiceOptions(base).map((o) => o.value)).toEqual([10, 11, 12, 13, 14, 15]);
  });
  it('steps through times and always offers the top of the range', () => {
    const hold: Choice = { ...base, kind: 'time', min: 20, max: 30, step: 5, label: 'Hold' };
    expect(choiceOptions(hold).map((o) => o.text)).toEqual(['0:20', '0:25', '0:30']);
    expect(choiceOptions({ ...hold, max: 32 }).map((o) => o.value)).toEqual([20, 25, 30, 32]);
  });
  it('thins a very wide range but keeps both ends', () => {
    const values = choiceOptions({ ...base, min: 1, max: 1500 }, 500).map((o) => o.value);
    expect(values.length).toBeLessThanOrEqual(501);
    expect(values.slice(0, 3)).toEqual([1, 4, 7]);
    expect(values.at(-1)).toBe(1500);
  });
});

describe('splitSource', () => {
  const RC = 'Source: RunnersConnect, "IT Band Syndrome Injury in Runners" (runnersconnect.net).';
  it('takes the "Source:" note as the source', () => {
    expect(splitSource(['Easy pace.', RC])).toEqual({ source: RC, notes: ['Easy pace.'] });
  });
  it('splits a "Source:" or "Sources:" sentence off the note it ends, citation and all', () => {
    expect(splitSource([`Stop if it hurts. ${RC}`, 'Second.'])).toEqual({ source: RC, notes: ['Stop if it hurts.', 'Second.'] });
    const two = 'Sources: "How to Self-Care for the IT Band" (its publisher isn\'t named). Band walks are also in "Say Goodbye to IT Band Pain".';
    expect(splitSource([`Roll slowly. ${two}`])).toEqual({ source: two, notes: ['Roll slowly.'] });
  });
  it('prefers a "Source:" citation to an older "From …" sentence', () => {
    expect(splitSource(['From the deep end, push off.', RC])).toEqual({ source: RC, notes: ['From the deep end, push off.'] });
  });
  it('still reads a "From …" sentence as the source when nothing says "Source:"', () => {
    expect(splitSource(['Medium effort. From RunnersConnect, "IT Band Syndrome Injury in Runners".', 'Second.'])).toEqual({
      source: 'From RunnersConnect, "IT Band Syndrome Injury in Runners".',
      notes: ['Medium effort.', 'Second.'],
    });
  });
  it('leaves notes that only mention "from" or "source" alone', () => {
    expect(splitSource(['Push off from the wall.'])).toEqual({ source: null, notes: ['Push off from the wall.'] });
    expect(splitSource(['The source of the pain is the hip.'])).toEqual({ source: null, notes: ['The source of the pain is the hip.'] });
  });
});

describe('curlyQuotes', () => {
  it('turns paired straight quotes into typographic ones and leaves a stray one', () => {
    expect(curlyQuotes('Source: RunnersConnect, "IT Band Syndrome Injury in Runners" (runnersconnect.net).')).toBe(
      'Source: RunnersConnect, “IT Band Syndrome Injury in Runners” (runnersconnect.net).',
    );
    expect(curlyQuotes('Mark "medium" and "sprint" points.')).toBe('Mark “medium” and “sprint” points.');
    expect(curlyQuotes('A 6" step')).toBe('A 6" step');
  });
});

describe('isClock', () => {
  it('tells a clock total from a sentence', () => {
    expect(isClock('1:17:00')).toBe(true);
    expect(isClock('0:30')).toBe(true);
    expect(isClock('2 exercises, 15 s each side, about 2 min')).toBe(false);
    expect(isClock('5:00 + 1 step until Done')).toBe(false);
  });
});

describe('titleFromSource', () => {
  it('reads the title line of a workout that may not compile', () => {
    expect(titleFromSource('\n#  Pyramid \n10mn easy')).toBe('Pyramid');
    expect(titleFromSource('10m easy')).toBeNull();
  });
});
