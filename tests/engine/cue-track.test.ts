import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, type Plan } from '../../src/dsl/index';
import {
  TRACK_RATE,
  cueNotes,
  lastIndex,
  onsets,
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
} from '../../src/engine/cue-track';
import { workoutCues } from '../../src/engine/cues';

const planOf = (source: string): Plan => compile(source).plan!;
const dir = new URL('../../workouts/', import.meta.url);
const builtIn = readdirSync(dir)
  .filter((n) => n.endsWith('.workout'))
  .sort()
  .map((n) => ({ name: n, plan: planOf(readFileSync(new URL(n, dir), 'utf8')) }));

/** Every segment of a workout run straight through, Done tapped as each untimed step starts. */
function segments(plan: Plan, countdownSeconds: number): TrackSegment[] {
  const out: TrackSegment[] = [];
  for (let first = 0; first < plan.intervals.length;) {
    const segment = trackSegment(plan, first, { countdownSeconds });
    out.push(segment);
    first = lastIndex(segment) + 1;
  }
  return out;
}

/** One second of samples: the only buffer a track is made in, however long it is. */
const CHUNK = TRACK_RATE;

/**
 * Makes the whole segment chunk by chunk, as 16-bit PCM (what the WAV holds),
 * and finds every onset: a non-zero sample after at least 100 ms of zeros.
 */
function renderOnsets(segment: TrackSegment): { onsets: number[]; chunks: number; sounding: number; peakBytes: number } {
  const tones = trackTones(segment.cues);
  const total = trackSamples(segment.lengthMs);
  const sounding = soundingChunks(tones, CHUNK);
  const buffer = new Float32Array(CHUNK);
  const state = { silent: TRACK_RATE / 10 };
  const found: number[] = [];
  let peakBytes = 0;
  const chunks = Math.ceil(total / CHUNK);
  for (let c = 0; c < chunks; c++) {
    const length = Math.min(CHUNK, total - c * CHUNK);
    if (!sounding.has(c)) {
      state.silent += length;
      continue;
    }
    buffer.fill(0);
    const view = buffer.subarray(0, length);
    synthesize(tones, c * CHUNK, view);
    const pcm = toPcm16(view);
    peakBytes = Math.max(peakBytes, buffer.byteLength + pcm.byteLength);
    found.push(...onsets(new Int16Array(pcm.buffer), TRACK_RATE / 10, c * CHUNK, state));
  }
  return { onsets: found, chunks, sounding: sounding.size, peakBytes };
}

