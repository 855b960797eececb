import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { compile, type Plan } from '../../src/dsl/index';
import { TRACK_RATE, lastIndex, onsets, trackSegment, type TrackSegment } from '../../src/engine/cue-track';
import { buildTrack, TrackState } from '../../src/platform/cue-track-player';
import { WorkoutSession } from '../../src/app/run/workout-session';
import { TimerEventType } from '../../src/engine/timer';
import { DEFAULT_SETTINGS } from '../../src/app/shared/settings';

const sources = import.meta.glob<string>('/workouts/*.workout', { query: '?raw', import: 'default', eager: true });
const builtIn = Object.entries(sources)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, text]) => ({ name: path.replace('/workouts/', ''), plan: compile(text).plan! }));

/** Seconds of the WAV decoded at a time: the test, like the app, never holds a whole track's samples. */
const WINDOW_S = 120;

/**
 * Decodes the built WAV window by window, as the browser's own decoder reads it
 * (each window is the file's header, patched to its length, and a slice of its
 * data), and finds every onset after 100 ms of silence.
 */
async function decodedOnsets(blob: Blob): Promise<{ onsets: number[]; samples: number }> {
  const ctx = new OfflineAudioContext(1, 1, TRACK_RATE);
  const header = new Uint8Array(await blob.slice(0, 44).arrayBuffer());
  const dataBytes = blob.size - 44;
  const window = WINDOW_S * TRACK_RATE * 2;
  const state = { silent: TRACK_RATE / 10 };
  const found: number[] = [];
  let samples = 0;
  for (let offset = 0; offset < dataBytes; offset += window) {
    const bytes = Math.min(window, dataBytes - offset);
    const h = new Uint8Array(header);
    const v = new DataView(h.buffer);
    v.setUint32(4, 36 + bytes, true);
    v.setUint32(40, bytes, true);
    const part = await new Blob([h, blob.slice(44 + offset, 44 + offset + bytes)]).arrayBuffer();
    const audio = await ctx.decodeAudioData(part);
    expect(audio.sampleRate).toBe(TRACK_RATE);
    // 16-bit samples decode to k / 32768: exact zeros stay zeros.
    found.push(...onsets(audio.getChannelData(0), TRACK_RATE / 10, offset / 2, state));
    samples += audio.length;
  }
  return { onsets: found, samples };
}

function segments(plan: Plan): TrackSegment[] {
  const out: TrackSegment[] = [];
  for (let first = 0; first < plan.intervals.length; first = lastIndex(out.at(-1)!) + 1) {
    // A short tail after untimed steps keeps the test quick; the app's is an hour (made of the same shared silence).
    out.push(trackSegment(plan, first, { countdownSeconds: 3 }, 5000));
  }
  return out;
}

/**
 * Runs `action` in a real tap on a button, as the app's buttons do, and waits for it;
 * `alsoInTap` runs right after it, still inside the tap's task.
 */
async function tapTo(label: string, action: () => Promise<void>, alsoInTap?: () => void): Promise<void> {
  const button = document.createElement('button');
  button.textContent = label;
  let done: Promise<void> = Promise.resolve();
  button.addEventListener('click', () => {
    done = action();
    alsoInTap?.();
  });
  document.body.append(button);
  await userEvent.click(button);
  await done;
  button.remove();
}

/** Starts a session in a real tap, as the Start button does. */
const startInTap = (s: WorkoutSession, alsoInTap?: () => void): Promise<void> => tapTo('Start', () => s.start(), alsoInTap);

describe('the cue track as the media element gets it', () => {
  it('decodes every built-in workout with every onset within one sample of the plan', async () => {
    for (const { name, plan } of builtIn) {
      for (const segment of segments(plan)) {
        const built = buildTrack(segment);
        const { onsets: found, samples } = await decodedOnsets(built.blob);
        expect(samples, `${name}: length`).toBe(Math.ceil((segment.lengthMs / 1000) * TRACK_RATE));
        const planned = [...new Set(segment.cues.map((c) => c.atMs))].sort((a, b) => a - b).map((ms) => (ms / 1000) * TRACK_RATE);
        expect(found.length, `${name} from interval ${segment.firstIndex}: onsets`).toBe(planned.length);
        const worst = Math.max(0, ...found.map((f, i) => Math.abs(f - planned[i]!)));
        expect(worst, `${name}: worst onset error in samples`).toBeLessThan(1);
      }
    }
  }, 120_000);

  it('holds only the seconds with a tone: an 80-minute workout is a few hundred KB of distinct samples', () => {
    const lactic = builtIn.find((w) => w.name === 'lactic-acid.workout')!.plan;
    const built = buildTrack(trackSegment(lactic, 0, { countdownSeconds: 3 }));
    expect(built.seconds).toBeGreaterThan(80 * 60);
    expect(built.blob.size).toBeGreaterThan(80 * 60 * TRACK_RATE * 2);
    expect(built.soundingSeconds).toBeLessThan(built.seconds / 5);
    expect(built.distinctBytes).toBeLessThan(built.blob.size / 5);
  });
});

