/**
 * One workout being run: the engine plus every platform bridge it drives
 * (audio, speech, vibration, wake lock, media session), wired together.
 * Elements hold a session and call its methods from taps.
 */
import type { Plan } from '../../dsl/plan';
import { roundText } from '../../dsl/wording';
import type { Clock } from '../../engine/clock';
import { SPEECH_DELAY_MS, statusLine, type CueOptions } from '../../engine/cues';
import { Timer, TimerStatus, type TimerEvent } from '../../engine/timer';
import { AudioState } from '../../platform/audio';
import { CueScheduler } from '../../platform/cue-scheduler';
import { CueTrackPlayer, TrackAwareAudioOut } from '../../platform/cue-track-player';
import { setAudioSessionType } from '../../platform/audio-session';
import { MediaSessionBridge, type MediaHandlers } from '../../platform/media-session';
import { SecondPulse } from '../../platform/pulse';
import { Speaker } from '../../platform/speech';
import { Vibrator } from '../../platform/vibration';
import { ScreenWakeLock } from '../../platform/wake-lock';
import type { Settings } from '../shared/settings';

/** How long "Ending... Undo" lasts before an End really ends the run. */
export const UNDO_END_MS = 5000;

/** The app's clock: wall-clock milliseconds, so a run can be rebuilt after a reload. */
export const wallClock: Clock = { now: () => Date.now() };

export class WorkoutSession {
  readonly timer: Timer;
  /** The run's one wake-up a second: the screen, the cue scheduler, the track's check and the heartbeat share it. */
  readonly pulse: SecondPulse;
  readonly audio = new TrackAwareAudioOut();
  readonly speech = new Speaker();
  readonly vibrator = new Vibrator();
  readonly wakeLock = new ScreenWakeLock();
  readonly media = new MediaSessionBridge();
  private readonly _scheduler: CueScheduler;
  private readonly _listeners = new Set<() => void>();
  private _settings: Settings;
  private readonly _onVisibility = () => this._visibilityChanged();
  /** The cue track: the tones on one media element, so they go on with the page frozen. */
  readonly track: CueTrackPlayer;
  /** Started through start() or continueRun(): the track follows the engine from then on. */
  private _active = false;
  /** The lock screen's and headphones' buttons. */
  private readonly _mediaHandlers: MediaHandlers = {
    play: () => this.resume(),
    pause: () => this.pause(),
    // On an untimed step, "next" on the lock screen or headphones is Done.
    next: () => (this.timer.state().awaitingDone ? this.done() : this.skip()),
    previous: () => this.back(),
  };
  /** An End waiting out its undo window: the timer is paused meanwhile. */
  private _ending: { readonly resume: boolean; readonly timeout: ReturnType<typeof setTimeout> } | null = null;

  constructor(
    readonly plan: Plan,
    settings: Settings,
    clock: Clock = wallClock,
    events: readonly TimerEvent[] = [],
  ) {
    this._settings = settings;
    this.timer = new Timer(plan, clock, events);
    this.pulse = new SecondPulse(this.timer);
    this._applySettings();
    this._scheduler = new CueScheduler({
      timer: this.timer,
      audio: this.audio,
      speech: this.speech,
      vibrator: this.vibrator,
      options: (): CueOptions => ({ countdownSeconds: this._settings.countdownSeconds }),
      pulse: this.pulse,
    });
    this.track = new CueTrackPlayer(
      {
        plan,
        state: () => this.timer.state(),
        options: (): CueOptions => ({ countdownSeconds: this._settings.countdownSeconds }),
        volume: () => this._settings.volume,
        // Over the athlete's own music there is no track: it would pause their music app.
        enabled: () => !this._settings.mixWithMusic,
        pulse: this.pulse,
      },
      // Taking charge or giving up: the scheduler cancels its tones or books them again, and the silent
      // keep-alive stands by while the track plays (one playing element is enough for the lock screen).
      {
        stateChanged: () => {
          this.media.keepAlive = !this.track.inCharge;
          if (this._active) this._scheduler.reschedule();
        },
        // WebKit clears the Media Session's handlers and metadata when playback starts: set them again.
        playing: () => {
          if (!this._active || this._settings.mixWithMusic) return;
          void this.media.activate(this._mediaHandlers);
          this._updateMedia();
        },
      },
    );
    this.audio.tonesElsewhere = () => this.track.inCharge;
    this.timer.subscribe(() => this._afterEvent());
    this.audio.onStateChange(() => this._notify());
  }

