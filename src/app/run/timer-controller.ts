import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msToNextSecond, type Timer, type TimerState } from '../../engine/timer';
import type { SecondPulse } from '../../platform/pulse';

/** The shortest wait between two scheduled redraws (no busy loop even at a boundary). */
export const MIN_UPDATE_MS = 20;

/** A host that can show a new second by itself, without a render. */
export interface TickingHost {
  /**
   * Shows `state` by rewriting only what ticks (the digits), if nothing else
   * it draws has changed; false when it needs a full render instead.
   */
  tickInPlace(state: TimerState): boolean;
}

/**
 * Connects an element to the timer engine. It re-renders the host on every
 * engine event and, while running, exactly when the displayed seconds (or the
 * tempo phase) next change: once a second, never a busy loop. A second that
 * changes only the ticking texts goes to the host's `tickInPlace` when it has
 * one (no render, no update cycle), else to `requestUpdate()`.
 *
 * Given the run's SecondPulse, it wakes with everything else that runs on the
 * second; without one it owns the only timeout. The host owns no intervals.
 */
export class TimerController implements ReactiveController {
  private _timer: Timer | null = null;
  private _pulse: SecondPulse | null = null;
  private _unsubscribe: (() => void) | null = null;
  private _offPulse: (() => void) | null = null;
  private _timeout: ReturnType<typeof setTimeout> | null = null;
  private _connected = false;
  /** The latest state; read it in `render()`. */
  state: TimerState | null = null;

  constructor(private readonly _host: ReactiveControllerHost & Partial<TickingHost>) {
    _host.addController(this);
  }

  get timer(): Timer | null {
    return this._timer;
  }

  set timer(timer: Timer | null) {
    if (timer === this._timer) return;
    this._detach();
    this._timer = timer;
    if (this._connected) this._attach();
    else this.state = timer?.state() ?? null;
  }

  /** The run's shared second (its timer must be this controller's timer), or null for a timeout of its own. */
  get pulse(): SecondPulse | null {
    return this._pulse;
  }

  set pulse(pulse: SecondPulse | null) {
    if (pulse === this._pulse) return;
    this._detach();
    this._pulse = pulse;
    if (this._connected) this._attach();
  }

  hostConnected(): void {
    this._connected = true;
    this._attach();
  }

  hostDisconnected(): void {
    this._connected = false;
    this._detach();
  }

  /** Reads the engine now and redraws. */
  refresh(): void {
    this.state = this._timer?.state() ?? null;
    this._host.requestUpdate();
    this._schedule();
  }

  private _attach(): void {
    if (!this._timer) return this.refresh();
    this._unsubscribe = this._timer.subscribe(() => this.refresh());
    // The screen first on the shared second: its lateness is what a person sees.
    if (this._pulse?.timer === this._timer) this._offPulse = this._pulse.subscribe((s) => this._second(s), -1);
    this.refresh();
  }

  private _detach(): void {
    this._unsubscribe?.();
    this._unsubscribe = null;
    this._offPulse?.();
    this._offPulse = null;
    if (this._timeout !== null) clearTimeout(this._timeout);
    this._timeout = null;
  }

  /** A new second (no event): drawn in place when the host can. */
  private _second(s: TimerState): void {
    this.state = s;
    if (!this._host.tickInPlace?.(s)) this._host.requestUpdate();
  }

  private _schedule(): void {
    if (this._timeout !== null) clearTimeout(this._timeout);
    this._timeout = null;
    const s = this.state;
    if (!s || s.status !== 'running' || this._offPulse) return;
    // The next moment the screen would show something different.
    const delay = Math.max(MIN_UPDATE_MS, msToNextSecond(s));
    this._timeout = setTimeout(() => {
      this._timeout = null;
      this._second(this._timer?.state() ?? s);
      this._schedule();
    }, delay);
  }
}
