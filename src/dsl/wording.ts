/**
 * How the plan's parts are put in words, in one place: the timer, the spoken
 * cues, the lock screen, the timeline, History and the command line all say
 * "Round 3 of 10", "Left leg" and "87-92% HRmax" the same way.
 */
import type { Interval, Round, Side, Target } from './plan';

const ROUND_WORD: Readonly<Record<Round['kind'], string>> = { round: 'Round', rung: 'Rung', set: 'Set' };

/** One repeat, ladder rung or set: "Round 3 of 10", "Rung 2 of 17", "Set 1 of 3". */
export function roundOf(round: Round): string {
  return `${ROUND_WORD[round.kind]} ${round.index} of ${round.count}`;
}

/** The innermost repeat an interval belongs to ("Round 3 of 10"); empty outside any. */
export function roundText(rounds: readonly Round[]): string {
  const innermost = rounds.at(-1);
  return innermost === undefined ? '' : roundOf(innermost);
}

/** "Left", "Right"; empty for no side. */
export function sideText(side: Side | null): string {
  return side === null ? '' : side === 'left' ? 'Left' : 'Right';
}

/** A side as the screen shows it: "Left", "Right leg" (the kind, unless it is just "side"). */
export function sideLabel(interval: Pick<Interval, 'side' | 'sideKind'>): string {
  const side = sideText(interval.side);
  return side && interval.sideKind && interval.sideKind !== 'side' ? `${side} ${interval.sideKind}` : side;
}

/** A side as it is spoken: "Left side", "Right leg". */
export function spokenSide(interval: Pick<Interval, 'side' | 'sideKind'>): string {
  const side = sideText(interval.side);
  return side ? `${side} ${interval.sideKind ?? 'side'}` : '';
}

/**
 * "87-92% HRmax", "140-150 bpm", "90% HRmax"; with the athlete's maximum
 * heart rate known, a % target also gives its beats: "87-92% HRmax (161-170 bpm)".
 */
export function targetText(target: Target | null, hrMax: number | null = null): string {
  if (target === null) return '';
  const range = (low: number, high: number) => (low === high ? `${low}` : `${low}-${high}`);
  if (target.unit === 'bpm') return `${range(target.low, target.high)} bpm`;
  const pct = `${range(target.low, target.high)}% HRmax`;
  if (hrMax === null) return pct;
  return `${pct} (${range(Math.round((target.low * hrMax) / 100), Math.round((target.high * hrMax) / 100))} bpm)`;
}
