import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunRecorder, SaveState } from '../../../src/app/run/run-recorder';
import { compile } from '../../../src/dsl/index';
import { ManualClock } from '../../../src/engine/clock';
import { Timer } from '../../../src/engine/timer';
import { SecondPulse } from '../../../src/platform/pulse';
import { Store } from '../../../src/storage/db';

const T0 = Date.UTC(2026, 10, 21, 9, 0);
const SOURCE = '# Short\ntags: pool\nwarmup 1m easy\n2x\n  30s sprint\n  30s rest\n';
let n = 0;

async function setup() {
  // Only timeouts are faked: fake-indexeddb runs on setImmediate, which stays real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const store = await Store.open({ name: `recorder-${++n}` });
  const plan = compile(SOURCE).plan!;
  const clock = new ManualClock(T0);
  const timer = new Timer(plan, clock);
  const info = { sessionId: `run-${n}`, workoutId: 'short', source: SOURCE, choices: {}, week: null };
  const recorder = new RunRecorder(store, info, plan, timer, { now: () => clock.now() });
  /** Moves the clock and the timers together, as the real world does. */
  const advance = async (ms: number) => {
    clock.advance(ms);
    await vi.advanceTimersByTimeAsync(ms);
  };
  return { store, plan, clock, timer, recorder, advance, info };
}

beforeEach(() => vi.useRealTimers());
afterEach(() => vi.useRealTimers());

describe('checkpoints', () => {
  it('saves the run at start, at every interval change and at pause', async () => {
    const { store, timer, advance, recorder } = await setup();
    timer.start();
    await vi.waitFor(async () => expect((await store.loadCheckpoint())?.index).toBe(0));
    await advance(60_000);
    await vi.waitFor(async () => expect((await store.loadCheckpoint())?.index).toBe(1));
    await advance(10_000);
    timer.pause();
    await vi.waitFor(async () => expect((await store.loadCheckpoint())?.events.map((e) => e.type)).toEqual(['start', 'pause']));
    recorder.dispose();
    store.close();
  });
});

describe('saving the session', () => {
  it('saves a finished run with its zones and clears the checkpoint', async () => {
    const { store, timer, advance, recorder, info } = await setup();
    timer.start();
    await advance(3 * 60_000);
    await vi.waitFor(() => expect(recorder.state).toBe(SaveState.Saved));
    const saved = (await store.getSession(info.sessionId))!;
    expect(saved).toMatchObject({
      completed: true,
      plannedSeconds: 180,
      activeSeconds: 180,
      endedAtInterval: null,
      intervalCount: 5,
      kind: 'pool',
      source: SOURCE,
    });
    expect(saved.zoneSeconds).toEqual({ easy: 60, sprint: 60, rest: 60 });
    expect(await store.loadCheckpoint()).toBeNull();
    await recorder.annotate({ rpe: 8, pain: 2, note: 'Good' });
    expect(await store.getSession(info.sessionId)).toMatchObject({ rpe: 8, pain: 2, note: 'Good' });
    recorder.dispose();
    store.close();
  });

  it('saves a run ended early at the interval it reached', async () => {
    const { store, timer, advance, recorder, info } = await setup();
    timer.start();
    await advance(75_000);
    timer.end();
    await vi.waitFor(() => expect(recorder.state).toBe(SaveState.Saved));
    expect(await store.getSession(info.sessionId)).toMatchObject({
      completed: false,
      endedAtInterval: 2,
      activeSeconds: 75,
      zoneSeconds: { easy: 60, sprint: 15 },
    });
    recorder.dispose();
    store.close();
  });

  it('keeps a session that could not be written, says why, and retries until it lands', async () => {
    const { store, timer, advance, info } = await setup();
    const realFinish = store.finishRun.bind(store);
    let failures = 2;
    store.finishRun = async (s) => {
      if (failures-- > 0) throw new DOMException('full', 'QuotaExceededError');
      return realFinish(s);
    };
    const plan = compile(SOURCE).plan!;
    const clock = new ManualClock(T0);
    const t2 = new Timer(plan, clock);
    const recorder = new RunRecorder(store, { ...info, sessionId: 'retry-me' }, plan, t2, { now: () => clock.now() });
    t2.start();
    t2.end();
    await vi.waitFor(() => expect(recorder.state).toBe(SaveState.Failed));
    expect(recorder.error).toMatch(/out of storage space/);
    expect(await store.getSession('retry-me')).toBeNull();
    await advance(2000);
    await advance(5000);
    await vi.waitFor(() => expect(recorder.state).toBe(SaveState.Saved));
    expect(await store.getSession('retry-me')).not.toBeNull();
    void timer;
    recorder.dispose();
    store.close();
  });
});

describe('the heartbeat', () => {
  it("rides on the run's pulse when it has one: a checkpoint every 15 s, and no interval of its own", async () => {
    const intervals = vi.spyOn(globalThis, 'setInterval');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const store = await Store.open({ name: `recorder-${++n}` });
    const plan = compile(SOURCE).plan!;
    const clock = new ManualClock(T0);
    const timer = new Timer(plan, clock);
    const pulse = new SecondPulse(timer);
    const info = { sessionId: `run-${n}`, workoutId: 'short', source: SOURCE, choices: {}, week: null };
    const recorder = new RunRecorder(store, info, plan, timer, { now: () => clock.now(), pulse });
    const advance = async (ms: number) => {
      clock.advance(ms);
      await vi.advanceTimersByTimeAsync(ms);
    };
    const savedAt = async () => (await store.loadCheckpoint())?.savedAt;
    try {
      expect(intervals).not.toHaveBeenCalled();
      timer.start();
      await vi.waitFor(async () => expect(await savedAt()).toBe(T0));
      // Nothing happens in the warm-up's first 14 s: the checkpoint stays as it was.
      await advance(14_000);
      expect(await savedAt()).toBe(T0);
      await advance(2_000);
      await vi.waitFor(async () => expect(await savedAt()).toBeGreaterThanOrEqual(T0 + 15_000));
      const first = (await savedAt())!;
      await advance(15_000);
      await vi.waitFor(async () => expect(await savedAt()).toBeGreaterThanOrEqual(first + 15_000));
      expect(intervals).not.toHaveBeenCalled();
    } finally {
      intervals.mockRestore();
      recorder.dispose();
      pulse.dispose();
      store.close();
    }
  });
});
