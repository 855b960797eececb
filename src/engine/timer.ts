/**
 * The timer engine. Pure: it takes an expanded plan and an injected clock.
 *
 * A run is an event log (start, pause, resume, skip, back, done, end), each
 * stamped with the clock. The position is derived from `now - startedAt` minus
 * pauses: interval boundaries are exact sums of planned durations, so there is
 * no drift however long the workout runs, and the log alone is enough to
 * rebuild the run after a reload.
 */
import type { Interval, Plan } from '../dsl/plan';
import type { Clock } from './clock';

export const TimerStatus = {
  Ready: 'ready',
  Running: 'running',
  Paused: 'paused',
  /** Every interval ran. */
  Finished: 'finished',
  /** The athlete ended the workout early. */
  Ended: 'ended',
} as const;
export type TimerStatus = (typeof TimerStatus)[keyof typeof TimerStatus];

export const TimerEventType = {
  Start: 'start',
  Pause: 'pause',
  Resume: 'resume',
  Skip: 'skip',
  Back: 'back',
  Done: 'done',
  End: 'end',
} as const;
export type TimerEventType = (typeof TimerEventType)[keyof typeof TimerEventType];

export interface TimerEvent {
  readonly type: TimerEventType;
  /** Clock time of the event, in ms. */
  readonly at: number;
}

export const RepPhase = { Up: 'up', Hold: 'hold', Down: 'down' } as const;
export type RepPhase = (typeof RepPhase)[keyof typeof RepPhase];

export interface RepState {
  /** 1-based rep number. */
  readonly index: number;
  readonly count: number;
  readonly phase: RepPhase;
  readonly phaseRemainingMs: number;
}

export interface TimerState {
  readonly status: TimerStatus;
  /** Index of the current interval (the one ended at, once ended; the length of the plan once finished). */
  readonly index: number;
  readonly interval: Interval | null;
  readonly next: Interval | null;
  /** Active time (pauses excluded) since the start, in ms. */
  readonly activeMs: number;
  /** Active time at which the current interval began. */
  readonly intervalStartMs: number;
  readonly intervalElapsedMs: number;
  /** Null for untimed intervals (reps without tempo, open steps). */
  readonly intervalRemainingMs: number | null;
  /** The current interval waits for Done. */
  readonly awaitingDone: boolean;
  /** Planned time of all timed intervals. */
  readonly totalMs: number;
  /** Planned time left: the rest of this interval and every later timed one. */
  readonly remainingMs: number;
  /** 0..1 through the planned time. */
  readonly progress: number;
  /** The rep being paced, for reps with a tempo. */
  readonly rep: RepState | null;
}

/** A change of interval the timer expects, absent any event. */
export interface Boundary {
  readonly index: number;
  /** Active time (ms) at which interval `index` starts. */
  readonly startMs: number;
}

export type TimerListener = (event: TimerEvent) => void;

export class Timer {
  private readonly _durations: (number | null)[];
  /** `_suffix[i]`: planned ms of the timed intervals from `i` to the end. */
  private readonly _suffix: number[];
  private readonly _events: TimerEvent[] = [];
  private readonly _listeners = new Set<TimerListener>();

  private _startedAt: number | null = null;
  private _pausedMs = 0;
  private _pausedAt: number | null = null;
  /** Active time and clock time of the End event: the active clock stops there. */
  private _endedAt: number | null = null;
  private _endedClock = 0;
  /** The current interval and the active time it began; settled forward lazily. */
  private _index = 0;
  private _intervalStart = 0;
  /** Active ms spent in each interval so far (intervals left behind). */
  private readonly _spent: number[];

  constructor(
    readonly plan: Plan,
    private readonly _clock: Clock,
    events: readonly TimerEvent[] = [],
  ) {
    this._durations = plan.intervals.map((i) => (i.duration === null ? null : i.duration * 1000));
    this._spent = new Array<number>(this._durations.length).fill(0);
    this._suffix = new Array<number>(this._durations.length + 1).fill(0);
    for (let i = this._durations.length - 1; i >= 0; i--) this._suffix[i] = this._suffix[i + 1]! + (this._durations[i] ?? 0);
    for (const e of events) this._apply(e);
  }

