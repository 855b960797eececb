/**
 * Keeps a running workout safe from its first instant: checkpoints it at every
 * event and interval change, and saves the session when it finishes or is
 * ended early. Writes asked for before the database has opened wait in order
 * and land when it does (only the newest checkpoint is written). A write that
 * fails (a full disk, a closed connection) or a database that never opens is
 * kept in memory, shown, and retried until it lands.
 */
import type { Plan } from '../../dsl/plan';
import { TimerStatus, type Timer } from '../../engine/timer';
import type { Store } from '../../storage/db';
import type { Checkpoint, SessionRecord } from '../../storage/schema';
import { RunLocks } from '../../platform/locks';
import type { SecondPulse } from '../../platform/pulse';

export const SaveState = {
  Idle: 'idle',
  Saving: 'saving',
  Saved: 'saved',
  /** A write failed; it is being retried. */
  Failed: 'failed',
  /** Storage hasn't opened yet: everything is kept in memory and written when it does. */
  Waiting: 'waiting',
} as const;
export type SaveState = (typeof SaveState)[keyof typeof SaveState];

/** While running, the checkpoint is refreshed this often, so "ended early" is never far off. */
export const HEARTBEAT_MS = 15_000;

/** Retry delays after a failed write, in ms; the last one repeats. */
const RETRY_MS = [2000, 5000, 15000];

export interface RunInfo {
  readonly sessionId: string;
  readonly workoutId: string;
  readonly source: string;
  readonly choices: Readonly<Record<string, number>>;
  readonly week: number | null;
}

/** The session record of a run, from its plan and timer, as it stands now. */
export function sessionRecord(info: RunInfo, plan: Plan, timer: Timer, now: number, previous?: SessionRecord | null): SessionRecord {
  const state = timer.state(now);
  const spent = timer.spentMs(now);
  const zoneSeconds: Record<string, number> = {};
  plan.intervals.forEach((interval, i) => {
    const ms = spent[i] ?? 0;
    if (ms > 0) zoneSeconds[interval.zone] = (zoneSeconds[interval.zone] ?? 0) + Math.round(ms / 1000);
  });
  const completed = state.status === TimerStatus.Finished;
  // A finished run's active time stops where its last interval ended, however late this is asked
  // (a throttled tab, a run recovered after a crash): `intervalStartMs` is then that instant.
  const activeMs = completed ? state.intervalStartMs : state.activeMs;
  const endedAt = completed ? Math.min(now, timer.clockTimeOf(activeMs)) : now;
  const kind = plan.tags.includes('pool') ? 'pool' : plan.tags.includes('rehab') ? 'rehab' : 'other';
  return {
    id: info.sessionId,
    workoutId: info.workoutId,
    title: plan.title,
    kind,
    source: info.source,
    choices: { ...info.choices },
    week: info.week,
    startedAt: timer.startedAt ?? now,
    endedAt,
    plannedSeconds: plan.totalSeconds,
    activeSeconds: Math.round(activeMs / 1000),
    completed,
    endedAtInterval: completed ? null : state.index + 1,
    intervalCount: plan.intervals.length,
    zoneSeconds,
    rpe: previous?.rpe ?? null,
    pain: previous?.pain ?? null,
    note: previous?.note ?? '',
    updatedAt: now,
  };
}

/** Where a recorder writes: the database, or a way to open it (which may take a while, or fail). */
export type StoreSource = Store | (() => Promise<Store>);

export interface RecorderOptions {
  /** The wall clock (tests move it by hand). */
  readonly now?: () => number;
  /** Runs once, before this run's first write, with the open store (e.g. to keep a run this one replaces). */
  readonly beforeFirstWrite?: (store: Store) => Promise<void>;
  /** How long storage may take to open before the run says it isn't being saved yet. */
  readonly waitWarnMs?: number;
  /** The lock that tells other tabs this run is live. */
  readonly locks?: RunLocks;
  /** The run's shared second (its timer must be the recorder's): the heartbeat rides on it instead of an interval. */
  readonly pulse?: SecondPulse;
}

/** Storage can take this long to open before a run says so. */
export const WAIT_WARN_MS = 3000;

export class RunRecorder {
  private _state: SaveState = SaveState.Idle;
  private _error: string | null = null;
  private _pending: SessionRecord | null = null;
  private _saved: SessionRecord | null = null;
  private _retry: ReturnType<typeof setTimeout> | null = null;
  private _attempt = 0;
  private _boundary: ReturnType<typeof setTimeout> | null = null;
  private _heartbeat: ReturnType<typeof setInterval> | null = null;
  private _offPulse: (() => void) | null = null;
  /** On the pulse: the clock time from which the next heartbeat is due. */
  private _heartbeatDue = 0;
  private _lastIndex = -1;
  private _checkpointedEvents = 0;
  private readonly _listeners = new Set<() => void>();
  private readonly _unsubscribe: () => void;
  private _releaseLock: (() => void) | null = null;
  private _disposed = false;

