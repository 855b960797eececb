/**
 * The cue track on a media element: every tone of the workout up to its next
 * untimed step, made into one WAV (src/engine/cue-track.ts) and played by one
 * <audio>. A locked phone or a frozen page stops the page's timers, not its
 * media, so the tones go on at the right second with no JavaScript running.
 *
 * The page keeps the track in step with the engine when it can run: after each
 * event (pause, resume, skip, back, Done: a seek, or a new segment), and on
 * return (visibilitychange, resume, pageshow), where only a seek across silence
 * corrects drift, so no tone is ever heard twice. While the track is in charge
 * the Web Audio scheduler books no tones (TrackAwareAudioOut); if the platform
 * can't play it (an error, play() refused), the scheduler takes over.
 *
 * Memory: a track is built a second at a time. Seconds without a tone are all
 * cut from one shared 30-second silent Blob, and a sounding second the same as
 * an earlier one is its Blob again, so an 80-minute track holds only its
 * distinct sounding seconds (1.6 MB for 80 minutes of intervals, with the
 * silence); the browser keeps Blob data out of the JavaScript heap.
 */
import type { Plan } from '../dsl/plan';
import {
  TRACK_RATE,
  soundingChunks,
  stretchKey,
  synthesize,
  toPcm16,
  trackSamples,
  trackSegment,
  trackTimeOf,
  trackTones,
  wavHeader,
  type TrackSegment,
} from '../engine/cue-track';
import type { Cue, CueOptions } from '../engine/cues';
import { TimerStatus, type TimerState } from '../engine/timer';
import { AudioOut } from './audio';
import type { SecondPulse } from './pulse';

/** Track and engine may differ this much before a seek corrects it (ms). */
export const TRACK_TOLERANCE_MS = 25;
/**
 * A reading off by more than the tolerance is read again this much later
 * before a seek: Chromium's currentTime moves in steps of an audio buffer
 * (readings scatter by about 20 ms), and a seek to chase that would do harm.
 */
const CONFIRM_MS = 150;
/**
 * A reading off by more than this needs no second one: it is no scatter (the
 * track just started late, or a seek landed far off). Each check is a wake-up
 * of the page; the start of every run took several.
 */
const SURE_OFF_MS = 4 * TRACK_TOLERANCE_MS;
/** A correcting seek never lands this close to a tone (ms), so no tone is cut or heard twice. */
const TONE_GUARD_MS = 30;
/** How often a running page checks the track against the engine (ms); also after a blocked correction. */
export const TRACK_CHECK_MS = 5000;
/**
 * On the run's SecondPulse, the regular check is due this much before
 * TRACK_CHECK_MS and done at the first second after: every 4.5-5.5 s.
 */
const PULSE_SLACK_MS = 500;
/**
 * A seek's position is not worth checking before this (ms): the element reports
 * the target at once, and plays on from it a little later.
 */
const SEEK_SETTLE_MS = 800;
/** A stretch that stops at an untimed step has the one after it made this long after it loads (ms). */
const MAKE_NEXT_AFTER_MS = 2000;
/** Seconds of the one shared silence every silent run is cut from. */
const SILENCE_SECONDS = 30;

/** The shared silence, per sample rate: made once, used by every track after. */
const silences = new Map<number, Blob>();

export interface TrackBuild {
  readonly blob: Blob;
  /** Seconds of track. */
  readonly seconds: number;
  /** Seconds that hold a tone; every other second is the one shared silence. */
  readonly soundingSeconds: number;
  /** Sounding seconds that differ from every one before them: the only ones synthesised. */
  readonly distinctSeconds: number;
  /** Bytes of distinct sample data handed to the browser: the distinct sounding seconds and the 30 s of silence. */
  readonly distinctBytes: number;
  readonly buildMs: number;
}

/**
 * Makes the WAV of a segment a second at a time. A second the same as one
 * made before (the same tones at the same places in it) is that second's Blob
 * again, not new samples: an 80-minute workout's ~170 sounding seconds are a
 * few dozen distinct ones. The JavaScript heap holds one second of samples.
 */