  /** Told when something outside the timer's own events changes (sound blocked, settings). */
  onChange(listener: () => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  set settings(settings: Settings) {
    const mixing = this._settings.mixWithMusic;
    this._settings = settings;
    this._applySettings();
    this.track.settingsChanged();
    if (this._active && mixing !== settings.mixWithMusic) {
      // Switched mid-run: the track and the lock-screen buttons go (or come back, as far as a page may start media outside a tap).
      this.track.follow();
      this._applyAudioSession();
      this._updateMedia();
    }
    this._scheduler.reschedule();
    this._notify();
  }

  get settings(): Settings {
    return this._settings;
  }

  /** Sound needs a tap to come back (the context was suspended or interrupted). */
  get soundBlocked(): boolean {
    return this.timer.state().status === TimerStatus.Running && this.audio.state === AudioState.Blocked;
  }

  /**
   * Starts the workout. Call it from the Start tap: audio may only start in a
   * gesture. The cue track's play() and the audio context's resume() are both
   * called before anything is awaited, in the tap's own task: WebKit lets media
   * start only there, and a track refused would leave the tones to the page
   * alone, which stops with the screen.
   */
  async start(): Promise<void> {
    // The track is made before the clock starts, not after: the first tone is then late only by the media's own start.
    this.track.prepare();
    const unlocked = this.audio.unlock();
    // Over the athlete's music Web Audio sounds the first tone, at the start itself: it must run by then.
    if (this._settings.mixWithMusic) await unlocked;
    if (!this.timer.start()) {
      await unlocked;
      return;
    }
    this._activate();
    await unlocked;
    // Web Audio runs now: the scheduler books from where the run is (a tone due meanwhile, late by the unlock, not lost).
    this._scheduler.reschedule();
  }

  /** Picks up a run rebuilt from its events (after a reload): cues, wake lock, buttons. Call it from a tap too. */
  async continueRun(): Promise<void> {
    const unlocked = this.audio.unlock();
    this._activate();
    await unlocked;
    this._scheduler.reschedule();
    this._speakStatus();
  }

  /** "Tap to restore sound". */
  async restoreSound(): Promise<void> {
    if (this._active) this.track.retry();
    await this.audio.unlock();
    this._scheduler.reschedule();
    this._notify();
  }

  pause = (): boolean => this.timer.pause();
  resume = (): boolean => this.timer.resume();
  skip = (): boolean => this.timer.skip();
  back = (): boolean => this.timer.back();
  done = (): boolean => this.timer.done();
  /** Ends the run at once (no undo: see endSoon). */
  end = (): boolean => {
    this._cancelEnding();
    return this.timer.end();
  };

  /** An End is waiting out its undo window (the run is paused until then). */
  get ending(): boolean {
    return this._ending !== null;
  }

  /**
   * The End a person confirmed: pauses now and ends the run after
   * UNDO_END_MS unless `undoEnd()` comes first. Until then the timer's status
   * is Paused, never Ended, so nothing that saves on Ended (the run recorder)
   * sees an end that is taken back.
   */
  endSoon(): boolean {
    const status = this.timer.state().status;
    if (this._ending || (status !== TimerStatus.Running && status !== TimerStatus.Paused)) return false;
    const resume = status === TimerStatus.Running;
    if (resume) this.timer.pause();
    this._ending = {
      resume,
      timeout: setTimeout(() => {
        this._ending = null;
        this.timer.end();
        this._notify();
      }, UNDO_END_MS),
    };
    this._notify();
    return true;
  }

  /** Takes back an End within its window: the run goes on as it was (running again if it was running). */
  undoEnd(): boolean {
    const ending = this._ending;
    if (!ending) return false;
    this._cancelEnding();
    if (ending.resume) this.timer.resume();
    this._notify();
    return true;
  }

  /** Stops everything this session started. */
  dispose(): void {
    this._cancelEnding();
    this._scheduler.stop();
    document.removeEventListener('visibilitychange', this._onVisibility);
    document.removeEventListener('resume', this._onVisibility);
    window.removeEventListener('pageshow', this._onVisibility);
    this._active = false;
    this.pulse.dispose();
    this.track.stop();
    void this.wakeLock.release();
    this.media.deactivate();
    setAudioSessionType('auto');
    this.speech.cancel();
    void this.audio.close();
  }

  private _activate(): void {
    // The track first, in the tap, so the scheduler's first tick already leaves the tones to it.
    this._active = true;
    this.track.follow();
    this._scheduler.start();
    document.addEventListener('visibilitychange', this._onVisibility);
    // Back from frozen (Page Lifecycle) or from the back/forward cache: the page may have missed everything.
    document.addEventListener('resume', this._onVisibility);
    window.addEventListener('pageshow', this._onVisibility);
    void this.wakeLock.acquire();
    this._applyAudioSession();
    this._updateMedia();
  }

  /**
   * Cues first: a music player's session, so nothing interrupts the tones with
   * the screen locked (WebKit). Over the athlete's music: a session that mixes.
   */
  private _applyAudioSession(): void {
    setAudioSessionType(this._settings.mixWithMusic ? 'ambient' : 'playback');
  }

  private _applySettings(): void {
    this.audio.volume = this._settings.volume;
    this.speech.enabled = this._settings.voice;
    this.vibrator.enabled = this._settings.vibration;
  }

  private _cancelEnding(): void {
    if (this._ending) clearTimeout(this._ending.timeout);
    this._ending = null;
  }

  private _afterEvent(): void {
    const status = this.timer.state().status;
    // Anything that unpauses or ends the run meanwhile (headphones' play button) cancels a pending End.
    if (this._ending && status !== TimerStatus.Paused) {
      this._cancelEnding();
      this._notify();
    }
    if (status === TimerStatus.Ended || status === TimerStatus.Finished) {
      void this.wakeLock.release();
    }
    if (this._active) this.track.follow();
    this._updateMedia();
  }

  private _updateMedia(): void {
    const s = this.timer.state();
    const playing = s.status === TimerStatus.Running;
    // Over the athlete's music, the lock screen and headphone buttons stay with their music app.
    if (s.status === TimerStatus.Ended || s.status === TimerStatus.Finished || !this._active || this._settings.mixWithMusic) {
      this.media.deactivate();
      return;
    }
    if (!this.media.active) void this.media.activate(this._mediaHandlers);
    const detail = [this.plan.title, roundText(s.interval?.rounds ?? [])].filter(Boolean).join(' · ');
    this.media.update(s.interval?.label ?? this.plan.title, detail, playing);
  }

  /** Back in view: book cues from where the clock says we are, and say only that. */
  private _visibilityChanged(): void {
    if (document.visibilityState !== 'visible') return;
    // The screen is recomputed from the clock; the track only corrected across silence, never replayed.
    if (this._active) this.track.correct();
    this._scheduler.reschedule();
    if (this.timer.state().status === TimerStatus.Running) this._speakStatus();
    this._notify();
  }

  /** Where things stand, spoken after a primer tone (no other tone precedes it here). */
  private _speakStatus(): void {
    const s = this.timer.state();
    if (s.status !== TimerStatus.Running || !this.speech.available || !this._settings.voice) return;
    this.audio.primer();
    const line = statusLine(this.plan, s.index, s.intervalRemainingMs);
    setTimeout(() => {
      if (this.timer.state().status === TimerStatus.Running) this.speech.speak(line);
    }, SPEECH_DELAY_MS);
  }

  private _notify(): void {
    for (const l of this._listeners) l();
  }
}
