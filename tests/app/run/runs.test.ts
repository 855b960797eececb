/**
 * A run is recorded from its first instant, whatever the storage is doing:
 * opening late, never opening, failing and coming back. Cut-off runs are kept
 * (as completed when by the clock they were over), never overwritten.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOT_OPEN, SaveState } from '../../../src/app/run/run-recorder';
import { KeepAs, Runs } from '../../../src/app/run/runs';
import { compile } from '../../../src/dsl/index';
import { ManualClock } from '../../../src/engine/clock';
import { Timer, TimerStatus } from '../../../src/engine/timer';
import { RunLocks } from '../../../src/platform/locks';
import { Store } from '../../../src/storage/db';
import type { Checkpoint } from '../../../src/storage/schema';

const T0 = Date.UTC(2026, 10, 21, 9, 0);
/** 3 minutes: 1 min easy, then 2 rounds of 30 s sprint, 30 s rest. */
const SOURCE = '# Short\ntags: pool\nwarmup 1m easy\n2x\n  30s sprint\n  30s rest\n';
let n = 0;

/** A database whose opening the test holds back until it says so (or forever). */
function gatedOpen() {
  const name = `runs-${++n}`;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let opens = 0;
  const open = async () => {
    opens++;
    await gate;
    return Store.open({ name });
  };
  return { name, open, release: () => release(), opens: () => opens };
}

function setup(open: () => Promise<Store>, options: { locks?: RunLocks } = {}) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  const clock = new ManualClock(T0);
  const kept: [string, KeepAs][] = [];
  const runs = new Runs(open, { now: () => clock.now(), onKept: (cp, as) => kept.push([cp.sessionId, as]), ...options });
  const plan = compile(SOURCE).plan!;
  const timer = new Timer(plan, clock);
  const info = { sessionId: `run-${++n}`, workoutId: 'short', source: SOURCE, choices: {}, week: null };
  const advance = async (ms: number) => {
    clock.advance(ms);
    await vi.advanceTimersByTimeAsync(ms);
  };
  return { runs, plan, timer, info, clock, advance, kept };
}

