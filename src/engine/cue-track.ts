/**
 * The cue track: a stretch of the workout's cue plan laid on one audio
 * timeline, so that one media element can play every tone with no JavaScript
 * running (a locked phone freezes the page's timers; its media keeps playing).
 *
 * Pure and deterministic: the same plan gives the same samples on any machine,
 * in a page or a worker, a chunk at a time, so an 80-minute workout never
 * holds 80 minutes of samples at once.
 *
 * A segment runs from the start of one interval through every timed interval
 * after it and stops at the first untimed one (reps until Done, open steps):
 * nobody knows when Done comes, so the segment plays that step's start cue and
 * then silence. Done (a tap or the lock screen's "next") makes the next segment.
 */
import type { Plan } from '../dsl/plan';
import { intervalCues, type Cue, type CueOptions } from './cues';

/** Samples a second: tones reach 1.6 kHz, with room for their harmonics. */
export const TRACK_RATE = 22_050;

/** Attack and release of every tone, in seconds (as src/platform/audio.ts renders them live). */
export const TONE_RAMP_S = 0.004;
/** Peak level of a tone at full volume. */
export const TONE_PEAK = 0.6;
/** The finish fanfare: C5 E5 G5 C6. */
export const FANFARE = [523.25, 659.25, 783.99, 1046.5] as const;

/** After the finish fanfare, a little silence so nothing is cut off. */
const FINISH_TAIL_MS = 2000;
/** After an untimed step's start cue: silence, long enough for any set of reps. */
export const UNTIMED_TAIL_MS = 60 * 60 * 1000;

/** One note of a cue: starts `at` seconds after the cue's time, lasts `length` seconds. */
export interface ToneNote {
  readonly at: number;
  readonly length: number;
  readonly pitch: number;
  readonly volume: number;
}

/**
 * The notes of a cue: the finish is a four-note fanfare, a start or switch two
 * quick notes a fifth apart ("go", unmistakable under water noise), anything
 * else one note. The live renderer (src/platform/audio.ts) plays the same notes.
 */
export function cueNotes(cue: Pick<Cue, 'kind' | 'pitch' | 'lengthMs'>, volume = 1): ToneNote[] {
  const length = cue.lengthMs / 1000;
  if (cue.kind === 'finish') {
    const note = length / FANFARE.length;
    return FANFARE.map((pitch, k) => ({ at: k * note, length: k === FANFARE.length - 1 ? note * 2 : note * 0.9, pitch, volume }));
  }
  if (cue.kind === 'start' || cue.kind === 'switch') {
    const half = length / 2;
    return [
      { at: 0, length: half * 0.9, pitch: cue.pitch, volume },
      { at: half, length: half, pitch: cue.pitch * 1.5, volume },
    ];
  }
  return [{ at: 0, length, pitch: cue.pitch, volume }];
}

/** A note placed on the track's sample grid. */
export interface TrackTone {
  /** First sample of the note: the first one at or after its planned time (never early, under a sample late). */
  readonly start: number;
  /** Samples it lasts. */
  readonly samples: number;
  readonly pitch: number;
  readonly volume: number;
}

export interface TrackSegment {
  /** Interval heard at track time 0. */
  readonly firstIndex: number;
  /** Track time (ms) at which each interval from firstIndex starts: `starts[i - firstIndex]`. */
  readonly starts: readonly number[];
  /** The step the segment stops at to wait for Done, or null if it runs to the finish. */
  readonly untimedIndex: number | null;
  /** Cues in the track, atMs on the track's own time. */
  readonly cues: readonly Cue[];
  /** Length of the track in ms, tail included. */
  readonly lengthMs: number;
}

/** The last interval this segment plays (its untimed step, or the plan's last). */
export function lastIndex(segment: TrackSegment): number {
  return segment.firstIndex + segment.starts.length - 1;
}

/**
 * Track time (ms) of a position in the workout, or null if the segment doesn't
 * hold it: interval `index`, `elapsedMs` into it.
 */
export function trackTimeOf(segment: TrackSegment, index: number, elapsedMs: number): number | null {
  const start = segment.starts[index - segment.firstIndex];
  if (start === undefined) return null;
  const t = start + elapsedMs;
  return t <= segment.lengthMs ? t : null;
}

/** The segment that starts with interval `firstIndex` of `plan`. */
export function trackSegment(plan: Plan, firstIndex: number, options: CueOptions, untimedTailMs = UNTIMED_TAIL_MS): TrackSegment {
  const starts: number[] = [];
  const cues: Cue[] = [];
  let t = 0;
  let untimedIndex: number | null = null;
  for (let i = firstIndex; i < plan.intervals.length; i++) {
    starts.push(t);
    cues.push(...intervalCues(plan, i, t, options));
    const d = plan.intervals[i]!.duration;
    if (d === null) {
      untimedIndex = i;
      break;
    }
    t += d * 1000;
  }
  const lastCueEnd = cues.reduce((end, c) => Math.max(end, c.atMs + c.lengthMs), 0);
  const lengthMs = untimedIndex === null ? Math.max(t, lastCueEnd) + FINISH_TAIL_MS : t + untimedTailMs;
  return { firstIndex, starts, untimedIndex, cues, lengthMs };
}