  /** The database once open; until then writes wait in `_queue`, in order. */
  private _store: Store | null;
  private readonly _open: (() => Promise<Store>) | null;
  private _queue: Promise<unknown> = Promise.resolve();
  private _adopted = false;
  /** Storage hasn't opened within WAIT_WARN_MS: the run is held in memory only. */
  private _waiting = false;
  private _waitTimer: ReturnType<typeof setTimeout> | null = null;
  /** The newest checkpoint not yet written; older ones are never written once a newer exists. */
  private _nextCheckpoint: Checkpoint | null = null;
  private _checkpointQueued = false;
  /** The run is over: no checkpoint is written after its session. */
  private _over = false;
  private readonly _now: () => number;
  private readonly _beforeFirstWrite: ((store: Store) => Promise<void>) | null;
  private readonly _waitWarnMs: number;

  constructor(
    store: StoreSource,
    readonly info: RunInfo,
    private readonly _plan: Plan,
    private readonly _timer: Timer,
    options: RecorderOptions = {},
  ) {
    this._store = typeof store === 'function' ? null : store;
    this._open = typeof store === 'function' ? store : null;
    this._now = options.now ?? (() => Date.now());
    this._beforeFirstWrite = options.beforeFirstWrite ?? null;
    this._waitWarnMs = options.waitWarnMs ?? WAIT_WARN_MS;
    this._unsubscribe = _timer.subscribe(() => this._onChange());
    if (options.pulse?.timer === _timer) {
      this._heartbeatDue = this._now() + HEARTBEAT_MS;
      this._offPulse = options.pulse.subscribe((s) => {
        if (s.status !== TimerStatus.Running || this._now() < this._heartbeatDue) return;
        this._heartbeatDue = this._now() + HEARTBEAT_MS;
        this._checkpoint(s.index, true);
      });
    } else {
      this._heartbeat = setInterval(() => {
        if (this._timer.state(this._now()).status === TimerStatus.Running) this._checkpoint(this._timer.state(this._now()).index, true);
      }, HEARTBEAT_MS);
    }
    this._releaseLock = (options.locks ?? new RunLocks()).hold(info.sessionId);
    if (_timer.startedAt !== null) this._onChange();
  }

  get state(): SaveState {
    return this._waiting && this._state !== SaveState.Saved ? SaveState.Waiting : this._state;
  }

  /** Why the run isn't safely stored right now, for the person to read; null when it is. */
  get error(): string | null {
    if (this._waiting && this._state !== SaveState.Saved) return NOT_OPEN;
    return this._error;
  }

  /** The session as last saved (null until the run is over). */
  get saved(): SessionRecord | null {
    return this._saved;
  }

  /** The session as it stands (saved or still waiting to be), for an export while storage is unavailable. */
  get session(): SessionRecord | null {
    return this._pending ?? this._saved;
  }

