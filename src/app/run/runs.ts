/**
 * Runs outside the shell: opening the database (once, again after a failure),
 * recording a run from its first instant, and what to do with a run that a
 * reload, a killed tab or a flat battery cut off (resume it, save it as
 * completed or ended early, or discard it). No Lit and no DOM beyond the
 * platform bridges it is given, so Node tests drive it with fake-indexeddb.
 */
import { compileOptions } from '../../dsl';
import type { Plan } from '../../dsl/plan';
import { ManualClock } from '../../engine/clock';
import { Timer, TimerStatus, type TimerState } from '../../engine/timer';
import { RunLocks } from '../../platform/locks';
import { Persistence } from '../../platform/persistence';
import type { SecondPulse } from '../../platform/pulse';
import type { Store } from '../../storage/db';
import type { Checkpoint } from '../../storage/schema';
import { compileSafely, planOf } from '../library/library-compile';
import { RunRecorder, sessionRecord, type RunInfo } from './run-recorder';

/** How a cut-off run can be kept. */
export const KeepAs = {
  /** By the clock it was over: saved as finished, at the moment it finished. */
  Completed: 'completed',
  /** Saved as it stood at its last checkpoint. */
  EndedEarly: 'ended-early',
} as const;
export type KeepAs = (typeof KeepAs)[keyof typeof KeepAs];

/** A cut-off run, as the clock sees it now. */
export interface Assessment {
  readonly checkpoint: Checkpoint;
  /** Null when the workout text no longer compiles. */
  readonly plan: Plan | null;
  /** By the clock it would be over by now. */
  readonly over: boolean;
  /** Where it would be now, when not over. */
  readonly state: TimerState | null;
}

export interface RunsOptions {
  readonly locks?: RunLocks;
  readonly persistence?: Persistence;
  readonly now?: () => number;
  /** How long storage may take to open before a run says so. */
  readonly waitWarnMs?: number;
  /** Told when a cut-off run was kept because a new run replaced its checkpoint. */
  readonly onKept?: (checkpoint: Checkpoint, as: KeepAs) => void;
}

export class Runs {
  private _store: Store | null = null;
  private _opening: Promise<Store> | null = null;
  private _askedPersistence = false;
  /** Plans rebuilt for cut-off runs, by checkpoint. */
  private readonly _plans = new WeakMap<Checkpoint, Plan | null>();
  private readonly _locks: RunLocks;
  private readonly _persistence: Persistence;
  private readonly _now: () => number;
  private readonly _openListeners = new Set<(store: Store) => void>();

  constructor(
    private readonly _open: () => Promise<Store>,
    private readonly _options: RunsOptions = {},
  ) {
    this._locks = _options.locks ?? new RunLocks();
    this._persistence = _options.persistence ?? new Persistence();
    this._now = _options.now ?? (() => Date.now());
  }

  /** The database, once open. */
  get store(): Store | null {
    return this._store;
  }

  /** Opens the database (once; a failed open is tried again on the next call). */
  openStore(): Promise<Store> {
    if (this._store) return Promise.resolve(this._store);
    this._opening ??= this._open().then(
      (store) => {
        this._store = store;
        for (const listener of this._openListeners) listener(store);
        return store;
      },
      (e: unknown) => {
        this._opening = null;
        throw e;
      },
    );
    return this._opening;
  }

  /** Calls `listener` when the database opens (at once if it is open). */
  onOpen(listener: (store: Store) => void): () => void {
    if (this._store) listener(this._store);
    this._openListeners.add(listener);
    return () => this._openListeners.delete(listener);
  }

