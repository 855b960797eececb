/**
 * SecondPulse: one timeout for everything a running workout does on the
 * second. Vitest's fake timers drive it and the engine's clock (the engine
 * reads the faked Date.now(), as the app's clock does).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compile } from '../../src/dsl';
import type { Clock } from '../../src/engine/clock';
import { Timer, type TimerState } from '../../src/engine/timer';
import { SecondPulse } from '../../src/platform/pulse';

const T0 = 1_750_000_000_000;
const clock: Clock = { now: () => Date.now() };
const plan = () => compile('# P\nwarmup 10s easy\n5s sprint\n').plan!;

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

/** A listener that notes when it was called (ms since T0) and what the interval's clock showed. */
function recorder() {
  const calls: { at: number; left: number | null; index: number }[] = [];
  const fn = (s: TimerState) =>
    calls.push({ at: Date.now() - T0, left: s.intervalRemainingMs === null ? null : Math.ceil(s.intervalRemainingMs / 1000), index: s.index });
  return { calls, fn };
}

describe('SecondPulse', () => {
  it('wakes every listener with one timeout, exactly as each second turns', () => {
    const timer = new Timer(plan(), clock);
    const pulse = new SecondPulse(timer);
    const a = recorder();
    const b = recorder();
    pulse.subscribe(a.fn);
    pulse.subscribe(b.fn);
    expect(vi.getTimerCount(), 'nothing armed before the start').toBe(0);
    timer.start();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(12_000);
    expect(a.calls.map((c) => c.at)).toEqual(Array.from({ length: 12 }, (_, i) => (i + 1) * 1000));
    expect(b.calls).toEqual(a.calls);
    // 9 s left after one second; the sprint's 5 s at the boundary.
    expect(a.calls[0]).toMatchObject({ left: 9, index: 0 });
    expect(a.calls[9]).toMatchObject({ left: 5, index: 1 });
    expect(vi.getTimerCount(), 'still one timeout for both').toBe(1);
  });

  it('re-aims at events: the seconds of a run resumed mid-second', () => {
    const timer = new Timer(plan(), clock);
    const pulse = new SecondPulse(timer);
    const a = recorder();
    pulse.subscribe(a.fn);
    timer.start();
    vi.advanceTimersByTime(1_300);
    timer.pause();
    expect(vi.getTimerCount(), 'no timeout while paused').toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(a.calls).toHaveLength(1);
    timer.resume();
    // 8.7 s left: the clock turns to 8 in 0.7 s.
    vi.advanceTimersByTime(699);
    expect(a.calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(a.calls.at(-1)).toMatchObject({ at: 62_000, left: 8 });
  });

  it('calls listeners by their order, and stops when the workout is over', () => {
    const timer = new Timer(plan(), clock);
    const pulse = new SecondPulse(timer);
    const seen: string[] = [];
    pulse.subscribe(() => seen.push('late'), 1);
    pulse.subscribe(() => seen.push('normal'));
    pulse.subscribe(() => seen.push('first'), -1);
    timer.start();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['first', 'normal', 'late']);
    vi.advanceTimersByTime(20_000);
    expect(timer.state().status).toBe('finished');
    expect(vi.getTimerCount()).toBe(0);
    // The last pulse is the finish itself (15 s), then none.
    expect(seen).toHaveLength(15 * 3);
  });

  it('holds no timeout and no subscription once its last listener has gone', () => {
    const timer = new Timer(plan(), clock);
    const pulse = new SecondPulse(timer);
    const a = recorder();
    const off = pulse.subscribe(a.fn);
    timer.start();
    vi.advanceTimersByTime(2_000);
    off();
    expect(vi.getTimerCount()).toBe(0);
    timer.pause();
    timer.resume();
    expect(vi.getTimerCount(), 'an event does not arm it again').toBe(0);
    vi.advanceTimersByTime(5_000);
    expect(a.calls).toHaveLength(2);
    // A new listener starts it again from where the run is.
    const b = recorder();
    pulse.subscribe(b.fn);
    vi.advanceTimersByTime(1_000);
    expect(b.calls).toEqual([{ at: 8_000, left: 2, index: 0 }]);
    pulse.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});