export function buildTrack(segment: TrackSegment, volume = 1, rate = TRACK_RATE): TrackBuild {
  const t0 = performance.now();
  const chunk = rate;
  const total = trackSamples(segment.lengthMs, rate);
  const tones = trackTones(segment.cues, rate, volume);
  const sounding = soundingChunks(tones, chunk);
  // One piece of silence, sliced for every silent run: few parts, so the media element's reads cross few seams.
  let silence = silences.get(rate);
  if (!silence) silences.set(rate, (silence = new Blob([new Uint8Array(SILENCE_SECONDS * chunk * 2)])));
  const samples = new Float32Array(chunk);
  const made = new Map<string, Blob>();
  // Every part but the header is a Blob (a distinct second, or a slice of the silence): the samples live in the browser's blob storage, not the JS heap.
  const parts: BlobPart[] = [wavHeader(total, rate) as Uint8Array<ArrayBuffer>];
  let silent = 0;
  const flushSilence = () => {
    for (; silent > 0; silent -= Math.min(silent, SILENCE_SECONDS * chunk)) {
      const n = Math.min(silent, SILENCE_SECONDS * chunk);
      parts.push(n === SILENCE_SECONDS * chunk ? silence : silence.slice(0, n * 2));
    }
  };
  const chunks = Math.ceil(total / chunk);
  for (let c = 0; c < chunks; c++) {
    const length = Math.min(chunk, total - c * chunk);
    if (!sounding.has(c)) {
      silent += length;
      continue;
    }
    flushSilence();
    const key = stretchKey(tones, c * chunk, length);
    let part = made.get(key);
    if (!part) {
      samples.fill(0);
      const view = samples.subarray(0, length);
      synthesize(tones, c * chunk, view, rate);
      part = new Blob([toPcm16(view) as Uint8Array<ArrayBuffer>]);
      made.set(key, part);
    }
    parts.push(part);
  }
  flushSilence();
  const blob = new Blob(parts, { type: 'audio/wav' });
  return {
    blob,
    seconds: total / rate,
    soundingSeconds: sounding.size,
    distinctSeconds: made.size,
    distinctBytes: (made.size + SILENCE_SECONDS) * chunk * 2 + 44,
    buildMs: performance.now() - t0,
  };
}

export const TrackState = {
  /** No track: before the start, after the end, or never on this platform. */
  Off: 'off',
  /** A segment is loaded and meant to sound (playing, paused with the workout, or starting). */
  InCharge: 'in-charge',
  /** The platform could not play it: the Web Audio scheduler plays the tones. */
  Failed: 'failed',
} as const;
export type TrackState = (typeof TrackState)[keyof typeof TrackState];

export interface CueTrackDeps {
  readonly plan: Plan;
  /** The engine's state now (the track follows it). */
  readonly state: () => TimerState;
  readonly options: () => CueOptions;
  /** Volume 0..1 (iOS ignores a media element's volume: the buttons set it). */
  readonly volume: () => number;
  /** False while the athlete wants the cues over their own music: then there is no track (default: true). */
  readonly enabled?: () => boolean;
  readonly createElement?: () => HTMLAudioElement;
  /** The run's shared second: the regular check rides on it instead of a timeout of its own. */
  readonly pulse?: SecondPulse;
}

/** What the player tells its owner. */
export interface CueTrackEvents {
  /** The track took charge of the tones, or gave up (the scheduler must book again). */
  stateChanged(state: TrackState): void;
  /** The track (re)started playing: iOS wants Media Session handlers set again then. */
  playing?(): void;
}