/** Every note of `cues` on the sample grid of `rate`, in order of start. */
export function trackTones(cues: readonly Pick<Cue, 'atMs' | 'kind' | 'pitch' | 'lengthMs'>[], rate = TRACK_RATE, volume = 1): TrackTone[] {
  const tones: TrackTone[] = [];
  for (const cue of cues) {
    for (const note of cueNotes(cue, volume)) {
      // Exact in rational terms: (atMs / 1000 + at) * rate, rounded up to the grid (a hair of slack for binary fractions).
      const start = Math.ceil((cue.atMs / 1000 + note.at) * rate - 1e-6);
      tones.push({ start, samples: Math.max(1, Math.round(note.length * rate)), pitch: note.pitch, volume: note.volume });
    }
  }
  return tones.sort((a, b) => a.start - b.start);
}

/** Length of a track of `lengthMs` in samples. */
export function trackSamples(lengthMs: number, rate = TRACK_RATE): number {
  return Math.ceil((lengthMs / 1000) * rate);
}

/**
 * Adds into `out` the samples `from .. from + out.length` of the track made of
 * `tones`. Any range can be made on its own, so a long track is made chunk by
 * chunk. A note is a triangle wave that starts at its crest, under a linear
 * attack and release: its first sample is already audible, so the onset is the
 * sample `start` itself.
 */
export function synthesize(tones: readonly TrackTone[], from: number, out: Float32Array, rate = TRACK_RATE): void {
  const to = from + out.length;
  const ramp = TONE_RAMP_S * rate;
  for (const tone of firstOverlapping(tones, from)) {
    if (tone.start >= to) break;
    const end = tone.start + tone.samples;
    if (end <= from) continue;
    const peak = TONE_PEAK * tone.volume;
    const cycle = tone.pitch / rate;
    for (let n = Math.max(from, tone.start); n < Math.min(to, end); n++) {
      // Local time in samples, from 1: the note begins a sample before `start`, at zero.
      const m = n - tone.start + 1;
      const env = Math.min(1, m / ramp, (tone.samples - m + 1) / ramp);
      const phase = (m * cycle) % 1;
      const wave = 1 - 4 * Math.abs(phase - Math.round(phase));
      out[n - from]! += peak * env * wave;
    }
  }
}

/**
 * What decides the samples of [from, from + length): every tone reaching into
 * it, by its start relative to `from`, length, pitch and volume. Two stretches
 * with the same key hold the same samples (a note's wave is reckoned from its
 * own start), so a track makes each distinct second once: a workout's
 * countdowns and zone starts repeat the same few seconds over and over.
 */
export function stretchKey(tones: readonly TrackTone[], from: number, length: number): string {
  const to = from + length;
  let key = String(length);
  for (const tone of firstOverlapping(tones, from)) {
    if (tone.start >= to) break;
    if (tone.start + tone.samples <= from) continue;
    key += `|${tone.start - from},${tone.samples},${tone.pitch},${tone.volume}`;
  }
  return key;
}

/** Iterates tones from the first that might reach `from` (tones are sorted by start, each under a few seconds). */
function* firstOverlapping(tones: readonly TrackTone[], from: number): Generator<TrackTone> {
  // No note lasts longer than the finish fanfare's last one; 10 s of samples is a safe bound at any rate.
  const bound = from - 10 * 96_000;
  let lo = 0;
  let hi = tones.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tones[mid]!.start < bound) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < tones.length; i++) yield tones[i]!;
}

/**
 * Which chunks of `chunkSamples` hold any sound: every other chunk is silence,
 * and silence can be one shared piece however long the track is.
 */
export function soundingChunks(tones: readonly TrackTone[], chunkSamples: number): Set<number> {
  const chunks = new Set<number>();
  for (const t of tones) {
    const last = Math.floor((t.start + t.samples - 1) / chunkSamples);
    for (let c = Math.floor(t.start / chunkSamples); c <= last; c++) chunks.add(c);
  }
  return chunks;
}

/** Float samples as 16-bit little-endian PCM. */
export function toPcm16(samples: Float32Array): Uint8Array {
  const out = new Uint8Array(samples.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    view.setInt16(i * 2, Math.round(s * 32767), true);
  }
  return out;
}

/** The 44-byte header of a mono 16-bit PCM WAV file of `samples` samples. */
export function wavHeader(samples: number, rate = TRACK_RATE): Uint8Array {
  const header = new Uint8Array(44);
  const v = new DataView(header.buffer);
  const str = (o: number, s: string) => [...s].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
  const bytes = samples * 2;
  str(0, 'RIFF');
  v.setUint32(4, 36 + bytes, true);
  str(8, 'WAVE');
  str(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2, true); // bytes a second
  v.setUint16(32, 2, true); // block align
  v.setUint16(34, 16, true); // bits a sample
  str(36, 'data');
  v.setUint32(40, bytes, true);
  return header;
}

/** Sample indices where sound starts after at least `gap` samples of silence. */
export function onsets(data: ArrayLike<number>, gap: number, from = 0, state = { silent: gap }): number[] {
  const out: number[] = [];
  for (let i = 0; i < data.length; i++) {
    if (data[i] !== 0) {
      if (state.silent >= gap) out.push(from + i);
      state.silent = 0;
    } else state.silent++;
  }
  return out;
}
