/**
 * One wake-up a second for everything a running workout does on the second:
 * the screen's ticking digits, the cue scheduler's look-ahead, the cue track's
 * drift check, the run's heartbeat checkpoint. Each used to arm a timeout of
 * its own; a page woken for each pays the task's fixed cost each time (about
 * 0.2-0.3 ms of main-thread time in Chromium, more than the work itself), so
 * they share this one.
 *
 * It fires exactly when what a clock shows next changes (msToNextSecond: the
 * interval's seconds, or a tempo phase's), so the screen is never late for a
 * second, and only while the timer runs: a paused or finished run wakes no one.
 * Timer events (pause, skip, ...) re-aim it; they don't call the listeners,
 * who hear of events from the timer itself.
 */
import { msToNextSecond, TimerStatus, type Timer, type TimerState } from '../engine/timer';

/** The shortest wait between two pulses (no busy loop even at a boundary). */
export const MIN_PULSE_MS = 20;

export type PulseListener = (state: TimerState) => void;

export class SecondPulse {
  private readonly _listeners: { readonly fn: PulseListener; readonly order: number }[] = [];
  private _timeout: ReturnType<typeof setTimeout> | null = null;
  private _unsubscribe: (() => void) | null = null;

  constructor(readonly timer: Timer) {}

  /**
   * Calls `listener` with the timer's state at every pulse, until the returned
   * function is called. Listeners run by ascending `order`, then in the order
   * they came (the screen goes first: its lateness is what a person sees).
   */
  subscribe(listener: PulseListener, order = 0): () => void {
    const entry = { fn: listener, order };
    const at = this._listeners.findIndex((l) => l.order > order);
    this._listeners.splice(at < 0 ? this._listeners.length : at, 0, entry);
    if (!this._unsubscribe) this._unsubscribe = this.timer.subscribe(() => this._arm());
    this._arm();
    return () => {
      const i = this._listeners.indexOf(entry);
      if (i >= 0) this._listeners.splice(i, 1);
      if (this._listeners.length === 0) this.dispose();
    };
  }

  /** Stops the pulse and lets go of every listener. */
  dispose(): void {
    this._listeners.length = 0;
    this._unsubscribe?.();
    this._unsubscribe = null;
    this._clear();
  }

  private _arm(): void {
    this._clear();
    if (this._listeners.length === 0) return;
    const s = this.timer.state();
    if (s.status !== TimerStatus.Running) return;
    this._timeout = setTimeout(() => this._fire(), Math.max(MIN_PULSE_MS, msToNextSecond(s)));
  }

  private _fire(): void {
    this._timeout = null;
    const s = this.timer.state();
    // A copy: a listener may unsubscribe (or subscribe another) while they run.
    for (const { fn } of [...this._listeners]) fn(s);
    // Unless a listener's event already re-aimed it.
    if (this._timeout === null) this._arm();
  }

  private _clear(): void {
    if (this._timeout !== null) clearTimeout(this._timeout);
    this._timeout = null;
  }
}