  /**
   * Records a run from this instant, whether or not the database is open yet.
   * Before its first write, a different run's checkpoint that no live tab holds
   * is kept in History, never overwritten.
   */
  record(info: RunInfo, plan: Plan, timer: Timer, pulse?: SecondPulse): RunRecorder {
    const recorder = new RunRecorder(() => this.openStore(), info, plan, timer, {
      now: this._now,
      locks: this._locks,
      ...(pulse ? { pulse } : {}),
      ...(this._options.waitWarnMs !== undefined ? { waitWarnMs: this._options.waitWarnMs } : {}),
      beforeFirstWrite: async (store) => {
        // Every cut-off run (more than one when two tabs were killed), each kept once; live ones left to their tabs.
        for (const other of await store.loadCheckpoints()) {
          if (other.sessionId === info.sessionId || (await this._locks.isHeld(other.sessionId))) continue;
          const as = await this.keep(other);
          this._options.onKept?.(other, as);
        }
      },
    });
    const off = recorder.onChange(() => {
      if (!recorder.saved) return;
      off();
      // After the first session is safely saved, ask the browser to keep the data.
      if (!this._askedPersistence) {
        this._askedPersistence = true;
        void this._persistence.persist();
      }
    });
    return recorder;
  }

  /** The newest run a page load didn't finish that no live tab is running, if any. */
  async interrupted(): Promise<Checkpoint | null> {
    const store = await this.openStore();
    const checkpoints = await store.loadCheckpoints().catch(() => []);
    for (const checkpoint of checkpoints) if (!(await this._locks.isHeld(checkpoint.sessionId))) return checkpoint;
    return null;
  }

  /** Where a cut-off run would be now, by the clock. */
  assess(checkpoint: Checkpoint, now = this._now()): Assessment {
    // The shell asks on every render while it offers the run: compile its workout once.
    let plan = this._plans.get(checkpoint);
    if (plan === undefined) {
      plan = rebuildPlan(checkpoint);
      this._plans.set(checkpoint, plan);
    }
    if (!plan) return { checkpoint, plan, over: false, state: null };
    const state = new Timer(plan, new ManualClock(now), checkpoint.events).state();
    return { checkpoint, plan, over: state.status === TimerStatus.Finished, state };
  }

  /**
   * Keeps a cut-off run in History: as completed when by the clock it was over
   * (unless `as` says ended early), else as ended early at its last checkpoint.
   * A run whose workout no longer compiles can't be rebuilt: its checkpoint is cleared.
   */
  async keep(checkpoint: Checkpoint, as?: KeepAs): Promise<KeepAs> {
    const store = await this.openStore();
    const plan = rebuildPlan(checkpoint);
    if (!plan) {
      await store.clearCheckpoint(checkpoint.sessionId);
      return KeepAs.EndedEarly;
    }
    const now = this._now();
    const how = as ?? (this.assess(checkpoint, now).over ? KeepAs.Completed : KeepAs.EndedEarly);
    await store.finishRun(interruptedRecord(checkpoint, plan, how, now));
    return how;
  }

  async discard(checkpoint: Checkpoint): Promise<void> {
    await (await this.openStore()).clearCheckpoint(checkpoint.sessionId);
  }
}

/** The run's info as a checkpoint keeps it. */
export function runInfoOf(checkpoint: Checkpoint): RunInfo {
  const { sessionId, workoutId, source, choices, week } = checkpoint;
  return { sessionId, workoutId, source, choices, week };
}

/** The plan a checkpoint ran, rebuilt from its text and choices; null if it no longer compiles. */
export function rebuildPlan(checkpoint: Checkpoint): Plan | null {
  // Safely: a compiler bug must cost this one run its rebuild, never the app its recovery.
  return planOf(compileSafely(checkpoint.source, compileOptions(checkpoint.choices, checkpoint.week)));
}

/**
 * The session record of a cut-off run. Completed: as the clock has it now,
 * which ends it at the instant it finished. Ended early: at its last
 * checkpoint, the last moment it was known to be running.
 */
export function interruptedRecord(checkpoint: Checkpoint, plan: Plan, as: KeepAs, now: number) {
  const info = runInfoOf(checkpoint);
  const atNow = new Timer(plan, new ManualClock(now), checkpoint.events);
  if (as === KeepAs.Completed && atNow.state().status === TimerStatus.Finished) return sessionRecord(info, plan, atNow, now);
  const timer = new Timer(plan, new ManualClock(checkpoint.savedAt), checkpoint.events);
  if (timer.state().status !== TimerStatus.Finished) timer.end();
  return sessionRecord(info, plan, timer, checkpoint.savedAt);
}