  /** The log so far: with the plan, everything needed to rebuild this run. */
  get events(): readonly TimerEvent[] {
    return this._events;
  }

  get startedAt(): number | null {
    return this._startedAt;
  }

  /** Total paused time so far (ms), including a pause in progress. */
  pausedMs(now = this._clock.now()): number {
    return this._pausedMs + (this._pausedAt !== null ? Math.max(0, now - this._pausedAt) : 0);
  }

  subscribe(listener: TimerListener): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  start(): boolean {
    return this._record(TimerEventType.Start);
  }

  pause(): boolean {
    return this._record(TimerEventType.Pause);
  }

  resume(): boolean {
    return this._record(TimerEventType.Resume);
  }

  /** On to the next interval now. */
  skip(): boolean {
    return this._record(TimerEventType.Skip);
  }

  /** Back to the start of the previous interval (or of the first). */
  back(): boolean {
    return this._record(TimerEventType.Back);
  }

  /** Ends an untimed interval (reps without tempo, open steps). */
  done(): boolean {
    return this._record(TimerEventType.Done);
  }

  /** Ends the workout early. */
  end(): boolean {
    return this._record(TimerEventType.End);
  }

  get status(): TimerStatus {
    return this.state().status;
  }

  /** Active time at clock time `now`. */
  activeAt(now = this._clock.now()): number {
    return this._activeAt(now);
  }

  /** Clock time at which active time `activeMs` is reached, if the timer keeps running. */
  clockTimeOf(activeMs: number): number {
    return (this._startedAt ?? this._clock.now()) + this._pausedMs + activeMs;
  }

  state(now = this._clock.now()): TimerState {
    const active = this._activeAt(now);
    this._settle(active);
    const count = this._durations.length;
    const finished = this._index >= count;
    const index = Math.min(this._index, count);
    const interval = this.plan.intervals[index] ?? null;
    const duration = this._durations[index] ?? null;
    const elapsed = finished ? 0 : Math.max(0, active - this._intervalStart);
    const remaining = duration === null ? null : Math.max(0, duration - elapsed);
    const remainingMs = finished ? 0 : (remaining ?? 0) + this._suffix[index + 1]!;
    const totalMs = this._suffix[0]!;
    let status: TimerStatus;
    if (this._startedAt === null) status = TimerStatus.Ready;
    else if (this._endedAt !== null) status = TimerStatus.Ended;
    else if (finished) status = TimerStatus.Finished;
    else if (this._pausedAt !== null) status = TimerStatus.Paused;
    else status = TimerStatus.Running;
    return {
      status,
      index,
      interval,
      next: this.plan.intervals[index + 1] ?? null,
      activeMs: active,
      intervalStartMs: this._intervalStart,
      intervalElapsedMs: elapsed,
      intervalRemainingMs: remaining,
      awaitingDone: !finished && duration === null && status !== TimerStatus.Ended,
      totalMs,
      remainingMs,
      progress: totalMs === 0 ? (finished ? 1 : index / Math.max(1, count)) : 1 - remainingMs / totalMs,
      rep: interval && !finished ? repState(interval, elapsed) : null,
    };
  }

  /**
   * The interval changes ahead, if nothing intervenes, starting with the
   * current interval, up to `horizonMs` of active time past now. Stops at an
   * untimed interval, whose end no one can know.
   */
  boundaries(horizonMs: number, now = this._clock.now()): Boundary[] {
    const active = this._activeAt(now);
    this._settle(active);
    const out: Boundary[] = [];
    let index = this._index;
    let start = this._intervalStart;
    while (index <= this._durations.length && start <= active + horizonMs) {
      out.push({ index, startMs: start });
      const d = this._durations[index];
      if (d === null || d === undefined) break;
      start += d;
      index++;
    }
    return out;
  }

  private _activeAt(now: number): number {
    if (this._startedAt === null) return 0;
    const end = this._pausedAt ?? (this._endedAt !== null ? this._endedClock : now);
    return Math.max(this._intervalStart, end - this._startedAt - this._pausedMs);
  }

  /** Moves the current interval forward past every timed interval that ended by `active`. */
  private _settle(active: number): void {
    for (;;) {
      const d = this._durations[this._index];
      if (d === null || d === undefined || this._intervalStart + d > active) return;
      this._spent[this._index] = (this._spent[this._index] ?? 0) + d;
      this._intervalStart += d;
      this._index++;
    }
  }