/** Lets fake-indexeddb (setImmediate, real) finish what is in flight. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => vi.useRealTimers());
afterEach(() => vi.useRealTimers());

describe('a run started before the database opens', () => {
  it('keeps its events and writes them when it opens: in order, the newest checkpoint once', async () => {
    const db = gatedOpen();
    const { runs, timer, info, advance } = setup(db.open);
    const recorder = runs.record(info, compile(SOURCE).plan!, timer);
    timer.start();
    await advance(65_000); // into the first sprint: an interval change
    timer.pause();
    await advance(1000);
    timer.resume();
    await advance(1000);
    expect(runs.store).toBeNull();
    expect(recorder.state).toBe(SaveState.Waiting);
    expect(recorder.error).toBe(NOT_OPEN);

    const saves = vi.spyOn(Store.prototype, 'saveCheckpoint');
    db.release();
    vi.useRealTimers();
    await vi.waitFor(async () => expect(await runs.store?.loadCheckpoint()).toMatchObject({ sessionId: info.sessionId, index: 1 }));
    const checkpoint = (await runs.store!.loadCheckpoint())!;
    expect(checkpoint.events.map((e) => e.type)).toEqual(['start', 'pause', 'resume']);
    expect(saves).toHaveBeenCalledTimes(1);
    saves.mockRestore();
    expect(recorder.error).toBeNull();
    expect(recorder.state).not.toBe(SaveState.Waiting);
    recorder.dispose();
    runs.store!.close();
  });

  it('ended before it opens: the session waits in memory, then lands once, and the checkpoint is cleared', async () => {
    const db = gatedOpen();
    const { runs, timer, info, advance } = setup(db.open);
    const recorder = runs.record(info, compile(SOURCE).plan!, timer);
    timer.start();
    await advance(60_000);
    timer.end();
    await advance(4000);
    expect(recorder.state).toBe(SaveState.Waiting);
    expect(recorder.session).toMatchObject({ id: info.sessionId, completed: false, activeSeconds: 60, endedAtInterval: 2 });
    expect(recorder.saved).toBeNull();

    db.release();
    vi.useRealTimers();
    await vi.waitFor(() => expect(recorder.state).toBe(SaveState.Saved));
    const store = runs.store!;
    expect(await store.countSessions()).toBe(1);
    expect(await store.getSession(info.sessionId)).toMatchObject({ completed: false, activeSeconds: 60 });
    // The checkpoint written when it opened does not outlive the session.
    await settle();
    expect(await store.loadCheckpoint()).toBeNull();
    // A note after the run updates the same session.
    await recorder.annotate({ rpe: 6 });
    expect(await store.countSessions()).toBe(1);
    expect((await store.getSession(info.sessionId))!.rpe).toBe(6);
    recorder.dispose();
    store.close();
  });

  it('a database that never opens: the run says so while it runs and keeps the whole session for export', async () => {
    const { runs, timer, info, advance } = setup(() => new Promise<Store>(() => undefined));
    const recorder = runs.record(info, compile(SOURCE).plan!, timer);
    const seen: (string | null)[] = [];
    recorder.onChange(() => seen.push(recorder.error));
    timer.start();
    await advance(2000);
    expect(recorder.error).toBeNull();
    await advance(2000);
    expect(recorder.error).toBe(NOT_OPEN);
    expect(seen).toContain(NOT_OPEN);
    await advance(3 * 60_000);
    expect(timer.state().status).toBe(TimerStatus.Finished);
    await advance(10);
    expect(recorder.state).toBe(SaveState.Waiting);
    expect(recorder.session).toMatchObject({ id: info.sessionId, completed: true, activeSeconds: 180, zoneSeconds: { easy: 60, sprint: 60, rest: 60 } });
    recorder.dispose();
  });

  it('a database that fails to open is opened again at the next checkpoint, and the error clears', async () => {
    const name = `runs-${++n}`;
    let fail = true;
    const open = async () => {
      if (fail) throw new DOMException('private mode', 'InvalidStateError');
      return Store.open({ name });
    };
    const { runs, timer, info, advance } = setup(open);
    const recorder = runs.record(info, compile(SOURCE).plan!, timer);
    timer.start();
    await advance(100);
    await vi.waitFor(() => expect(recorder.error).toMatch(/closed the storage connection/));
    fail = false;
    await advance(15_000); // the heartbeat checkpoints again
    vi.useRealTimers();
    await vi.waitFor(async () => expect((await runs.store?.loadCheckpoint())?.sessionId).toBe(info.sessionId));
    await vi.waitFor(() => expect(recorder.error).toBeNull());
    recorder.dispose();
    runs.store!.close();
  });
});

describe('a cut-off run', () => {
  const plan = compile(SOURCE).plan!;
  function checkpointOf(sessionId: string, events: Checkpoint['events'], savedAt: number): Checkpoint {
    return { sessionId, workoutId: 'short', title: 'Short', source: SOURCE, choices: {}, week: null, events, index: 0, savedAt };
  }

  it('is kept, never overwritten, when a new run starts before it was dealt with', async () => {
    const name = `runs-${++n}`;
    const seed = await Store.open({ name });
    const old = checkpointOf('old-run', [{ type: 'start', at: T0 - 3_600_000 }], T0 - 3_600_000 + 70_000);
    await seed.saveCheckpoint(old);
    seed.close();
    const { runs, timer, info, kept } = setup(() => Store.open({ name }));
    const recorder = runs.record(info, plan, timer);
    timer.start();
    vi.useRealTimers();
    await vi.waitFor(async () => expect((await runs.store?.loadCheckpoint())?.sessionId).toBe(info.sessionId));
    // An hour ago, a 3-minute workout: by the clock it was over, so it is kept as completed.
    expect(kept).toEqual([['old-run', KeepAs.Completed]]);
    expect(await runs.store!.getSession('old-run')).toMatchObject({ completed: true, endedAt: T0 - 3_600_000 + 180_000, activeSeconds: 180 });
    recorder.dispose();
    runs.store!.close();
  });

  it('in one of two tabs running at once is not overwritten by the other, and is offered after it was killed', async () => {
    const name = `runs-${++n}`;
    const live = new Set<string>();
    const locks = new RunLocks();
    vi.spyOn(locks, 'isHeld').mockImplementation(async (id) => live.has(id));
    // Tab A runs a workout and checkpoints it.
    const a = setup(() => Store.open({ name }), { locks });
    const recorderA = a.runs.record(a.info, plan, a.timer);
    live.add(a.info.sessionId);
    a.timer.start();
    await a.advance(65_000);
    vi.useRealTimers();
    await vi.waitFor(async () => expect((await a.runs.store?.loadCheckpoint())?.sessionId).toBe(a.info.sessionId));
    // Tab B starts another while A runs on: A is live, so it is left alone, and B checkpoints beside it.
    const b = setup(() => Store.open({ name }), { locks });
    const recorderB = b.runs.record(b.info, plan, b.timer);
    live.add(b.info.sessionId);
    b.timer.start();
    await b.advance(65_000);
    vi.useRealTimers();
    await vi.waitFor(async () =>
      expect((await b.runs.store!.loadCheckpoints()).map((c) => c.sessionId).sort()).toEqual([a.info.sessionId, b.info.sessionId].sort()),
    );
    expect(b.kept).toEqual([]);
    // Tab A is killed mid-run (its lock goes with it); B runs on and checkpoints again.
    live.delete(a.info.sessionId);
    recorderA.dispose();
    b.timer.pause();
    await settle();
    // A new page load finds A's run to resume, not B's (live) one, with A's own events.
    const c = setup(() => Store.open({ name }), { locks });
    const cut = await c.runs.interrupted();
    expect(cut).toMatchObject({ sessionId: a.info.sessionId, index: 1 });
    expect(cut!.events.map((e) => e.type)).toEqual(['start']);
    recorderB.dispose();
    for (const r of [a.runs, b.runs, c.runs]) r.store?.close();
  });

  it('is left alone while another tab holds it live', async () => {
    const name = `runs-${++n}`;
    const seed = await Store.open({ name });
    await seed.saveCheckpoint(checkpointOf('live-elsewhere', [{ type: 'start', at: T0 - 10_000 }], T0));
    seed.close();
    const locks = new RunLocks();
    vi.spyOn(locks, 'isHeld').mockImplementation(async (id) => id === 'live-elsewhere');
    const { runs } = setup(() => Store.open({ name }), { locks });
    expect(await runs.interrupted()).toBeNull();
    runs.store!.close();
  });

  it('is saved as completed at the instant it finished by the clock, pauses included', async () => {
    const name = `runs-${++n}`;
    const { runs, clock } = setup(() => Store.open({ name }));
    // Started, paused 30 s, resumed; the page died 10 s before the end; opened again 5 minutes later.
    const events: Checkpoint['events'] = [
      { type: 'start', at: T0 },
      { type: 'pause', at: T0 + 20_000 },
      { type: 'resume', at: T0 + 50_000 },
    ];
    const cp = checkpointOf('last-second', events, T0 + 200_000);
    const store = await runs.openStore();
    await store.saveCheckpoint(cp);
    clock.set(T0 + 500_000);
    expect(runs.assess(cp).over).toBe(true);
    expect(await runs.interrupted()).toEqual(cp);
    expect(await runs.keep(cp)).toBe(KeepAs.Completed);
    expect(await store.getSession('last-second')).toMatchObject({
      completed: true,
      startedAt: T0,
      endedAt: T0 + 210_000,
      activeSeconds: 180,
      endedAtInterval: null,
    });
    expect(await store.loadCheckpoint()).toBeNull();
    store.close();
  });

  it('is saved as ended early at its last checkpoint when it was not over, or when asked', async () => {
    const name = `runs-${++n}`;
    const { runs, clock } = setup(() => Store.open({ name }));
    const store = await runs.openStore();
    const early = checkpointOf('early', [{ type: 'start', at: T0 }], T0 + 70_000);
    clock.set(T0 + 100_000);
    expect(runs.assess(early)).toMatchObject({ over: false, state: { index: 2 } });
    expect(await runs.keep(early)).toBe(KeepAs.EndedEarly);
    expect(await store.getSession('early')).toMatchObject({ completed: false, endedAt: T0 + 70_000, activeSeconds: 70, endedAtInterval: 2 });
    const asked = checkpointOf('asked', [{ type: 'start', at: T0 }], T0 + 175_000);
    clock.set(T0 + 900_000);
    expect(await runs.keep(asked, KeepAs.EndedEarly)).toBe(KeepAs.EndedEarly);
    expect(await store.getSession('asked')).toMatchObject({ completed: false, endedAt: T0 + 175_000 });
    store.close();
  });

  it('whose workout no longer compiles is cleared, not saved', async () => {
    const name = `runs-${++n}`;
    const { runs } = setup(() => Store.open({ name }));
    const store = await runs.openStore();
    const broken = { ...checkpointOf('broken', [{ type: 'start', at: T0 }], T0 + 1000), source: '# Broken\n3x\n' };
    await store.saveCheckpoint(broken);
    expect(runs.assess(broken).plan).toBeNull();
    await runs.keep(broken);
    expect(await store.loadCheckpoint()).toBeNull();
    expect(await store.countSessions()).toBe(0);
    store.close();
  });
});