export class CueTrackPlayer {
  private _el: HTMLAudioElement | null = null;
  private _url: string | null = null;
  private _segment: TrackSegment | null = null;
  /**
   * The stretch after the untimed step the loaded one stops at, made ahead
   * while the athlete does that step: Done then only has to play it.
   */
  private _next: { readonly index: number; readonly key: string; readonly segment: TrackSegment; readonly blob: Blob } | null = null;
  private _makeNext: ReturnType<typeof setTimeout> | null = null;
  private _optionsKey = '';
  private _state: TrackState = TrackState.Off;
  private _check: ReturnType<typeof setTimeout> | null = null;
  /** On the pulse: the regular check is due from this time (performance.now()), or null. */
  private _checkDue: number | null = null;
  private _offPulse: (() => void) | null = null;
  /**
   * How long a seek stalls playback on this device (ms), learned from each
   * correction: a seek lands this far ahead, so the track is in step once it plays on.
   */
  private _seekLagMs = 0;
  /**
   * The last seek was a correction while playing: a check after this time
   * (performance.now()) learns its stall from what is left. Right after a seek
   * the element reports the target before the audio really goes on.
   */
  private _learnAfter: number | null = null;
  /** A seek's stall has been learned once (later ones refine it by halves). */
  private _learned = false;
  /** No correction before this time (performance.now()): a seek is still settling. */
  private _settleUntil = 0;
  /** The previous reading was off in this direction (1 ahead, -1 behind): this one confirms it or not. */
  private _suspect: number | null = null;
  /** Seeks made to correct drift, and those held back by a tone (for tests and the bench). */
  readonly stats = { corrections: 0, heldBack: 0, segments: 0, seeks: 0, madeAhead: 0 };

  /** The stall of a seek while playing, as learned so far (ms). */
  get seekLagMs(): number {
    return this._seekLagMs;
  }

  constructor(
    private readonly _deps: CueTrackDeps,
    private readonly _events: CueTrackEvents = { stateChanged: () => undefined },
  ) {}

  get state(): TrackState {
    return this._state;
  }

  /** The track is the one sounding the tones: the Web Audio scheduler stands down. */
  get inCharge(): boolean {
    return this._state === TrackState.InCharge;
  }

  /** The media element, while there is one (tests read its position). */
  get element(): HTMLAudioElement | null {
    return this._el;
  }

  get segment(): TrackSegment | null {
    return this._segment;
  }

  /** The stretch made ahead for after the current untimed step, if made yet. */
  get ahead(): TrackSegment | null {
    return this._next?.segment ?? null;
  }

  /**
   * Track time (ms) the engine's state corresponds to, or null if the loaded
   * segment doesn't hold it.
   */
  expectedMs(s: TimerState): number | null {
    if (!this._segment) return null;
    return trackTimeOf(this._segment, s.index, s.intervalElapsedMs);
  }

  /**
   * Brings the track in line with the engine after an event: plays, pauses,
   * seeks, or loads the segment that holds the new position. Call it from the
   * Start tap the first time (media may only start in a gesture).
   */
  follow(): void {
    if (this._deps.enabled?.() === false) {
      // A playing track would take the audio focus from the athlete's music: none at all, the scheduler sounds the tones.
      if (this._el || this._state !== TrackState.Off) this.stop();
      return;
    }
    if (this._state === TrackState.Failed) return;
    const s = this._deps.state();
    if (s.status === TimerStatus.Ready) return;
    if (s.status === TimerStatus.Ended) return this.stop();
    if (s.status === TimerStatus.Finished) {
      // The finish fanfare is in the track, at this very moment: let it play out.
      this._clearCheck();
      return;
    }
    const options = this._deps.options();
    const key = JSON.stringify(options);
    let target = key === this._optionsKey ? this.expectedMs(s) : null;
    if (target === null) {
      this._load(s.index, options, key);
      target = this.expectedMs(s);
      // Longer at an untimed step than its silence lasts: nothing left to sound until Done.
      if (target === null) return this.stop();
    }
    const el = this._el!;
    el.volume = this._deps.volume();
    const running = s.status === TimerStatus.Running;
    this._learnAfter = null;
    this._suspect = null;
    if (Math.abs(el.currentTime * 1000 - target) > 1) this._seek(running && !el.paused ? target + this._seekLagMs : target);
    if (running) {
      if (el.paused) this._play();
      this._scheduleCheck();
    } else {
      el.pause();
      this._clearCheck();
    }
  }

  /**
   * Makes the track of a run not started yet and gives it to its element, so
   * that the Start tap only has to play it: call it in the tap, just before the
   * timer starts. Making an 80-minute track takes about 100 ms here; made after
   * the start, every millisecond of it made the first tone that much late.
   */
  prepare(): void {
    if (this._deps.enabled?.() === false || this._state !== TrackState.Off || this._el) return;
    const s = this._deps.state();
    if (s.status !== TimerStatus.Ready) return;
    const options = this._deps.options();
    this._load(s.index, options, JSON.stringify(options));
  }