  /** Counts the time spent in the current interval up to `active`. */
  private _leave(active: number): void {
    this._spent[this._index] = (this._spent[this._index] ?? 0) + Math.max(0, active - this._intervalStart);
  }

  /**
   * Active ms spent in each interval, including the current one so far. An
   * interval run twice (after Back) counts both times; a skipped one, what it got.
   */
  spentMs(now = this._clock.now()): number[] {
    const active = this._activeAt(now);
    this._settle(active);
    const out = [...this._spent];
    if (this._endedAt === null && this._index < out.length) out[this._index]! += Math.max(0, active - this._intervalStart);
    return out;
  }

  private _record(type: TimerEventType): boolean {
    const event: TimerEvent = { type, at: this._clock.now() };
    if (!this._apply(event)) return false;
    for (const l of this._listeners) l(event);
    return true;
  }

  /** Applies an event if it makes sense now; returns whether it did. */
  private _apply(e: TimerEvent): boolean {
    const count = this._durations.length;
    if (e.type === TimerEventType.Start) {
      if (this._startedAt !== null) return false;
      this._startedAt = e.at;
      this._events.push(e);
      return true;
    }
    if (this._startedAt === null || this._endedAt !== null) return false;
    const active = this._activeAt(e.at);
    this._settle(active);
    const finished = this._index >= count;
    switch (e.type) {
      case TimerEventType.Pause:
        if (this._pausedAt !== null || finished) return false;
        this._pausedAt = e.at;
        break;
      case TimerEventType.Resume:
        if (this._pausedAt === null) return false;
        this._pausedMs += Math.max(0, e.at - this._pausedAt);
        this._pausedAt = null;
        break;
      case TimerEventType.Skip:
      case TimerEventType.Done:
        if (finished) return false;
        if (e.type === TimerEventType.Done && this._durations[this._index] !== null) return false;
        this._leave(active);
        this._index++;
        this._intervalStart = active;
        break;
      case TimerEventType.Back:
        if (finished) return false;
        this._leave(active);
        this._index = Math.max(0, this._index - 1);
        this._intervalStart = active;
        break;
      case TimerEventType.End:
        if (finished) return false;
        if (this._pausedAt !== null) {
          this._pausedMs += Math.max(0, e.at - this._pausedAt);
          this._pausedAt = null;
        }
        this._leave(active);
        this._intervalStart = active;
        this._endedAt = active;
        this._endedClock = e.at;
        break;
    }
    this._events.push(e);
    return true;
  }
}

/**
 * Active ms from `s` until what a clock shows of it next changes: the
 * interval's time left (or, untimed, its time so far) turns a whole second,
 * or a tempo phase's seconds do. Between 1 and 1000.
 */
export function msToNextSecond(s: TimerState): number {
  const candidates: number[] = [s.intervalRemainingMs === null ? 1000 - (s.intervalElapsedMs % 1000) : s.intervalRemainingMs % 1000 || 1000];
  if (s.rep) candidates.push(s.rep.phaseRemainingMs % 1000 || 1000);
  return Math.min(1000, ...candidates.filter((c) => c > 0));
}

/** Which rep and phase a tempo-paced interval is in after `elapsedMs`. */
export function repState(interval: Interval, elapsedMs: number): RepState | null {
  const t = interval.tempo;
  if (!t || interval.reps === null) return null;
  const cycle = (t.up + t.hold + t.down) * 1000;
  if (cycle === 0) return null;
  const rep = Math.min(interval.reps - 1, Math.floor(elapsedMs / cycle));
  const within = Math.min(elapsedMs - rep * cycle, cycle);
  const up = t.up * 1000;
  const hold = t.hold * 1000;
  let phase: RepPhase;
  let phaseEnd: number;
  if (within < up) [phase, phaseEnd] = [RepPhase.Up, up];
  else if (within < up + hold) [phase, phaseEnd] = [RepPhase.Hold, up + hold];
  else [phase, phaseEnd] = [RepPhase.Down, cycle];
  return { index: rep + 1, count: interval.reps, phase, phaseRemainingMs: Math.max(0, phaseEnd - within) };
}
