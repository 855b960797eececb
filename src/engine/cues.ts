/**
 * The cue plan: what the athlete hears and feels, and when, relative to the
 * engine's active time. Pure data; the audio, speech and vibration adapters
 * play it.
 */
import type { Interval, Plan } from '../dsl/plan';
import { roundOf, spokenSide } from '../dsl/wording';

export const CueKind = {
  Countdown: 'countdown',
  Start: 'start',
  Switch: 'switch',
  Halfway: 'halfway',
  RepUp: 'rep-up',
  RepHold: 'rep-hold',
  RepDown: 'rep-down',
  Finish: 'finish',
} as const;
export type CueKind = (typeof CueKind)[keyof typeof CueKind];

export interface Cue {
  /** Stable across reschedules: `index:kind:n`. */
  readonly id: string;
  readonly kind: CueKind;
  /** Interval the cue belongs to. */
  readonly index: number;
  /** Active time of the cue, in ms. */
  readonly atMs: number;
  /** Tone pitch in Hz (the finish fanfare starts here). */
  readonly pitch: number;
  /** Tone length in ms. */
  readonly lengthMs: number;
  /** Words to speak just after the tone, or null. */
  readonly speech: string | null;
  /** Vibration pattern (ms on, off, on...), or null. */
  readonly vibrate: readonly number[] | null;
}

export interface CueOptions {
  /** Beeps before each timed change: 0 (none) to 10. */
  readonly countdownSeconds: number;
}

export const DEFAULT_CUE_OPTIONS: CueOptions = { countdownSeconds: 3 };

/** Intervals at least this long get a halfway cue. */
export const HALFWAY_MIN_MS = 120_000;

/** Speech starts this long after its tone, which wakes Bluetooth headphones first. */
export const SPEECH_DELAY_MS = 450;

/** Start tone of a zone: a whole tone higher for each step of intensity, from A4. */
export function zonePitch(intensity: number): number {
  return 440 * 2 ** ((intensity * 2) / 12);
}

export const COUNTDOWN_PITCH = 880;
const VIBRATE = {
  countdown: [80],
  start: [400],
  switch: [200, 100, 200],
  halfway: [100, 100, 100],
  finish: [500, 200, 500, 200, 500],
  up: [150],
  hold: [60, 60, 60],
  down: [300],
} as const;

/** Cues of interval `index` if it starts at active time `startMs`. */
export function intervalCues(plan: Plan, index: number, startMs: number, options: CueOptions = DEFAULT_CUE_OPTIONS): Cue[] {
  const interval = plan.intervals[index];
  if (!interval) return [];
  const zone = plan.zones.find((z) => z.name === interval.zone);
  const pitch = zonePitch(zone?.intensity ?? 2);
  const cues: Cue[] = [];
  const add = (kind: CueKind, n: number, atMs: number, p: number, lengthMs: number, speech: string | null, vibrate: readonly number[] | null) =>
    cues.push({ id: `${index}:${kind}:${n}`, kind, index, atMs, pitch: p, lengthMs, speech, vibrate });

  const isSwitch = interval.role === 'switch';
  add(isSwitch ? CueKind.Switch : CueKind.Start, 0, startMs, pitch, 400, announce(plan, index), isSwitch ? VIBRATE.switch : VIBRATE.start);

  const d = interval.duration === null ? null : interval.duration * 1000;
  if (interval.tempo && interval.reps !== null) {
    const { up, hold, down } = interval.tempo;
    const cycle = (up + hold + down) * 1000;
    for (let r = 0; r < interval.reps; r++) {
      const t = startMs + r * cycle;
      // Rep 1's "up" is the start tone itself.
      if (r > 0) add(CueKind.RepUp, r, t, 660, 150, `${r + 1}`, VIBRATE.up);
      if (hold > 0) add(CueKind.RepHold, r, t + up * 1000, 550, 150, 'Hold', VIBRATE.hold);
      if (down > 0) add(CueKind.RepDown, r, t + (up + hold) * 1000, 440, 150, 'Down', VIBRATE.down);
    }
  } else if (d !== null) {
    if (d >= HALFWAY_MIN_MS) add(CueKind.Halfway, 0, startMs + d / 2, pitch, 150, 'Halfway', VIBRATE.halfway);
    for (let k = Math.min(options.countdownSeconds, 10); k >= 1; k--) {
      // Beeps only where they fit after the start tone.
      if (d > k * 1000 + 500) add(CueKind.Countdown, k, startMs + d - k * 1000, COUNTDOWN_PITCH, 100, null, VIBRATE.countdown);
    }
  }
  if (index === plan.intervals.length - 1 && d !== null) {
    add(CueKind.Finish, 0, startMs + d, 523.25, 1200, 'Workout complete. Well done.', VIBRATE.finish);
  }
  return cues.sort((a, b) => a.atMs - b.atMs);
}