describe('the cue track', () => {
  for (const { name, plan } of builtIn) {
    it(`puts every onset of ${name} within one sample of the plan, made a second at a time`, () => {
      for (const countdownSeconds of [3, 10]) {
        const all = segments(plan, countdownSeconds);
        let cues = 0;
        for (const segment of all) {
          const { onsets: found, peakBytes } = renderOnsets(segment);
          const planned = [...new Set(segment.cues.map((c) => c.atMs))].sort((a, b) => a - b).map((ms) => (ms / 1000) * TRACK_RATE);
          // Each planned onset is heard at the first sample at or after it: 0 <= error < 1 sample.
          expect(found.length, `${name}: onsets found`).toBe(planned.length);
          found.forEach((f, i) => {
            const error = f - planned[i]!;
            expect(error, `${name} onset ${i} at ${planned[i]! / TRACK_RATE} s`).toBeGreaterThanOrEqual(0);
            expect(error).toBeLessThan(1);
          });
          // Memory: one second of float samples and its PCM, whatever the length.
          expect(peakBytes).toBeLessThanOrEqual(CHUNK * 6);
          cues += segment.cues.length;
        }
        // The segments together hold exactly the cues of the whole workout.
        expect(cues).toBe(workoutCues(plan, { countdownSeconds }).length);
      }
    });
  }

  it('runs an aqua-jogging workout as one segment, and stops a rehab one at each untimed step', () => {
    const jog = builtIn.find((w) => w.name === 'pyramid.workout')!.plan;
    const one = segments(jog, 3);
    expect(one).toHaveLength(1);
    expect(one[0]!.untimedIndex).toBeNull();
    // The finish fanfare (1.2 s), then 2 s of silence.
    expect(one[0]!.lengthMs).toBe(jog.totalSeconds * 1000 + 1200 + 2000);

    const rehab = planOf('# T\n30s "Stretch"\n10 reps "Clamshell"\n30s "Stretch"');
    const parts = segments(rehab, 3);
    expect(parts.map((s) => [s.firstIndex, lastIndex(s), s.untimedIndex])).toEqual([
      [0, 1, 1],
      [2, 2, null],
    ]);
    // The untimed step's start cue sounds at the end of the stretch, then silence waits for Done.
    expect(parts[0]!.cues.filter((c) => c.index === 1).map((c) => c.atMs)).toEqual([30_000]);
  });

  it('maps a workout position to track time only inside its segment', () => {
    const plan = planOf('# T\n1m easy\n2m hard\n1m easy');
    const s = trackSegment(plan, 1, { countdownSeconds: 3 });
    expect(s.starts).toEqual([0, 120_000]);
    expect(trackTimeOf(s, 1, 5000)).toBe(5000);
    expect(trackTimeOf(s, 2, 1000)).toBe(121_000);
    expect(trackTimeOf(s, 0, 0)).toBeNull();
  });

  it('makes the same samples in any chunking', () => {
    const plan = builtIn.find((w) => w.name === 'fredericson-strength.workout')!.plan;
    const tones = trackTones(trackSegment(plan, 0, { countdownSeconds: 3 }).cues);
    const whole = new Float32Array(TRACK_RATE * 20);
    synthesize(tones, 0, whole);
    const pieces = new Float32Array(whole.length);
    for (let from = 0; from < whole.length; from += 777) synthesize(tones, from, pieces.subarray(from, Math.min(whole.length, from + 777)));
    expect(pieces.findIndex((x, i) => x !== whole[i])).toBe(-1);
    expect(whole.some((x) => x !== 0)).toBe(true);
  });

  it('gives two seconds the same key only when their samples are the same, so a track can make each distinct second once', () => {
    let sounding = 0;
    let distinct = 0;
    for (const { name, plan } of builtIn) {
      for (const segment of segments(plan, 3)) {
        const tones = trackTones(segment.cues);
        const total = trackSamples(segment.lengthMs);
        const made = new Map<string, Int16Array>();
        for (const c of soundingChunks(tones, CHUNK)) {
          const length = Math.min(CHUNK, total - c * CHUNK);
          const buffer = new Float32Array(length);
          synthesize(tones, c * CHUNK, buffer);
          const pcm = new Int16Array(toPcm16(buffer).buffer);
          const key = stretchKey(tones, c * CHUNK, length);
          const earlier = made.get(key);
          if (earlier)
            expect(
              pcm.findIndex((x, i) => x !== earlier[i]),
              `${name} second ${c} against its twin`,
            ).toBe(-1);
          else made.set(key, pcm);
          sounding++;
        }
        distinct += made.size;
      }
    }
    // Worth it: most sounding seconds repeat one made before (the same countdown, the same zone's start).
    expect(distinct).toBeLessThan(sounding / 3);
    // And a key tells apart what differs: a tone a sample later, or another pitch.
    const tone = { start: 100, samples: 2000, pitch: 880, volume: 1 };
    const key = stretchKey([tone], 0, CHUNK);
    expect(stretchKey([{ ...tone, start: 101 }], 0, CHUNK)).not.toBe(key);
    expect(stretchKey([{ ...tone, pitch: 660 }], 0, CHUNK)).not.toBe(key);
    expect(stretchKey([{ ...tone, start: 100 + CHUNK }], CHUNK, CHUNK)).toBe(key);
    // A note that began in the second before still sounds into this one.
    expect(stretchKey([{ ...tone, start: CHUNK - 10 }], CHUNK, CHUNK)).toBe(`${CHUNK}|-10,2000,880,1`);
  });

  it('plays the notes the live renderer plays', () => {
    expect(cueNotes({ kind: 'start', pitch: 440, lengthMs: 400 }).map((n) => [n.at, n.pitch])).toEqual([
      [0, 440],
      [0.2, 660],
    ]);
    expect(cueNotes({ kind: 'finish', pitch: 523.25, lengthMs: 1200 })).toHaveLength(4);
    expect(cueNotes({ kind: 'countdown', pitch: 880, lengthMs: 100 })).toEqual([{ at: 0, length: 0.1, pitch: 880, volume: 1 }]);
  });

  it('writes a WAV header a media element can read', () => {
    const h = new DataView(wavHeader(1000).buffer);
    expect(String.fromCharCode(...new Uint8Array(h.buffer, 0, 4))).toBe('RIFF');
    expect(h.getUint32(24, true)).toBe(TRACK_RATE);
    expect(h.getUint16(34, true)).toBe(16);
    expect(h.getUint32(40, true)).toBe(2000);
  });
});
