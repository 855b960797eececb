/**
 * Keeps a running workout safe: checkpoints it at every event and interval
 * change, and saves the session when it finishes or is ended early. A write
 * that fails (a full disk, a closed connection) is kept in memory, shown, and
 * retried until it lands.
 */
import type { Plan } from '../dsl/plan';
import { TimerStatus, type Timer } from '../engine/timer';
import type { Store } from '../storage/db';
import type { Checkpoint, SessionRecord } from '../storage/schema';

export const SaveState = {
  Idle: 'idle',
  Saving: 'saving',
  Saved: 'saved',
  /** A write failed; it is being retried. */
  Failed: 'failed',
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
    endedAt: now,
    plannedSeconds: plan.totalSeconds,
    activeSeconds: Math.round(state.activeMs / 1000),
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

export class RunRecorder {
  private _state: SaveState = SaveState.Idle;
  private _error: string | null = null;
  private _pending: SessionRecord | null = null;
  private _saved: SessionRecord | null = null;
  private _retry: ReturnType<typeof setTimeout> | null = null;
  private _attempt = 0;
  private _boundary: ReturnType<typeof setTimeout> | null = null;
  private _heartbeat: ReturnType<typeof setInterval> | null = null;
  private _lastIndex = -1;
  private _checkpointedEvents = 0;
  private readonly _listeners = new Set<() => void>();
  private readonly _unsubscribe: () => void;
  private _releaseLock: (() => void) | null = null;
  private _disposed = false;

  constructor(
    private readonly _store: Store,
    readonly info: RunInfo,
    private readonly _plan: Plan,
    private readonly _timer: Timer,
    private readonly _now: () => number = () => Date.now(),
  ) {
    this._unsubscribe = _timer.subscribe(() => this._onChange());
    this._heartbeat = setInterval(() => {
      if (this._timer.state(this._now()).status === TimerStatus.Running) void this._checkpoint(this._timer.state(this._now()).index, true);
    }, HEARTBEAT_MS);
    this._holdLock();
    if (_timer.startedAt !== null) this._onChange();
  }

  get state(): SaveState {
    return this._state;
  }

  /** Why the last write failed, for the person to read. */
  get error(): string | null {
    return this._error;
  }

  /** The session as last saved (null until the run is over). */
  get saved(): SessionRecord | null {
    return this._saved;
  }

  onChange(listener: () => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /** Updates the saved session's effort, pain and note (after the run). */
  async annotate(patch: Partial<Pick<SessionRecord, 'rpe' | 'pain' | 'note'>>): Promise<void> {
    const base = this._pending ?? this._saved;
    if (!base) return;
    await this._write({ ...base, ...patch, updatedAt: Math.max(this._now(), base.updatedAt + 1) });
  }

  dispose(): void {
    this._disposed = true;
    this._unsubscribe();
    if (this._boundary !== null) clearTimeout(this._boundary);
    if (this._heartbeat !== null) clearInterval(this._heartbeat);
    this._heartbeat = null;
    // A failed write is kept until it lands, even after the screen is gone.
    if (!this._pending) this._stopRetry();
    this._releaseLock?.();
    this._releaseLock = null;
  }

  /** Holds a Web Lock while the run is live, so another tab knows not to offer to resume it. */
  private _holdLock(): void {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (!locks) return;
    void locks.request(`aquajog-run:${this.info.sessionId}`, () => new Promise<void>((release) => (this._releaseLock = release))).catch(() => undefined);
  }

  private _onChange(): void {
    const state = this._timer.state(this._now());
    if (state.status === TimerStatus.Ready) return;
    if (state.status === TimerStatus.Finished || state.status === TimerStatus.Ended) {
      if (this._boundary !== null) clearTimeout(this._boundary);
      if (this._heartbeat !== null) clearInterval(this._heartbeat);
      this._heartbeat = null;
      if (!this._saved && !this._pending) void this._finish();
      return;
    }
    void this._checkpoint(state.index);
    this._armBoundary();
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

  private async _checkpoint(index: number, force = false): Promise<void> {
    if (!force && index === this._lastIndex && this._timer.events.length === this._checkpointedEvents) return;
    this._lastIndex = index;
    this._checkpointedEvents = this._timer.events.length;
    const checkpoint: Checkpoint = {
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
    try {
      await this._store.saveCheckpoint(checkpoint);
      if (this._error !== null && this._state !== SaveState.Failed) {
        this._error = null;
        this._notify();
      }
    } catch (e) {
      // The run goes on; the checkpoint is tried again at the next change.
      this._lastIndex = -1;
      this._error = describe(e);
      this._notify();
    }
  }

  private async _finish(): Promise<void> {
    await this._write(sessionRecord(this.info, this._plan, this._timer, this._now()), true);
    this._releaseLock?.();
    this._releaseLock = null;
  }

  private async _write(record: SessionRecord, finishing = false): Promise<void> {
    this._pending = record;
    this._state = SaveState.Saving;
    this._notify();
    try {
      if (finishing) await this._store.finishRun(record);
      else await this._store.saveSession(record);
      if (this._pending === record) {
        this._pending = null;
        this._saved = record;
        this._state = SaveState.Saved;
        this._error = null;
        this._attempt = 0;
        this._stopRetry();
      }
    } catch (e) {
      this._state = SaveState.Failed;
      this._error = describe(e);
      const delay = RETRY_MS[Math.min(this._attempt, RETRY_MS.length - 1)]!;
      this._attempt++;
      this._stopRetry();
      this._retry = setTimeout(() => {
        const pending = this._pending;
        if (pending) void this._write(pending, finishing);
      }, delay);
    }
    this._notify();
  }

  /** Tries a failed write again now ("Retry" button). */
  retryNow(): void {
    const pending = this._pending;
    if (!pending) return;
    this._stopRetry();
    void this._write(pending, !this._saved);
  }

  private _stopRetry(): void {
    if (this._retry !== null) clearTimeout(this._retry);
    this._retry = null;
  }

  private _notify(): void {
    for (const l of this._listeners) l();
  }
}

/** A storage failure, in words a swimmer can act on. */
export function describe(e: unknown): string {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return 'The phone is out of storage space for Aquajog. Free some space; Aquajog keeps trying.';
  if (name === 'InvalidStateError' || name === 'AbortError') return 'The browser closed the storage connection. Aquajog keeps trying.';
  return `Saving failed (${name ?? String(e)}). Aquajog keeps trying.`;
}