/** What is said when interval `index` starts: "Sprint, one minute. Round 4 of 10." */
export function announce(plan: Plan, index: number): string {
  const i = plan.intervals[index];
  if (!i) return '';
  if (i.role === 'switch') return i.label;
  const zone = plan.zones.find((z) => z.name === i.zone);
  const first: string[] = [i.label];
  if (zone && zone.label !== i.label && i.zone !== 'work') first.push(zone.label.toLowerCase());
  const amount = spokenAmount(i);
  const parts: string[] = [];
  if (i.side) {
    parts.push(first.join(', ') + '.');
    const side = spokenSide(i);
    parts.push(amount ? `${side}, ${amount}.` : `${side}.`);
  } else {
    parts.push(amount ? `${[...first, amount].join(', ')}.` : `${first.join(', ')}.`);
  }
  const round = i.rounds.at(-1);
  const prev = plan.intervals[index - 1];
  const prevRound = prev?.rounds.at(-1);
  if (round && round.count > 1 && (!prevRound || prevRound.index !== round.index || prev!.rounds.length !== i.rounds.length) && i.role !== 'between') {
    parts.push(`${roundOf(round)}.`);
  }
  if (i.duration === null) parts.push('Tap Done when finished.');
  return parts.join(' ');
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "one minute", "90 seconds" reads badly: "one minute 30 seconds"; "15 reps". */
export function spokenAmount(i: Interval): string {
  if (i.amount === 'open') return '';
  if (i.amount === 'reps' || i.amount === 'steps') {
    if (i.reps === null) return i.amount;
    return i.reps === 1 ? `1 ${i.amount === 'reps' ? 'rep' : 'step'}` : `${i.reps} ${i.amount}`;
  }
  return spokenDuration(i.duration ?? 0);
}

export function spokenDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const minutes = m === 0 ? '' : `${WORDS[m] ?? m} minute${m === 1 ? '' : 's'}`;
  const secs = s === 0 ? '' : `${s} second${s === 1 ? '' : 's'}`;
  return [minutes, secs].filter(Boolean).join(' ') || '0 seconds';
}

/** Every cue of a whole workout run straight through, for rendering and tests. */
export function workoutCues(plan: Plan, options: CueOptions = DEFAULT_CUE_OPTIONS): Cue[] {
  const cues: Cue[] = [];
  let start = 0;
  plan.intervals.forEach((interval, index) => {
    cues.push(...intervalCues(plan, index, start, options));
    start += (interval.duration ?? 0) * 1000;
  });
  return cues;
}

/** What is said when the athlete comes back to the app: only where things stand now. */
export function statusLine(plan: Plan, index: number, remainingMs: number | null): string {
  const i = plan.intervals[index];
  if (!i) return '';
  const side = i.side ? ` ${spokenSide(i)}.` : '';
  if (remainingMs === null) return `${i.label}.${side} Tap Done when finished.`;
  return `${i.label}.${side} ${spokenDuration(Math.ceil(remainingMs / 1000))} left.`;
}