  /**
   * On return to the page (or now and then while it runs): corrects a track that
   * drifted from the engine, but only by a seek across silence, so nothing is
   * heard twice or cut; a correction near a tone waits for the next check.
   */
  correct(): void {
    const s = this._deps.state();
    const el = this._el;
    if (!el || !this.inCharge || s.status !== TimerStatus.Running) return;
    if (el.paused || el.ended) {
      // Paused behind our back (an interruption, a headset unplugged): the workout goes on, so does the track.
      this.follow();
      return;
    }
    const target = this.expectedMs(s);
    if (target === null) return this.follow();
    const wait = this._settleUntil - performance.now();
    if (el.seeking || wait > 0) {
      this._scheduleCheck(Math.max(50, wait));
      return;
    }
    const now = el.currentTime * 1000;
    if (this._learnAfter !== null && performance.now() >= this._learnAfter) {
      // Still behind after the last correction: that is what a seek costs here. Half of it at a time, since
      // one reading scatters, but the whole of the first (a reading is off by tens of ms, the first stall by
      // about a hundred: halving from nothing took two more corrections at the start of every run); clamped,
      // in case something else stalled.
      this._learnAfter = null;
      this._seekLagMs = Math.min(250, Math.max(0, this._seekLagMs + (target - now) / (this._learned ? 2 : 1)));
      this._learned = true;
    }
    const off = now - target;
    if (Math.abs(off) <= TRACK_TOLERANCE_MS) {
      this._suspect = null;
      return;
    }
    if (this._suspect !== Math.sign(off) && Math.abs(off) <= SURE_OFF_MS) {
      this._suspect = Math.sign(off);
      this._scheduleCheck(CONFIRM_MS);
      return;
    }
    if (this._toneNear(Math.min(now, target), Math.max(now, target))) {
      // Confirmed, only held back: the next reading off the same way needs no confirming.
      this._suspect = Math.sign(off);
      this.stats.heldBack++;
      this._scheduleCheck(500);
      return;
    }
    this._suspect = null;
    this.stats.corrections++;
    this._seek(target + this._seekLagMs);
    this._learnAfter = performance.now() + SEEK_SETTLE_MS;
    this._scheduleCheck(SEEK_SETTLE_MS);
  }

  /**
   * Tries the track again after it failed (call it from a tap: a page reloaded
   * mid-run may not start media until the athlete taps "Tap to restore sound").
   */
  retry(): void {
    if (this._state === TrackState.Failed) this._state = TrackState.Off;
    this.follow();
  }

  /**
   * Settings changed (volume, countdown, music): takes effect now, the track
   * rebuilt if its cues changed, or stopped if the athlete turned it off.
   * Turning it on again mid-run is the owner's call (`follow()`, while a run is on).
   */
  settingsChanged(): void {
    if (this._el) this._el.volume = this._deps.volume();
    if (this.inCharge || this._deps.enabled?.() === false) this.follow();
  }

  stop(): void {
    this._clearCheck();
    this._dropNext();
    this._offPulse?.();
    this._offPulse = null;
    // Paused and let go, not emptied: emptying aborts the element's read of the Blob mid-way.
    this._el?.pause();
    this._el = null;
    if (this._url) releaseLater(this._url);
    this._url = null;
    this._segment = null;
    this._optionsKey = '';
    this._setState(TrackState.Off);
  }