describe('who sounds the tones', () => {
  let session: WorkoutSession | undefined;
  afterEach(() => {
    session?.dispose();
    session = undefined;
    vi.restoreAllMocks();
  });

  const plan = () => compile('# T\n20s easy\n20s sprint').plan!;

  it('is the track while it plays: Web Audio books none', async () => {
    session = new WorkoutSession(plan(), DEFAULT_SETTINGS);
    await startInTap(session);
    expect(session.track.state).toBe(TrackState.InCharge);
    await vi.waitFor(() => expect(session!.track.element!.currentTime).toBeGreaterThan(0.2), { timeout: 5000 });
    expect(session.audio.isBooked('0:start:0')).toBe(false);
    expect(session.audio.isBooked('0:countdown:3')).toBe(false);
  });

  it('starts the track and the lock-screen keep-alive in the tap itself, before anything is awaited (WebKit allows media only there)', async () => {
    const plays = vi.spyOn(HTMLMediaElement.prototype, 'play');
    const s = new WorkoutSession(plan(), DEFAULT_SETTINGS);
    session = s;
    let playsInTap = -1;
    await startInTap(s, () => (playsInTap = plays.mock.calls.length));
    expect(playsInTap).toBe(2);
    expect(plays.mock.contexts).toContain(s.track.element);
    expect(s.track.state).toBe(TrackState.InCharge);
  });

  it('is made before the clock starts, so the first tone waits only for the media to start, not for the making', async () => {
    // An 80-minute workout: its track takes longest to make.
    const s = new WorkoutSession(builtIn.find((w) => w.name === 'lactic-acid.workout')!.plan, DEFAULT_SETTINGS);
    session = s;
    let atStart: { element: boolean; segments: number } | null = null;
    s.timer.subscribe(
      (e) =>
        (atStart ??= e.type === TimerEventType.Start ? { element: s.track.element?.src.startsWith('blob:') === true, segments: s.track.stats.segments } : null),
    );
    await startInTap(s);
    expect(atStart).toEqual({ element: true, segments: 1 });
    // And it is the track the run plays: made once, not again after the start.
    expect(s.track.stats.segments).toBe(1);
    expect(s.track.state).toBe(TrackState.InCharge);
  });

  it('makes the stretch after a step until Done while the athlete does it, so Done only has to play it', async () => {
    const s = new WorkoutSession(compile('# T\n10 reps "Squat"\n20s easy\n20s sprint').plan!, DEFAULT_SETTINGS);
    session = s;
    await startInTap(s);
    expect(s.track.segment?.untimedIndex).toBe(0);
    await vi.waitFor(() => expect(s.track.ahead).not.toBeNull(), { timeout: 5000 });
    const made = s.track.ahead!;
    expect(made.firstIndex).toBe(1);
    await tapTo('Done', async () => void s.done());
    expect(s.track.segment).toBe(made);
    expect([s.track.stats.segments, s.track.stats.madeAhead]).toEqual([2, 1]);
    await vi.waitFor(() => expect(s.track.element!.currentTime).toBeGreaterThan(0.1), { timeout: 5000 });
    // Nothing is left made ahead: the rest of the workout is timed.
    expect(s.track.ahead).toBeNull();
  });

  it('is Web Audio when the platform refuses the track', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockRejectedValue(new DOMException('No media here', 'NotSupportedError'));
    session = new WorkoutSession(plan(), DEFAULT_SETTINGS);
    await startInTap(session);
    await vi.waitFor(() => expect(session!.track.state).toBe(TrackState.Failed));
    // The scheduler booked again from where the run is: the start tone, if still due, and what follows.
    await vi.waitFor(() => expect(session!.audio.isBooked('0:start:0') || session!.audio.isBooked('0:countdown:3')).toBe(true), { timeout: 3000 });

    // "Tap to restore sound" tries the track again; once it plays, Web Audio stands down again.
    vi.restoreAllMocks();
    const s = session;
    await tapTo('Tap to restore sound', () => s.restoreSound());
    expect(s.track.state).toBe(TrackState.InCharge);
    await vi.waitFor(() => expect(s.track.element!.paused).toBe(false));
    expect(s.audio.isBooked('0:countdown:3')).toBe(false);
  });

  describe('over the athlete’s own music', () => {
    /** WebKit's Audio Session API, which Chromium lacks: a plain object the session sets, as Safari's would be set. */
    let audioSession: { type: string } | undefined;
    afterEach(() => {
      if (audioSession) Reflect.deleteProperty(navigator, 'audioSession');
      audioSession = undefined;
    });
    function fakeAudioSession(): { type: string } {
      audioSession = { type: 'auto' };
      Object.defineProperty(navigator, 'audioSession', { value: audioSession, configurable: true });
      return audioSession;
    }

    it('plays no media element at all (nothing takes the audio focus): Web Audio books the tones, in a mixing session', async () => {
      const session_ = fakeAudioSession();
      const plays = vi.spyOn(HTMLMediaElement.prototype, 'play');
      session = new WorkoutSession(plan(), { ...DEFAULT_SETTINGS, mixWithMusic: true });
      await startInTap(session);
      expect(session.track.state).toBe(TrackState.Off);
      expect(session.track.element).toBeNull();
      // Neither the track nor the lock screen's silent keep-alive.
      expect(plays).not.toHaveBeenCalled();
      expect(session.media.active).toBe(false);
      await vi.waitFor(() => expect(session!.audio.isBooked('0:start:0') || session!.audio.isBooked('0:countdown:3')).toBe(true), { timeout: 3000 });
      expect(session_.type).toBe('ambient');
      // Pause and resume keep it so.
      session.pause();
      session.resume();
      expect(plays).not.toHaveBeenCalled();
      expect(session.track.element).toBeNull();
      session.dispose();
      session = undefined;
      expect(session_.type).toBe('auto');
    });

    it('switched mid-run: the track stops and Web Audio takes over; switched back, the track takes charge again', async () => {
      const session_ = fakeAudioSession();
      // Tones a second apart from 1 s in (3-2-1, then the start of the sprint): some always within the scheduler's look-ahead.
      const ids = ['0:countdown:3', '0:countdown:2', '0:countdown:1', '1:start:0'];
      session = new WorkoutSession(compile('# T\n4s easy\n20s sprint').plan!, DEFAULT_SETTINGS);
      await startInTap(session);
      expect(session_.type).toBe('playback');
      const el = session.track.element!;
      await vi.waitFor(() => expect(el.currentTime).toBeGreaterThan(0.2), { timeout: 5000 });
      expect(session.media.active).toBe(true);

      session.settings = { ...DEFAULT_SETTINGS, mixWithMusic: true };
      expect(el.paused).toBe(true);
      expect(session.track.state).toBe(TrackState.Off);
      expect(session.media.active).toBe(false);
      expect(session_.type).toBe('ambient');
      await vi.waitFor(() => expect(ids.filter((id) => session!.audio.isBooked(id)).length).toBeGreaterThan(0), { timeout: 3000 });

      // Back to cues first (Chromium lets a page that was tapped start media again): Web Audio's bookings are cancelled.
      session.settings = DEFAULT_SETTINGS;
      expect(session.track.state).toBe(TrackState.InCharge);
      expect(ids.filter((id) => session!.audio.isBooked(id))).toEqual([]);
      await vi.waitFor(() => expect(session!.track.element!.paused).toBe(false), { timeout: 5000 });
      expect(session.media.active).toBe(true);
      expect(session_.type).toBe('playback');
    });
  });
});

