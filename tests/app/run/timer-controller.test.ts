/**
 * TimerController with a fake host (no DOM): it redraws on every engine event
 * and, while running, exactly when the displayed second changes, never in a
 * busy loop; it leaves no timer or subscription behind when the host goes.
 *
 * Vitest's fake timers drive both the controller's timeout and the engine's
 * clock (the engine reads the faked `Date.now()`, as the app's clock does), so
 * a simulated minute passes exactly as a real one would.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compile, type Plan } from '../../../src/dsl';
import { formatClock } from '../../../src/dsl';
import type { Clock } from '../../../src/engine/clock';
import { Timer, type TimerState } from '../../../src/engine/timer';
import { SecondPulse } from '../../../src/platform/pulse';
import { MIN_UPDATE_MS, TimerController } from '../../../src/app/run/timer-controller';

const T0 = 1_750_000_000_000;

function planOf(source: string): Plan {
  const { plan, diagnostics } = compile(source);
  if (!plan) throw new Error(JSON.stringify(diagnostics));
  return plan;
}

const RUN = planOf('# Run\nwarmup 10m easy\n4x\n  90s sprint\n  30s rest\ncooldown 5m easy\n');
const REPS = planOf('# Reps\n15 reps "Clamshell"\n30s rest\n');
const TEMPO = planOf('# Tempo\nopen "Get set"\n3 reps tempo 1-2-1 "Slow squat"\n');

/** What the screen shows as the time left in the interval (as aq-timer-screen does). */
function shown(c: TimerController): string {
  const s = c.state!;
  if (s.intervalRemainingMs === null) return `${formatClock(Math.floor(s.intervalElapsedMs / 1000))} so far`;
  // Tempo reps: the phase and its seconds (the big number), then the rep.
  return formatClock(Math.ceil(s.intervalRemainingMs / 1000)) + (s.rep ? ` ${s.rep.phase} ${Math.ceil(s.rep.phaseRemainingMs / 1000)} rep ${s.rep.index}` : '');
}

