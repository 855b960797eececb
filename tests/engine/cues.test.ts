import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, type Plan } from '../../src/dsl/index';
import { announce, intervalCues, spokenDuration, workoutCues, zonePitch } from '../../src/engine/cues';

const planOf = (source: string): Plan => compile(source).plan!;
const library = (name: string) => planOf(readFileSync(new URL(`../../workouts/${name}.workout`, import.meta.url), 'utf8'));

describe('announcements', () => {
  it('say the zone, the time and the round', () => {
    const plan = library('wave-your-hands');
    // Round 4 starts at interval 1 + 3 * 4.
    expect(announce(plan, 1 + 3 * 4)).toBe('Medium, one minute. Round 4 of 10.');
    expect(announce(plan, 2 + 3 * 4)).toBe('Sprint, one minute.');
    expect(announce(plan, 3)).toBe('Hands in the air, hard, 30 seconds.');
    expect(announce(plan, 0)).toBe('Warm-up, easy, ten minutes.');
  });

  it('say the side for per-side holds, and ask for Done on untimed steps', () => {
    const plan = planOf('# T\n15s "Lying rope hip stretch" each side\n15 reps "Clamshell"');
    expect(announce(plan, 0)).toBe('Lying rope hip stretch. Left side, 15 seconds.');
    expect(announce(plan, 1)).toBe('Switch sides');
    expect(announce(plan, 2)).toBe('Lying rope hip stretch. Right side, 15 seconds.');
    expect(announce(plan, 3)).toBe('Clamshell, 15 reps. Tap Done when finished.');
  });

  it('read durations as people say them', () => {
    expect([spokenDuration(60), spokenDuration(90), spokenDuration(300), spokenDuration(15), spokenDuration(720)]).toEqual([
      'one minute',
      'one minute 30 seconds',
      'five minutes',
      '15 seconds',
      '12 minutes',
    ]);
  });
});

describe('cue times', () => {
  it('count down 3-2-1 before each change, start each interval, and finish', () => {
    const plan = planOf('# T\n1m easy\n30s sprint');
    const cues = workoutCues(plan, { countdownSeconds: 3 });
    expect(cues.map((c) => `${c.kind}@${c.atMs}`)).toEqual([
      'start@0',
      'countdown@57000',
      'countdown@58000',
      'countdown@59000',
      'start@60000',
      'countdown@87000',
      'countdown@88000',
      'countdown@89000',
      'finish@90000',
    ]);
  });

  it('gives harder zones higher start tones', () => {
    const plan = library('lactic-acid');
    const pitchOf = (zone: string) =>
      intervalCues(
        plan,
        plan.intervals.findIndex((i) => i.zone === zone),
        0,
      )[0]!.pitch;
    expect(pitchOf('rest')).toBeLessThan(pitchOf('easy'));
    expect(pitchOf('easy')).toBeLessThan(pitchOf('sprint'));
    expect(zonePitch(5)).toBeCloseTo(440 * 2 ** (10 / 12));
  });

  it('adds a halfway cue on long intervals only, and honours the countdown length', () => {
    const plan = planOf('# T\n10m easy\n1m sprint');
    const first = intervalCues(plan, 0, 0, { countdownSeconds: 0 });
    expect(first.map((c) => `${c.kind}@${c.atMs}`)).toEqual(['start@0', 'halfway@300000']);
    expect(intervalCues(plan, 1, 0, { countdownSeconds: 10 }).filter((c) => c.kind === 'countdown')).toHaveLength(10);
  });

  it('paces tempo reps with up, hold and down and no countdown', () => {
    const plan = planOf('# T\n2 reps tempo 1-2-3');
    expect(intervalCues(plan, 0, 1000).map((c) => `${c.kind}@${c.atMs}`)).toEqual([
      'start@1000',
      'rep-hold@2000',
      'rep-down@4000',
      'rep-up@7000',
      'rep-hold@8000',
      'rep-down@10000',
      'finish@13000',
    ]);
  });

  it('gives every cue of a whole workout a unique id', () => {
    const cues = workoutCues(library('pyramid'));
    expect(new Set(cues.map((c) => c.id)).size).toBe(cues.length);
  });
});
