/**
 * One's own workouts as text: a new one from a template that teaches the
 * language by example, a copy of any workout, a new title. Pure: no DOM, no
 * storage (mine-store.ts keeps them).
 */
import type { CustomWorkout } from '../../storage/schema';
import { titleFromSource } from '../shared/format';
import { MINE_PREFIX } from './mine-id';

export { isMineId, MINE_PREFIX } from './mine-id';

/** A new workout: every line shows one thing the language can do. */
export const TEMPLATE = `# My workout
tags: pool
> What it is for. A line that starts with > is a note; // starts a comment.
// Every step is a time, a zone (easy, medium, hard, sprint, rest) and an optional "label".
warmup 10m easy
// 4-6x repeats the indented lines below it; you pick 4, 5 or 6 before starting.
4-6x
  2m medium "Steady, tall posture"
  30s sprint
  1m rest
cooldown 5m easy
`;

/** A new id for a workout of one's own: random, so two devices never collide. */
export function newMineId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${MINE_PREFIX}${random}`;
}

/** The title a workout's text gives itself (`# Title`), or a stand-in while it has none. */
export function titleOf(source: string): string {
  return titleFromSource(source)?.trim() || 'Untitled workout';
}

/** The text with a new title: the `# Title` line replaced, or one added on top. */
export function retitle(source: string, title: string): string {
  const clean = title.replace(/[\r\n]+/g, ' ').trim() || 'Untitled workout';
  const lines = source.split('\n');
  const at = lines.findIndex((line) => line.trim() !== '');
  if (at >= 0 && /^\s*#/.test(lines[at]!)) {
    lines[at] = `# ${clean}`;
    return lines.join('\n');
  }
  return `# ${clean}\n${source}`;
}

/** The title for a copy: "Pyramid (copy)", "Pyramid (copy 2)" when that is taken. */
export function copyTitle(title: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = title.replace(/ \(copy(?: \d+)?\)$/, '');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base} (copy)` : `${base} (copy ${n})`;
    if (!used.has(candidate)) return candidate;
  }
}

/** A record for a workout's text, new or updated. */
export function mineRecord(source: string, now: number, previous?: CustomWorkout | null): CustomWorkout {
  return { id: previous?.id ?? newMineId(), title: titleOf(source), source, createdAt: previous?.createdAt ?? now, updatedAt: now };
}
