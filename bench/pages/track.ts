/**
 * Bench page (served by Vite's dev server, driven by bench/cues.ts): the cue
 * track's cost beside today's Web Audio scheduler, with the app's own modules.
 *
 * - build(id): makes the whole track of a workout (a second at a time, shared silence)
 * - buildNaive(id): the same samples as one buffer (what chunking avoids), for comparison
 * - play(id, mode): runs the workout from its start with real time, either with the track
 *   on a media element ('track') or with the look-ahead scheduler booking Web Audio tones ('scheduler')
 */
import { compile } from '../../src/dsl/index';
import { TRACK_RATE, synthesize, toPcm16, trackSamples, trackSegment, trackTones, wavHeader } from '../../src/engine/cue-track';
import type { Plan } from '../../src/dsl/plan';
import { Timer } from '../../src/engine/timer';
import { AudioOut } from '../../src/platform/audio';
import { CueScheduler } from '../../src/platform/cue-scheduler';
import { CueTrackPlayer, TrackAwareAudioOut, buildTrack, type TrackBuild } from '../../src/platform/cue-track-player';
import type { SpeechPort } from '../../src/platform/speech';
import { Vibrator } from '../../src/platform/vibration';

const sources = import.meta.glob<string>('/workouts/*.workout', { query: '?raw', import: 'default', eager: true });
const options = { countdownSeconds: 3 };

function planOf(id: string): Plan {
  const source = sources[`/workouts/${id}.workout`];
  if (source === undefined) throw new Error(`no workout ${id}`);
  return compile(source).plan!;
}

/** Kept so the Blob (and its samples) stays alive while the bench reads memory. */
const kept: unknown[] = [];

export interface BuildResult extends Omit<TrackBuild, 'blob'> {
  readonly blobBytes: number;
}

function build(id: string): BuildResult {
  const built = buildTrack(trackSegment(planOf(id), 0, options));
  kept.push(built.blob);
  const { blob, ...rest } = built;
  return { ...rest, blobBytes: blob.size };
}

/** The whole track as one buffer, then one Blob: what a naive render holds at once. */
function buildNaive(id: string): { blobBytes: number; buildMs: number } {
  const t0 = performance.now();
  const segment = trackSegment(planOf(id), 0, options);
  const total = trackSamples(segment.lengthMs);
  const samples = new Float32Array(total);
  synthesize(trackTones(segment.cues), 0, samples, TRACK_RATE);
  const blob = new Blob([wavHeader(total) as Uint8Array<ArrayBuffer>, toPcm16(samples) as Uint8Array<ArrayBuffer>], { type: 'audio/wav' });
  kept.push(blob);
  return { blobBytes: blob.size, buildMs: performance.now() - t0 };
}

function release(): void {
  kept.length = 0;
}

const quiet: SpeechPort = { available: false, speak: () => false, cancel: () => undefined };
let running: { stop(): void } | null = null;

/** Runs workout `id` in real time with the track or with the scheduler (call from a tap, or with autoplay allowed). */
async function play(id: string, mode: 'track' | 'scheduler'): Promise<{ startMs: number }> {
  const plan = planOf(id);
  const timer = new Timer(plan, { now: () => Date.now() });
  const t0 = performance.now();
  if (mode === 'track') {
    const audio = new TrackAwareAudioOut();
    await audio.unlock();
    const track = new CueTrackPlayer({ plan, state: () => timer.state(), options: () => options, volume: () => 1 });
    audio.tonesElsewhere = () => track.inCharge;
    const scheduler = new CueScheduler({ timer, audio, speech: quiet, vibrator: new Vibrator(), options: () => options });
    timer.start();
    track.follow();
    scheduler.start();
    const off = timer.subscribe(() => track.follow());
    running = { stop: () => (off(), scheduler.stop(), track.stop(), void audio.close()) };
  } else {
    const audio = new AudioOut();
    await audio.unlock();
    const scheduler = new CueScheduler({ timer, audio, speech: quiet, vibrator: new Vibrator(), options: () => options });
    timer.start();
    scheduler.start();
    running = { stop: () => (scheduler.stop(), void audio.close()) };
  }
  return { startMs: performance.now() - t0 };
}

function stop(): void {
  running?.stop();
  running = null;
}

declare global {
  interface Window {
    trackBench: { build: typeof build; buildNaive: typeof buildNaive; release: typeof release; play: typeof play; stop: typeof stop };
    trackBenchReady: boolean;
  }
}

window.trackBench = { build, buildNaive, release, play, stop };
window.trackBenchReady = true;
