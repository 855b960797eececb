import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msToNextSecond, type Timer, type TimerState } from '../../engine/timer';

/** The shortest wait between two scheduled redraws (no busy loop even at a boundary). */
export const MIN_UPDATE_MS = 20;

/**
 * Connects an element to the timer engine. It re-renders the host on every
 * engine event and, while running, exactly when the displayed seconds (or the
 * tempo phase) next change: a handful of updates a second, never a busy loop.
 * It owns the only timeout; the host owns no intervals.
 */
export class TimerController implements ReactiveController {
  private _timer: Timer | null = null;
  private _unsubscribe: (() => void) | null = null;
  private _timeout: ReturnType<typeof setTimeout> | null = null;
  private _connected = false;
  /** The latest state; read it in `render()`. */
  state: TimerState | null = null;

  constructor(private readonly _host: ReactiveControllerHost) {
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
    this.refresh();
  }

  private _detach(): void {
    this._unsubscribe?.();
    this._unsubscribe = null;
    if (this._timeout !== null) clearTimeout(this._timeout);
    this._timeout = null;
  }

  private _schedule(): void {
    if (this._timeout !== null) clearTimeout(this._timeout);
    this._timeout = null;
    const s = this.state;
    if (!s || s.status !== 'running') return;
    // The next moment the screen would show something different.
    const delay = Math.max(MIN_UPDATE_MS, msToNextSecond(s));
    this._timeout = setTimeout(() => {
      this._timeout = null;
      this.refresh();
    }, delay);
  }
}