describe('the silent keep-alive of the lock-screen controls', () => {
  let session: WorkoutSession | undefined;
  afterEach(() => {
    session?.dispose();
    session = undefined;
    vi.restoreAllMocks();
  });

  /** The looping silent element the session played (the track never loops). */
  function keepAlive(play: { mock: { contexts: unknown[] } }): HTMLMediaElement | undefined {
    return (play.mock.contexts as HTMLMediaElement[]).find((el) => el.loop);
  }

  it('stands by while the cue track plays: one element playing, not two', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play');
    session = new WorkoutSession(compile('# T\n20s easy\n20s sprint').plan!, DEFAULT_SETTINGS);
    await startInTap(session);
    await vi.waitFor(() => expect(session!.track.element!.currentTime).toBeGreaterThan(0.2), { timeout: 5000 });
    // Played once in the tap (so it may play later without one), and paused since.
    expect(keepAlive(play)?.paused).toBe(true);
    // Paused and resumed, the track plays again and the loop stays quiet.
    session.pause();
    session.resume();
    await vi.waitFor(() => expect(session!.track.element!.paused).toBe(false));
    expect(keepAlive(play)?.paused).toBe(true);
  });

  it('plays while the track cannot, so the lock-screen controls still reach the workout', async () => {
    const original = HTMLMediaElement.prototype.play;
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
      // The platform refuses the track; the silent loop plays for real.
      return this.loop ? original.call(this) : Promise.reject(new DOMException('No media here', 'NotSupportedError'));
    });
    session = new WorkoutSession(compile('# T\n20s easy\n20s sprint').plan!, DEFAULT_SETTINGS);
    await startInTap(session);
    await vi.waitFor(() => expect(session!.track.state).toBe(TrackState.Failed));
    await vi.waitFor(() => expect(keepAlive(play)?.paused).toBe(false));
    session.pause();
    expect(keepAlive(play)?.paused).toBe(true);
    session.resume();
    expect(keepAlive(play)?.paused).toBe(false);
  });
});
