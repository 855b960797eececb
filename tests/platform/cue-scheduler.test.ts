/**
 * The cue scheduler on the run's shared second, in Node: an audio clock that
 * reads the engine's (fake) time stands in for Web Audio, so every booking
 * can be checked against the plan. It books every cue of the workout ahead of
 * time, as on a timeout of its own, and the seconds with no cue coming into
 * reach cost it nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compile } from '../../src/dsl';
import type { Clock } from '../../src/engine/clock';
import { workoutCues, type Cue } from '../../src/engine/cues';
import { Timer } from '../../src/engine/timer';
import type { AudioOut } from '../../src/platform/audio';
import { CueScheduler, LOOKAHEAD_MS, TICK_MS } from '../../src/platform/cue-scheduler';
import { SecondPulse } from '../../src/platform/pulse';

const T0 = 1_750_000_000_000;
const clock: Clock = { now: () => Date.now() };
/** Two 60 s intervals: a start and a 3-2-1 each, and the finish (no halfway: too short for one). */
const PLAN = '# T\n60s easy\n60s sprint\n';

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
});

function setup(withPulse: boolean) {
  const plan = compile(PLAN).plan!;
  const timer = new Timer(plan, clock);
  const pulse = new SecondPulse(timer);
  const booked: { cue: Cue; when: number | null; at: number }[] = [];
  const vibrations: number[] = [];
  let work = 0;
  const start = Date.now();
  // The audio clock: seconds since this run's start, as the engine counts them.
  const audio = { now: () => (Date.now() - start) / 1000, book: () => true, cancelAll: () => undefined } as unknown as AudioOut;
  const scheduler = new CueScheduler({
    timer,
    audio,
    speech: { speak: () => true, cancel: () => undefined, available: false },
    vibrator: { vibrate: () => vibrations.push(Date.now() - start) } as never,
    options: () => {
      // Asked for only by a tick that looks at the cues.
      work++;
      return { countdownSeconds: 3 };
    },
    onBooked: (cue, when) => booked.push({ cue, when, at: (Date.now() - start) / 1000 }),
    ...(withPulse ? { pulse } : {}),
  });
  return { plan, timer, pulse, scheduler, booked, vibrations, work: () => work };
}

describe('the cue scheduler on the shared second', () => {
  it('books every cue of the workout ahead of time, where the plan puts it, as on a timeout of its own', () => {
    const runs = [true, false].map((withPulse) => {
      const run = setup(withPulse);
      run.timer.start();
      run.scheduler.start();
      vi.advanceTimersByTime(121_000);
      run.scheduler.stop();
      return run;
    });
    const [onPulse, alone] = runs;
    const expected = workoutCues(onPulse!.plan, { countdownSeconds: 3 });
    for (const run of runs) {
      expect(run.booked.map((b) => b.cue.id)).toEqual(expected.map((c) => c.id));
      for (const b of run.booked) {
        expect(b.when).toBeCloseTo(b.cue.atMs / 1000, 6);
        // The start tone is booked in the Start tap itself; every other cue at least LOOKAHEAD_MS - TICK_MS ahead.
        if (b.cue.atMs > 0) expect(b.when! - b.at).toBeGreaterThanOrEqual((LOOKAHEAD_MS - TICK_MS) / 1000);
      }
    }
    expect(onPulse!.booked).toEqual(alone!.booked);
    expect(onPulse!.vibrations).toEqual(expected.filter((c) => c.vibrate).map((c) => c.atMs));
  });

  it('looks at the cues only when one comes into reach: a few seconds of the two minutes', () => {
    const run = setup(true);
    run.timer.start();
    run.scheduler.start();
    const pulses: number[] = [];
    run.pulse.subscribe(() => pulses.push(Date.now() - T0));
    vi.advanceTimersByTime(121_000);
    expect(pulses.length).toBe(120);
    // 9 cues, some in reach together: far fewer looks than seconds.
    expect(run.work()).toBeGreaterThan(3);
    expect(run.work()).toBeLessThan(12);
    run.scheduler.stop();
  });

  it('looks again at once after an event, from where the run is', () => {
    const run = setup(true);
    run.timer.start();
    run.scheduler.start();
    vi.advanceTimersByTime(10_000);
    // Skip to the sprint: its start is booked at once, its countdown when it comes into reach.
    run.timer.skip();
    expect(run.booked.map((b) => b.cue.id)).toContain('1:start:0');
    expect(run.booked.find((b) => b.cue.id === '1:start:0')!.when).toBeCloseTo(10, 6);
    vi.advanceTimersByTime(55_000);
    expect(run.booked.find((b) => b.cue.id === '1:countdown:3')?.when).toBeCloseTo(67, 6);
    // The warm-up's countdown, skipped before it came, is never booked.
    expect(run.booked.map((b) => b.cue.id).filter((id) => id.startsWith('0:'))).toEqual(['0:start:0']);
    run.scheduler.stop();
  });
});
