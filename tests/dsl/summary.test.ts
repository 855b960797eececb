import { describe, expect, it } from 'vitest';
import { compile, durationWords, estimatedSeconds, estimateNote, outline, summarise, type Plan } from '../../src/dsl/index';

function plan(...lines: string[]): Plan {
  const result = compile(['# Test', ...lines].join('\n'));
  expect(result.diagnostics).toEqual([]);
  return result.plan!;
}

describe('durationWords', () => {
  it('words a duration the way people say it', () => {
    expect(durationWords(15)).toBe('15 s');
    expect(durationWords(60)).toBe('1 min');
    expect(durationWords(90)).toBe('1 min 30 s');
    expect(durationWords(600)).toBe('10 min');
    expect(durationWords(4500)).toBe('1 h 15 min');
    expect(durationWords(0)).toBe('0 s');
  });
});

describe('summarise', () => {
  it('gives pool work its exact total', () => {
    expect(summarise(plan('warmup 10m easy', '4x', '  1m sprint', '  1m rest', 'cooldown 10m easy'))).toBe('28:00');
    expect(summarise(plan('5m easy', 'open "Climb out"'))).toBe('5:00 + 1 step until Done');
  });

  it('counts sets of untimed reps per side, with an estimate of their time', () => {
    // 3 sets x 2 sides x 15 reps at 3 s, and two 5 s switches a set: 270 + 30 = 300 s.
    expect(summarise(plan('3x', '  15 reps "Clamshell" each side'))).toBe('1 exercise, 3 sets of 15 each side, about 5 min');
    expect(summarise(plan('15 reps "Clamshell" each side', '15 reps "Hip hike" each side'))).toBe('2 exercises, 15 reps each side, about 3 min');
  });

  it('words holds and tempo reps, which are timed', () => {
    expect(summarise(plan('10 reps hold 5s "Glute bridge"'))).toBe('1 exercise, 10 reps with 5 s holds, about 2 min');
    expect(summarise(plan('1 reps hold 30s "Wall sit"'))).toBe('1 exercise, 1 rep with a 30 s hold, about 1 min');
    expect(summarise(plan('10 reps tempo 3-1-3 "Slow squat" each leg'))).toBe('1 exercise, 10 reps each leg at tempo 3-1-3, about 2 min');
  });

  it('counts counted steps, reps until Done and steps that wait for Done', () => {
    expect(summarise(plan('2x 10 steps "Band walk" each side'))).toBe('1 exercise, 2 sets of 10 steps each side, about 2 min');
    expect(summarise(plan('open "Get your strap"', 'reps "Calf raise" each side'))).toBe(
      '1 exercise, reps until Done each side, 1 step until Done, about 2 min',
    );
  });

  it('lists different doses, every exercise included, and merges the same dose', () => {
    expect(summarise(plan('20s "Twist" each leg', '20s "Figure-4" each leg', '15 reps "Clamshell" each side'))).toBe(
      '3 exercises (2 × 20 s each leg, 15 reps each side), about 3 min',
    );
    // Legs and sides are both sides.
    expect(summarise(plan('1m "Quads" each leg', '1m "Glutes" each side'))).toBe('2 exercises, 1 min each side, about 4 min');
  });

  it('never counts rests or warm-ups as exercises, but counts their time', () => {
    expect(summarise(plan('warmup 5m easy', '15 reps "Clamshell" each side', '1m rest'))).toBe('1 exercise, 15 reps each side, about 8 min');
  });
});

describe('estimatedSeconds and estimateNote', () => {
  it('adds the estimate for unpaced work to the timed total', () => {
    const p = plan('open "Ready"', '10 reps "Bridge"', '10 steps "Walk"', '30s "Hold"');
    expect(p.totalSeconds).toBe(30);
    expect(estimatedSeconds(p)).toBe(30 + 30 + 10 * 3 + 10 * 2);
    expect(estimateNote(p)).toBe('“About” is the timed steps plus 3 s a rep, 2 s a step and 30 s for each step you end with Done, rounded to the minute.');
  });

  it('says nothing for an exact total', () => {
    expect(estimateNote(plan('10m easy'))).toBeNull();
    expect(estimateNote(plan('1m "Quads" each leg'))).toBe('“About” is the timed steps, rounded to the minute.');
  });
});

describe('outline', () => {
  it('words each written step once, under the repeat it belongs to', () => {
    const p = plan('warmup 10m easy', '12x', '  90s easy "Stretch the bungee out"', '  2m sprint', '  between 90s rest', 'cooldown 10m easy');
    expect(outline(p)).toEqual([
      { heading: null, steps: ['Warm-up: 10 min, easy'] },
      { heading: '12 rounds', steps: ['Stretch the bungee out: 1 min 30 s, easy', 'Sprint: 2 min', 'Between: 1 min 30 s, rest'] },
      { heading: null, steps: ['Cool-down: 10 min, easy'] },
    ]);
  });

  it('shows a ladder rung going up and back down', () => {
    const p = plan('ladder 1m to 3m to 1m by 1m', '  * hard', '  between 30s easy');
    expect(outline(p)).toEqual([{ heading: '5 rungs', steps: ['Hard: 1 min up to 3 min and back', 'Between: 30 s, easy'] }]);
  });

  it('words rehab steps with their sides, holds and Done', () => {
    const p = plan('open "Get ready"', '15s "Stretch" each side', '2x', '  10 reps hold 5s "Bridge"');
    expect(outline(p)).toEqual([
      { heading: null, steps: ['Get ready: until you tap Done', 'Stretch: 15 s each side'] },
      { heading: '2 sets', steps: ['Bridge: 10 reps with 5 s holds'] },
    ]);
  });
});
