/**
 * The look-ahead scheduler: every tick it books the cues of the next
 * LOOKAHEAD_MS of the engine's timeline on the audio clock. Any event (pause,
 * skip, back, Done) cancels what was booked and books again from the new
 * position. Cues whose time has passed are dropped, never played in a burst.
 */
import { intervalCues, SPEECH_DELAY_MS, type Cue, type CueOptions } from '../engine/cues';
import { msToNextSecond, TimerStatus, type Timer } from '../engine/timer';
import type { AudioOut } from './audio';
import type { SecondPulse } from './pulse';
import type { SpeechPort } from './speech';
import type { Vibrator } from './vibration';

/**
 * Cues are booked at least LOOKAHEAD_MS - TICK_MS (1.5 s) ahead on the audio
 * clock, so a main thread stalled that long still plays them on time. The
 * tick comes at most TICK_MS apart, on the instants the timer's clock turns a
 * second (msToNextSecond), which are the instants the screen redraws: given
 * the run's SecondPulse, it rides on that same wake-up instead of its own.
 * A tick with no cue coming into reach returns at once (see _quietUntil):
 * most seconds of a workout book nothing, least of all while the cue track
 * sounds the tones and only speech and vibration are booked here.
 */
export const LOOKAHEAD_MS = 2500;
export const TICK_MS = 1000;
/** The shortest wait between two ticks (no busy loop at a boundary). */
const MIN_TICK_MS = 20;
/** Speech or vibration later than this is dropped. */
const LATE_SIDE_CUE_MS = 500;
/** A cue this late is still played (timer jitter); later ones are dropped. */
const GRACE_MS = 60;

export interface CueSchedulerDeps {
  readonly timer: Timer;
  readonly audio: AudioOut;
  readonly speech: SpeechPort;
  readonly vibrator: Vibrator;
  readonly options: () => CueOptions;
  /** Told of every cue booked, with its context time (for tests and benchmarks). */
  readonly onBooked?: (cue: Cue, contextTime: number | null) => void;
  /** The run's shared second: ticks on it instead of a timeout of its own. */
  readonly pulse?: SecondPulse;
}

export class CueScheduler {
  private readonly _booked = new Set<string>();
  private readonly _timeouts = new Set<ReturnType<typeof setTimeout>>();
  /**
   * The cues of the intervals in the look-ahead, by interval, start and
   * options: worked out once each, not on every tick (a tick's code runs once
   * a second, never warm).
   */
  private readonly _cues = new Map<string, readonly Cue[]>();
  private _started = false;
  /** The next tick, while started and the timer runs (paused or over, events wake it: see start()). */
  private _next: ReturnType<typeof setTimeout> | null = null;
  private _unsubscribe: (() => void) | null = null;
  private _offPulse: (() => void) | null = null;
  /**
   * Active time (ms) up to which no cue not yet booked can come into the
   * look-ahead: a tick before then has nothing to do. Reset by every event.
   */
  private _quietUntil = -Infinity;

  constructor(private readonly _deps: CueSchedulerDeps) {}

  start(): void {
    if (this._started) return;
    this._started = true;
    this._unsubscribe = this._deps.timer.subscribe(() => this.reschedule());
    // Most seconds have nothing coming into reach: the pulse's own reading of the timer says so, with no other.
    this._offPulse = this._deps.pulse?.subscribe((s) => s.activeMs >= this._quietUntil && this.tick()) ?? null;
    this.tick();
  }

  stop(): void {
    this._started = false;
    this._clearNext();
    this._unsubscribe?.();
    this._unsubscribe = null;
    this._offPulse?.();
    this._offPulse = null;
    this.cancel();
  }

  /** Drops everything booked; the next tick books from the current position. */
  cancel(): void {
    this._deps.audio.cancelAll();
    for (const t of this._timeouts) clearTimeout(t);
    this._timeouts.clear();
    this._booked.clear();
    this._quietUntil = -Infinity;
  }

  reschedule(): void {
    this.cancel();
    this.tick();
  }

  /** Books every cue due within the look-ahead window that isn't booked yet. */
  tick(): void {
    const { timer, audio, options } = this._deps;
    this._clearNext();
    const state = timer.state();
    if (state.status !== TimerStatus.Running) return;
    if (this._started && !this._offPulse) {
      this._next = setTimeout(
        () => {
          this._next = null;
          this.tick();
        },
        Math.max(MIN_TICK_MS, Math.min(TICK_MS, msToNextSecond(state))),
      );
    }
    // The engine's clock and the audio clock read back to back: the gap between them is the cues' error.
    const active = timer.activeAt();
    if (active < this._quietUntil) return;
    const ctxNow = audio.now();
    const opts = options();
    const ahead = new Map<string, readonly Cue[]>();
    const boundaries = timer.boundaries(LOOKAHEAD_MS);
    // The earliest cue still to book: the start of the interval after the last one in reach, unless it waits for Done.
    const last = boundaries.at(-1);
    const lastLength = last ? timer.plan.intervals[last.index]?.duration : null;
    let nextCue = last && lastLength != null ? last.startMs + lastLength * 1000 : Infinity;
    for (const b of boundaries) {
      const key = `${b.index} ${b.startMs} ${opts.countdownSeconds}`;
      const cues = this._cues.get(key) ?? intervalCues(timer.plan, b.index, b.startMs, opts);
      ahead.set(key, cues);
      for (const cue of cues) {
        if (cue.atMs >= active + LOOKAHEAD_MS) nextCue = Math.min(nextCue, cue.atMs);
        if (cue.atMs < active - GRACE_MS || cue.atMs >= active + LOOKAHEAD_MS || this._booked.has(cue.id)) continue;
        this._booked.add(cue.id);
        const delay = Math.max(0, cue.atMs - active);
        const when = ctxNow === null ? null : ctxNow + delay / 1000;
        if (when !== null) audio.book(cue, when);
        this._later(delay, () => {
          if (cue.vibrate) this._deps.vibrator.vibrate(cue.vibrate);
        });
        if (cue.speech) this._later(delay + SPEECH_DELAY_MS, () => this._deps.speech.speak(cue.speech!));
        this._deps.onBooked?.(cue, when);
      }
    }
    // Only the intervals still in reach are kept.
    this._cues.clear();
    for (const [key, cues] of ahead) this._cues.set(key, cues);
    // Every interval's cues come at or after its start, so nothing else can come into reach before this.
    this._quietUntil = nextCue - LOOKAHEAD_MS;
  }

  private _clearNext(): void {
    if (this._next !== null) clearTimeout(this._next);
    this._next = null;
  }

  /**
   * Speech and vibration can't be booked on the audio clock; they run from a
   * timeout. After a stall (a busy or suspended page) a late one is dropped, as
   * a late tone is: the athlete hears where things stand, not stale news.
   */
  private _later(ms: number, fn: () => void): void {
    const due = performance.now() + ms;
    const t = setTimeout(() => {
      this._timeouts.delete(t);
      if (performance.now() - due <= LATE_SIDE_CUE_MS) fn();
    }, ms);
    this._timeouts.add(t);
  }
}
