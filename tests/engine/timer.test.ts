import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, type Plan } from '../../src/dsl/index';
import { ManualClock } from '../../src/engine/clock';
import { msToNextSecond, Timer, TimerStatus } from '../../src/engine/timer';

const library = (name: string) => readFileSync(new URL(`../../workouts/${name}.workout`, import.meta.url), 'utf8');
function planOf(source: string, options: Parameters<typeof compile>[1] = {}): Plan {
  const r = compile(source, options);
  if (!r.plan) throw new Error(JSON.stringify(r.diagnostics));
  return r.plan;
}
const T0 = 1_700_000_000_000;

function setup(source: string) {
  const clock = new ManualClock(T0);
  const timer = new Timer(planOf(source), clock);
  return { clock, timer };
}

describe('the clock drives the position', () => {
  it('has zero cumulative drift over a 90-minute plan ticked with jitter', () => {
    const source = '# Long\nwarmup 10m easy\n71x\n  37s sprint\n  between 23s rest\ncooldown 10m easy\n';
    const { clock, timer } = setup(source);
    const plan = timer.plan;
    expect(plan.totalSeconds).toBeGreaterThanOrEqual(90 * 60);
    timer.start();
    // Boundaries, from the plan's own durations.
    const starts: number[] = [];
    let acc = 0;
    for (const i of plan.intervals) {
      starts.push(acc);
      acc += i.duration! * 1000;
    }
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let t = 0;
    let checked = 0;
    while (t < acc) {
      t = Math.min(acc, t + 5 + Math.floor(rand() * 900));
      clock.set(T0 + t);
      const s = timer.state();
      let expected = starts.findLastIndex((st) => st <= t);
      if (t >= acc) expected = plan.intervals.length;
      expect(s.index).toBe(expected);
      if (expected < plan.intervals.length) {
        expect(s.intervalElapsedMs).toBe(t - starts[expected]!);
        expect(s.remainingMs).toBe(acc - t);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(5000);
    expect(timer.state().status).toBe(TimerStatus.Finished);
    // Exactly at each boundary, and 1 ms before it.
    const fresh = setup(source);
    fresh.timer.start();
    for (let k = 1; k < starts.length; k++) {
      fresh.clock.set(T0 + starts[k]! - 1);
      expect(fresh.timer.state().index).toBe(k - 1);
      fresh.clock.set(T0 + starts[k]!);
      expect(fresh.timer.state().index).toBe(k);
    }
  });

  it('is ready before Start and counts nothing', () => {
    const { clock, timer } = setup('# T\n1m easy');
    clock.advance(60_000);
    expect(timer.state()).toMatchObject({ status: 'ready', index: 0, activeMs: 0, intervalRemainingMs: 60_000 });
  });
});

describe('pause and resume', () => {
  it('stops the clock while paused, and the pause counts for nothing', () => {
    const { clock, timer } = setup('# T\n1m easy\n1m sprint');
    timer.start();
    clock.advance(20_000);
    expect(timer.pause()).toBe(true);
    expect(timer.pause()).toBe(false);
    clock.advance(10 * 60_000);
    expect(timer.state()).toMatchObject({ status: 'paused', index: 0, intervalElapsedMs: 20_000 });
    timer.resume();
    clock.advance(40_000);
    expect(timer.state()).toMatchObject({ status: 'running', index: 1, intervalElapsedMs: 0 });
    expect(timer.pausedMs()).toBe(10 * 60_000);
  });
});

describe('skip, back, done, end', () => {
  it('skip starts the next interval now; back restarts the previous one', () => {
    const { clock, timer } = setup('# T\n1m easy\n1m medium\n1m sprint');
    timer.start();
    clock.advance(10_000);
    timer.skip();
    expect(timer.state()).toMatchObject({ index: 1, intervalElapsedMs: 0, intervalRemainingMs: 60_000 });
    clock.advance(15_000);
    timer.skip();
    clock.advance(5_000);
    timer.back();
    expect(timer.state()).toMatchObject({ index: 1, intervalElapsedMs: 0 });
    clock.advance(60_000);
    expect(timer.state().index).toBe(2);
    timer.back();
    timer.back();
    timer.back();
    expect(timer.state().index).toBe(0);
  });

  it('waits for Done on untimed steps, then runs on', () => {
    const { clock, timer } = setup('# T\n15 reps "Clamshell"\n30s rest');
    timer.start();
    clock.advance(5 * 60_000);
    expect(timer.state()).toMatchObject({ index: 0, awaitingDone: true, intervalRemainingMs: null, intervalElapsedMs: 300_000 });
    expect(timer.done()).toBe(true);
    expect(timer.done()).toBe(false); // the rest is timed: Done does nothing there
    clock.advance(30_000);
    expect(timer.state().status).toBe('finished');
  });

  it('ends early where it is, and the clock stops there', () => {
    const { clock, timer } = setup('# T\n1m easy\n1m sprint');
    timer.start();
    clock.advance(70_000);
    timer.end();
    clock.advance(60_000);
    expect(timer.state()).toMatchObject({ status: 'ended', index: 1, activeMs: 70_000 });
    expect(timer.skip()).toBe(false);
  });

  it('skipping the last interval finishes the workout', () => {
    const { timer } = setup('# T\n1m easy');
    timer.start();
    timer.skip();
    expect(timer.state()).toMatchObject({ status: 'finished', progress: 1, remainingMs: 0, interval: null });
  });
});

describe('sides, tempo reps and ranges', () => {
  it('runs Left, the switch gap, then Right', () => {
    const { clock, timer } = setup('# T\n15s "Stretch" each side');
    timer.start();
    const at = (ms: number) => {
      clock.set(T0 + ms);
      const s = timer.state();
      return [s.interval?.label, s.interval?.side];
    };
    expect([at(0), at(14_999), at(15_000), at(20_000), at(34_999)]).toEqual([
      ['Stretch', 'left'],
      ['Stretch', 'left'],
      ['Switch sides', null],
      ['Stretch', 'right'],
      ['Stretch', 'right'],
    ]);
  });

  it('paces reps with tempo: rep number and up, hold, down', () => {
    const { clock, timer } = setup('# T\n3 reps hold 5s "Bridge"');
    timer.start();
    const at = (ms: number) => {
      clock.set(T0 + ms);
      const r = timer.state().rep!;
      return `${r.index}/${r.count} ${r.phase} ${r.phaseRemainingMs}`;
    };
    expect([at(0), at(1_999), at(2_000), at(7_000), at(9_000), at(26_999)]).toEqual([
      '1/3 up 2000',
      '1/3 up 1',
      '1/3 hold 5000',
      '1/3 down 2000',
      '2/3 up 2000',
      '3/3 down 1',
    ]);
    clock.set(T0 + 27_000);
    expect(timer.state().status).toBe('finished');
  });

  it('runs the chosen end of a range', () => {
    const plan = planOf(library('wave-your-hands'), { choices: { '6': 15 } });
    const clock = new ManualClock(T0);
    const timer = new Timer(plan, clock);
    timer.start();
    clock.advance(plan.totalSeconds * 1000 - 1);
    expect(timer.state().interval!.label).toBe('Cool-down');
    expect(timer.state().interval!.index).toBe(plan.intervals.length - 1);
    expect(plan.intervals.at(-2)!.rounds[0]).toEqual({ kind: 'round', index: 15, count: 15 });
  });
});

describe('the event log', () => {
  it('rebuilds the exact state from the plan and its events', () => {
    const { clock, timer } = setup(library('lactic-acid'));
    const seen: string[] = [];
    timer.subscribe((e) => seen.push(e.type));
    timer.start();
    clock.advance(123_456);
    timer.pause();
    clock.advance(30_000);
    timer.resume();
    clock.advance(9_000);
    timer.skip();
    clock.advance(61_000);
    timer.back();
    clock.advance(500_000);
    const copy = new Timer(timer.plan, clock, JSON.parse(JSON.stringify(timer.events)));
    expect(copy.state()).toEqual(timer.state());
    expect(seen).toEqual(['start', 'pause', 'resume', 'skip', 'back']);
  });

  it('lists the boundaries ahead, stopping at an untimed step', () => {
    const { clock, timer } = setup('# T\n1m easy\n30s sprint\n10 reps\n1m rest');
    timer.start();
    clock.advance(10_000);
    expect(timer.boundaries(120_000)).toEqual([
      { index: 0, startMs: 0 },
      { index: 1, startMs: 60_000 },
      { index: 2, startMs: 90_000 },
    ]);
    expect(timer.clockTimeOf(90_000)).toBe(T0 + 90_000);
  });
});

describe('the next second', () => {
  it('is when the time left, the time so far or the tempo phase next turns a whole second', () => {
    const { clock, timer } = setup('# S\n90s sprint\nopen "Get set"\n2 reps tempo 1-2-1 "Squat"\n');
    timer.start();
    expect(msToNextSecond(timer.state())).toBe(1000);
    clock.advance(250);
    expect(msToNextSecond(timer.state())).toBe(750);
    // Skipped mid-second: the next interval's own seconds count from the skip.
    timer.skip();
    clock.advance(400);
    expect(msToNextSecond(timer.state())).toBe(600);
    clock.advance(2_000);
    timer.done();
    // A tempo phase of 1 s inside the set's 8 s: whichever turns first.
    clock.advance(300);
    expect(msToNextSecond(timer.state())).toBe(700);
  });
});

describe('time spent per interval', () => {
  it('counts what was actually run, through skips, backs, pauses and an early end', () => {
    const { clock, timer } = setup('# T\n1m easy\n1m sprint\n1m rest');
    timer.start();
    clock.advance(60_000); // easy ran in full
    clock.advance(20_000);
    timer.skip(); // 20 s of sprint
    clock.advance(5_000);
    timer.pause();
    clock.advance(100_000); // paused: not counted
    timer.resume();
    timer.back(); // back to sprint after 5 s of rest
    clock.advance(30_000);
    expect(timer.spentMs()).toEqual([60_000, 50_000, 5_000]);
    timer.end();
    clock.advance(60_000);
    expect(timer.spentMs()).toEqual([60_000, 50_000, 5_000]);
    expect(timer.state()).toMatchObject({ status: 'ended', index: 1 });
  });
});