  private _load(index: number, options: CueOptions, key: string): void {
    const ahead = this._next?.index === index && this._next.key === key ? this._next : null;
    this._dropNext();
    const segment = ahead?.segment ?? trackSegment(this._deps.plan, index, options);
    const blob = ahead?.blob ?? buildTrack(segment).blob;
    // A new element for each track: giving the old one a new source would abort its read of the old Blob.
    this._el?.pause();
    const el = this._deps.createElement?.() ?? new Audio();
    el.preload = 'auto';
    el.addEventListener('error', () => el === this._el && this._fail());
    el.addEventListener('playing', () => {
      if (el !== this._el) return;
      this._events.playing?.();
      this.correct();
    });
    if (this._url) releaseLater(this._url);
    this._url = URL.createObjectURL(blob);
    el.src = this._url;
    this._el = el;
    this._segment = segment;
    this._optionsKey = key;
    this.stats.segments++;
    this._setState(TrackState.InCharge);
    if (segment.untimedIndex !== null && segment.untimedIndex + 1 < this._deps.plan.intervals.length) {
      // Made a little later, out of the tap that loaded this one; an untimed step lasts longer than that.
      const next = segment.untimedIndex + 1;
      this._makeNext = setTimeout(() => {
        this._makeNext = null;
        if (this._segment !== segment) return;
        const made = trackSegment(this._deps.plan, next, options);
        this._next = { index: next, key, segment: made, blob: buildTrack(made).blob };
        this.stats.madeAhead++;
      }, MAKE_NEXT_AFTER_MS);
    }
  }

  private _dropNext(): void {
    if (this._makeNext !== null) clearTimeout(this._makeNext);
    this._makeNext = null;
    this._next = null;
  }

  private _seek(ms: number): void {
    if (!this._el) return;
    this.stats.seeks++;
    this._settleUntil = performance.now() + SEEK_SETTLE_MS;
    this._el.currentTime = ms / 1000;
  }

  private _play(): void {
    const el = this._el;
    if (!el) return;
    el.play().catch((e: unknown) => {
      // Aborted by a pause or a new source: not a failure of the platform.
      if (e instanceof DOMException && e.name === 'AbortError') return;
      if (el === this._el) this._fail();
    });
  }

  /** A tone sounds somewhere in track time [from, to] (widened by the guard). */
  private _toneNear(from: number, to: number): boolean {
    const cues: readonly Cue[] = this._segment?.cues ?? [];
    return cues.some((c) => c.atMs - TONE_GUARD_MS <= to && c.atMs + c.lengthMs + TONE_GUARD_MS >= from);
  }

  private _fail(): void {
    if (this._state === TrackState.Failed) return;
    this.stop();
    this._setState(TrackState.Failed);
  }

  private _setState(state: TrackState): void {
    if (state === this._state) return;
    this._state = state;
    this._events.stateChanged(state);
  }

  private _scheduleCheck(ms = TRACK_CHECK_MS): void {
    this._clearCheck();
    const pulse = this._deps.pulse;
    if (pulse && ms >= TRACK_CHECK_MS) {
      // The regular check wakes nobody: it waits for the run's next second after it falls due.
      this._checkDue = performance.now() + ms - PULSE_SLACK_MS;
      this._offPulse ??= pulse.subscribe(() => {
        if (this._checkDue === null || performance.now() < this._checkDue) return;
        this._checkDue = null;
        this._runCheck();
      });
      return;
    }
    // A confirming reading, a seek settling, a correction held back by a tone: soon, on a timeout of its own.
    this._check = setTimeout(() => {
      this._check = null;
      this._runCheck();
    }, ms);
  }

  private _runCheck(): void {
    this.correct();
    if (this._check === null && this._checkDue === null && this.inCharge && this._deps.state().status === TimerStatus.Running) this._scheduleCheck();
  }

  private _clearCheck(): void {
    if (this._check !== null) clearTimeout(this._check);
    this._check = null;
    this._checkDue = null;
  }
}

/**
 * The live audio output, standing down while the track is in charge: the
 * scheduler still books speech and vibration, but its tones come from the track.
 */
export class TrackAwareAudioOut extends AudioOut {
  /** True while another output (the cue track) sounds the tones. */
  tonesElsewhere: () => boolean = () => false;

  override book(cue: Cue, when: number): boolean {
    if (this.tonesElsewhere()) return false;
    return super.book(cue, when);
  }
}

/**
 * Lets go of a track's Blob once its element is done with it. A paused,
 * abandoned element may still be reading ahead: revoking at once fails that
 * read (a "file not found" in the console), so the URL goes after a while.
 */
function releaseLater(url: string): void {
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