  onChange(listener: () => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /** Updates the saved session's effort, pain and note (after the run). */
  async annotate(patch: Partial<Pick<SessionRecord, 'rpe' | 'pain' | 'note'>>): Promise<void> {
    const base = this._pending ?? this._saved;
    if (!base) return;
    // Until the session itself has landed, the update goes the same atomic way (it also clears the checkpoint).
    await this._write({ ...base, ...patch, updatedAt: Math.max(this._now(), base.updatedAt + 1) }, this._saved === null);
  }

  dispose(): void {
    this._disposed = true;
    this._unsubscribe();
    if (this._boundary !== null) clearTimeout(this._boundary);
    this._stopHeartbeat();
    // A failed or waiting write is kept until it lands, even after the screen is gone.
    if (!this._pending) this._stopRetry();
    this._releaseLock?.();
    this._releaseLock = null;
  }

  /**
   * Runs `task` with the open store, after every write asked for before it:
   * writes asked for while storage is still opening wait here, in order.
   */
  private _enqueue<T>(task: (store: Store) => Promise<T>): Promise<T> {
    const run = this._queue.then(async () => task(await this._ready()));
    this._queue = run.catch(() => undefined);
    return run;
  }

  /** The store, opened if need be (again after a failure); says so if it takes long. */
  private async _ready(): Promise<Store> {
    if (!this._store) {
      if (!this._open) throw new Error('No store');
      if (this._waitTimer === null && !this._waiting) {
        this._waitTimer = setTimeout(() => {
          this._waitTimer = null;
          if (this._store) return;
          this._waiting = true;
          this._notify();
        }, this._waitWarnMs);
      }
      try {
        this._store = await this._open();
      } finally {
        if (this._waitTimer !== null) clearTimeout(this._waitTimer);
        this._waitTimer = null;
      }
      if (this._waiting) {
        this._waiting = false;
        this._notify();
      }
    }
    if (!this._adopted) {
      this._adopted = true;
      await this._beforeFirstWrite?.(this._store).catch(() => undefined);
    }
    return this._store;
  }

  private _onChange(): void {
    const state = this._timer.state(this._now());
    if (state.status === TimerStatus.Ready) return;
    if (state.status === TimerStatus.Finished || state.status === TimerStatus.Ended) {
      if (this._boundary !== null) clearTimeout(this._boundary);
      this._stopHeartbeat();
      if (!this._saved && !this._pending) void this._finish();
      return;
    }
    this._checkpoint(state.index);
    this._armBoundary();
  }

  private _stopHeartbeat(): void {
    if (this._heartbeat !== null) clearInterval(this._heartbeat);
    this._heartbeat = null;
    this._offPulse?.();
    this._offPulse = null;
  }

  /** Wakes at the next interval change (which needs no event) to checkpoint it. */
  private _armBoundary(): void {
    if (this._boundary !== null) clearTimeout(this._boundary);
    this._boundary = null;
    if (this._disposed) return;
    const now = this._now();
    const ahead = this._timer.boundaries(24 * 3600 * 1000, now);
    const next = ahead[1];
    if (!next || this._timer.state(now).status !== TimerStatus.Running) return;
    const delay = Math.max(0, next.startMs - this._timer.activeAt(now));
    this._boundary = setTimeout(() => this._onChange(), Math.min(delay + 5, 2 ** 31 - 1));
  }

  /** Keeps the run as it stands; written at once, or as soon as storage opens (only the newest). */
  private _checkpoint(index: number, force = false): void {
    if (!force && index === this._lastIndex && this._timer.events.length === this._checkpointedEvents) return;
    this._lastIndex = index;
    this._checkpointedEvents = this._timer.events.length;
    this._nextCheckpoint = {
      sessionId: this.info.sessionId,
      workoutId: this.info.workoutId,
      title: this._plan.title,
      source: this.info.source,
      choices: { ...this.info.choices },
      week: this.info.week,
      events: [...this._timer.events],
      index,
      savedAt: this._now(),
    };
    if (this._checkpointQueued) return;
    this._checkpointQueued = true;
    this._enqueue(async (store) => {
      this._checkpointQueued = false;
      const checkpoint = this._nextCheckpoint;
      this._nextCheckpoint = null;
      if (!checkpoint || this._over) return;
      await store.saveCheckpoint(checkpoint);
    }).then(
      () => {
        if (this._error !== null && this._state !== SaveState.Failed) {
          this._error = null;
          this._notify();
        }
      },
      (e: unknown) => {
        // The run goes on; the checkpoint is tried again at the next change (or heartbeat).
        this._checkpointQueued = false;
        this._lastIndex = -1;
        this._error = describe(e);
        this._notify();
      },
    );
  }

  private async _finish(): Promise<void> {
    this._over = true;
    await this._write(sessionRecord(this.info, this._plan, this._timer, this._now()), true);
    if (this._saved) {
      this._releaseLock?.();
      this._releaseLock = null;
    }
  }

  private async _write(record: SessionRecord, finishing = false): Promise<void> {
    this._pending = record;
    this._state = SaveState.Saving;
    this._notify();
    try {
      await this._enqueue((store) => (finishing ? store.finishRun(record) : store.saveSession(record)));
      if (this._pending === record) {
        this._pending = null;
        this._saved = record;
        this._state = SaveState.Saved;
        this._error = null;
        this._attempt = 0;
        this._stopRetry();
        this._releaseLock?.();
        this._releaseLock = null;
      }
    } catch (e) {
      if (this._pending !== record) return;
      this._state = SaveState.Failed;
      this._error = describe(e);
      const delay = RETRY_MS[Math.min(this._attempt, RETRY_MS.length - 1)]!;
      this._attempt++;
      this._stopRetry();
      this._retry = setTimeout(() => {
        const pending = this._pending;
        if (pending) void this._write(pending, this._saved === null);
      }, delay);
    }
    this._notify();
  }

  /** Tries a failed write again now ("Retry" button). */
  retryNow(): void {
    const pending = this._pending;
    if (!pending || this._state !== SaveState.Failed) return;
    this._stopRetry();
    void this._write(pending, this._saved === null);
  }

  private _stopRetry(): void {
    if (this._retry !== null) clearTimeout(this._retry);
    this._retry = null;
  }

  private _notify(): void {
    for (const l of this._listeners) l();
  }
}

/** Shown while storage hasn't opened: the run is safe in memory, not yet on the device. */
export const NOT_OPEN =
  "Storage isn't open yet (another Aquajog tab may be holding it, or the browser refuses it). This run is kept in memory and saved as soon as it opens.";

/** A storage failure, in words a swimmer can act on. */
export function describe(e: unknown): string {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return 'The phone is out of storage space for Aquajog. Free some space; Aquajog keeps trying.';
  if (name === 'InvalidStateError' || name === 'AbortError') return 'The browser closed the storage connection. Aquajog keeps trying.';
  return `Saving failed (${name ?? String(e)}). Aquajog keeps trying.`;
}
