/**
 * Time is injected. The engine reads a clock in milliseconds and derives
 * everything from absolute times, never from counting ticks.
 */
export interface Clock {
  /** Milliseconds on a clock that does not jump backwards during a workout. */
  now(): number;
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private _now = 0) {}

  now(): number {
    return this._now;
  }

  /** Moves the clock forward by `ms`. */
  advance(ms: number): void {
    this._now += ms;
  }

  set(ms: number): void {
    this._now = ms;
  }
}