class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  /** Every redraw: when it happened (ms since T0) and what it would show. */
  readonly renders: { at: number; shows: string }[] = [];
  controller!: TimerController;
  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }
  removeController(c: ReactiveController): void {
    this.controllers.splice(this.controllers.indexOf(c), 1);
  }
  requestUpdate(): void {
    this.renders.push({ at: Date.now() - T0, shows: this.controller.state ? shown(this.controller) : '' });
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
  connect(): void {
    for (const c of this.controllers) c.hostConnected?.();
  }
  disconnect(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

/** The app's own clock, read from the faked Date. */
const clock: Clock = { now: () => Date.now() };

function setup(plan: Plan) {
  const host = new FakeHost();
  const controller = new TimerController(host);
  host.controller = controller;
  const timer = new Timer(plan, clock);
  controller.timer = timer;
  host.connect();
  return { host, controller, timer };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('TimerController', () => {
  it('shows the state it was given before the host connects, and reads it again on connecting', () => {
    const host = new FakeHost();
    const controller = new TimerController(host);
    host.controller = controller;
    expect(host.controllers).toEqual([controller]);
    const timer = new Timer(RUN, clock);
    controller.timer = timer;
    expect(controller.state?.status).toBe('ready');
    expect(host.renders).toHaveLength(0);
    timer.start();
    host.connect();
    expect(controller.state?.status).toBe('running');
    expect(host.renders).toHaveLength(1);
  });

  it('redraws on every engine event, at once', () => {
    const { host, controller, timer } = setup(RUN);
    const before = host.renders.length;
    timer.start();
    expect(host.renders).toHaveLength(before + 1);
    expect(controller.state?.status).toBe('running');
    vi.advanceTimersByTime(250);
    const n = host.renders.length;
    timer.pause();
    expect(host.renders).toHaveLength(n + 1);
    expect(controller.state?.status).toBe('paused');
    timer.resume();
    timer.skip();
    expect(host.renders).toHaveLength(n + 3);
    expect(controller.state?.index).toBe(1);
    expect(host.renders.at(-1)?.shows).toBe('1:30');
  });

  it('redraws once a second, exactly when the shown second changes, over a simulated minute', () => {
    const { host, timer } = setup(RUN);
    timer.start();
    host.renders.length = 0;
    vi.advanceTimersByTime(60_000);
    // 9:59 (at 1 s) down to 9:00 (at 60 s): one redraw each, none wasted.
    expect(host.renders).toHaveLength(60);
    expect(host.renders.map((r) => r.at)).toEqual(Array.from({ length: 60 }, (_, i) => (i + 1) * 1000));
    expect(host.renders[0]!.shows).toBe('9:59');
    expect(host.renders.at(-1)!.shows).toBe('9:00');
    expect(new Set(host.renders.map((r) => r.shows)).size).toBe(60);
    // Only ever one timeout waiting.
    expect(vi.getTimerCount()).toBe(1);
  });

  it('keeps to the second after a mid-second event, and across interval changes', () => {
    const { host, timer } = setup(RUN);
    timer.start();
    // Pause 0.3 s into a second and resume 0.45 s into another: the seconds shift by 150 ms.
    vi.advanceTimersByTime(9_300);
    timer.pause();
    vi.advanceTimersByTime(7_150);
    timer.resume();
    host.renders.length = 0;
    // Through the end of the warm-up (10:00 active) and a sprint (11:30) into the rest.
    vi.advanceTimersByTime(11 * 60_000);
    const changes = host.renders.map((r) => r.at - 7_150);
    // Active time of every redraw is a whole second, and no second is skipped or drawn twice.
    expect(changes.every((at) => at % 1000 === 0)).toBe(true);
    expect(new Set(changes).size).toBe(changes.length);
    expect(changes[0]).toBe(10_000);
    expect(changes.at(-1)).toBe(669_000);
    expect(changes).toHaveLength(660);
    const shows = host.renders.map((r) => r.shows);
    // The warm-up's last second, then the sprint's first.
    const i = shows.indexOf('0:01');
    expect(shows.slice(i, i + 2)).toEqual(['0:01', '1:30']);
  });

  it('draws nothing and holds no timer while paused, however long', () => {
    const { host, timer } = setup(RUN);
    timer.start();
    vi.advanceTimersByTime(5_500);
    timer.pause();
    const n = host.renders.length;
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10 * 60_000);
    expect(host.renders).toHaveLength(n);
    timer.resume();
    // 9:54.5 left: the next change, to 9:54, is half a second away.
    expect(host.renders.at(-1)!.shows).toBe('9:55');
    vi.advanceTimersByTime(499);
    expect(host.renders.at(-1)!.shows).toBe('9:55');
    vi.advanceTimersByTime(1);
    expect(host.renders.at(-1)!.shows).toBe('9:54');
  });

  it('counts up once a second on a step that waits for Done', () => {
    const { host, timer } = setup(REPS);
    timer.start();
    host.renders.length = 0;
    vi.advanceTimersByTime(60_000);
    expect(host.renders.map((r) => r.shows)).toEqual(Array.from({ length: 60 }, (_, i) => `${formatClock(i + 1)} so far`));
    timer.done();
    expect(host.renders.at(-1)!.shows).toBe('0:30');
  });

  it('shows each tempo phase and its seconds from the moment they change, on an interval begun mid-second', () => {
    const { host, timer } = setup(TEMPO);
    timer.start();
    vi.advanceTimersByTime(300);
    timer.done();
    expect(host.renders.at(-1)).toEqual({ at: 300, shows: '0:12 up 1 rep 1' });
    host.renders.length = 0;
    // 1 s up, 2 s hold, 1 s down, three times.
    vi.advanceTimersByTime(5_000);
    expect(host.renders.map((r) => [r.at, r.shows])).toEqual([
      [1300, '0:11 hold 2 rep 1'],
      [2300, '0:10 hold 1 rep 1'],
      [3300, '0:09 down 1 rep 1'],
      [4300, '0:08 up 1 rep 2'],
      [5300, '0:07 hold 2 rep 2'],
    ]);
  });

  it('stops when the workout finishes or ends', () => {
    const { host, controller, timer } = setup(RUN);
    timer.start();
    vi.advanceTimersByTime(RUN.totalSeconds * 1000);
    expect(controller.state?.status).toBe('finished');
    expect(vi.getTimerCount()).toBe(0);
    const n = host.renders.length;
    vi.advanceTimersByTime(60_000);
    expect(host.renders).toHaveLength(n);

    const other = setup(RUN);
    other.timer.start();
    vi.advanceTimersByTime(1_500);
    other.timer.end();
    expect(other.controller.state?.status).toBe('ended');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never waits less than MIN_UPDATE_MS, so it cannot spin', () => {
    const { host, timer } = setup(TEMPO);
    timer.start();
    vi.advanceTimersByTime(999);
    timer.done();
    host.renders.length = 0;
    vi.advanceTimersByTime(12_000);
    expect(host.renders.length).toBeGreaterThan(10);
    const gaps = host.renders.slice(1).map((r, i) => r.at - host.renders[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(MIN_UPDATE_MS);
  });

  it('lets go of the timer and the engine when the host disconnects, and picks up on reconnecting', () => {
    const { host, controller, timer } = setup(RUN);
    timer.start();
    vi.advanceTimersByTime(2_000);
    host.disconnect();
    expect(vi.getTimerCount(), 'a timeout left behind').toBe(0);
    const n = host.renders.length;
    timer.pause();
    timer.resume();
    vi.advanceTimersByTime(60_000);
    expect(host.renders, 'redrawn while disconnected').toHaveLength(n);

    host.connect();
    expect(host.renders).toHaveLength(n + 1);
    expect(host.renders.at(-1)!.shows).toBe('8:58');
    expect(controller.state?.status).toBe('running');
    expect(vi.getTimerCount()).toBe(1);
    timer.skip();
    expect(host.renders).toHaveLength(n + 2);
  });

  it('moves its subscription and timeout over when given another timer', () => {
    const { host, controller, timer } = setup(RUN);
    timer.start();
    const second = new Timer(REPS, clock);
    controller.timer = second;
    expect(controller.state?.status).toBe('ready');
    expect(vi.getTimerCount()).toBe(0);
    const n = host.renders.length;
    timer.pause();
    expect(host.renders, 'still listening to the old timer').toHaveLength(n);
    second.start();
    expect(host.renders).toHaveLength(n + 1);
    controller.timer = null;
    expect(controller.state).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("TimerController on the run's pulse", () => {
  /** A host that draws a new second in place when only the digits change, as aq-timer-screen does. */
  class TickingFakeHost extends FakeHost {
    readonly ticks: { at: number; shows: string }[] = [];
    /** Only the interval's seconds tick in place; a new interval needs a render. */
    drawnIndex = -1;
    tickInPlace(s: TimerState): boolean {
      if (s.index !== this.drawnIndex) return false;
      this.ticks.push({ at: Date.now() - T0, shows: shown(this.controller) });
      return true;
    }
    override requestUpdate(): void {
      super.requestUpdate();
      this.drawnIndex = this.controller.state?.index ?? -1;
    }
  }

  function setupOnPulse(plan: Plan) {
    const host = new TickingFakeHost();
    const controller = new TimerController(host);
    host.controller = controller;
    const timer = new Timer(plan, clock);
    const pulse = new SecondPulse(timer);
    controller.timer = timer;
    controller.pulse = pulse;
    host.connect();
    return { host, controller, timer, pulse };
  }

  it('wakes with everything else on the second: one timeout in all, each second drawn in place', () => {
    const { host, timer, pulse } = setupOnPulse(RUN);
    const others: number[] = [];
    pulse.subscribe(() => others.push(Date.now() - T0));
    timer.start();
    host.renders.length = 0;
    vi.advanceTimersByTime(60_000);
    expect(vi.getTimerCount(), 'the screen and the other listener share one timeout').toBe(1);
    expect(host.ticks.map((t) => t.at)).toEqual(Array.from({ length: 60 }, (_, i) => (i + 1) * 1000));
    expect(host.ticks[0]!.shows).toBe('9:59');
    expect(host.ticks.at(-1)!.shows).toBe('9:00');
    expect(host.renders, 'no update cycle for a second that only ticks').toHaveLength(0);
    expect(others).toEqual(host.ticks.map((t) => t.at));
  });

  it('asks for a render when the host cannot draw the second in place, and on every event', () => {
    const { host, controller, timer } = setupOnPulse(RUN);
    timer.start();
    vi.advanceTimersByTime(9 * 60_000 + 59_000);
    host.renders.length = 0;
    // The warm-up's last second ticks in place; the sprint's first needs a render.
    vi.advanceTimersByTime(1_000);
    expect(host.renders).toEqual([{ at: 600_000, shows: '1:30' }]);
    expect(controller.state?.index).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(host.ticks.at(-1)).toEqual({ at: 601_000, shows: '1:29' });
    timer.pause();
    expect(host.renders).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('lets go of the pulse when the host disconnects, and falls back to a timeout of its own without one', () => {
    const { host, controller, timer, pulse } = setupOnPulse(RUN);
    timer.start();
    vi.advanceTimersByTime(2_000);
    host.disconnect();
    expect(vi.getTimerCount(), 'the pulse had no other listener').toBe(0);
    const n = host.ticks.length;
    vi.advanceTimersByTime(5_000);
    expect(host.ticks).toHaveLength(n);
    host.connect();
    controller.pulse = null;
    vi.advanceTimersByTime(1_000);
    expect(host.ticks.at(-1)).toEqual({ at: 8_000, shows: '9:52' });
    expect(vi.getTimerCount()).toBe(1);
    pulse.dispose();
  });
});
