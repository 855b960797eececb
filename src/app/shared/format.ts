/**
 * How the app words a plan: the small pieces of text the library, the workout
 * page and (later) the timer share. Pure functions, no DOM, so they are tested
 * in Node.
 */
import { formatClock } from '../../dsl';
import type { Choice, Interval, Role, Tempo, Zone } from '../../dsl';

/** What the duration column says for one interval: "1:30", "15 reps", "Until Done". */
export function amountText(interval: Interval): string {
  switch (interval.amount) {
    case 'time':
      return interval.duration === null ? UNTIL_DONE : formatClock(interval.duration);
    case 'reps':
      return interval.reps === null ? `Reps, ${UNTIL_DONE.toLowerCase()}` : plural(interval.reps, 'rep');
    case 'steps':
      return interval.reps === null ? `Steps, ${UNTIL_DONE.toLowerCase()}` : plural(interval.reps, 'step');
    case 'open':
      return UNTIL_DONE;
  }
}

/** Untimed and open steps end when the athlete taps Done. */
export const UNTIL_DONE = 'Until Done';

/**
 * The second line under a counted amount: how long paced reps take and their
 * tempo ("2:15 at tempo 2-5-2"). Empty when there is nothing to add.
 */
export function amountDetail(interval: Interval): string {
  if (interval.amount === 'time' || interval.amount === 'open') return '';
  const parts: string[] = [];
  if (interval.duration !== null) parts.push(formatClock(interval.duration));
  if (interval.tempo !== null) parts.push(tempoText(interval.tempo));
  return parts.join(' at ');
}

export function tempoText(tempo: Tempo): string {
  return `tempo ${tempo.up}-${tempo.hold}-${tempo.down}`;
}

// Rounds, sides and targets are worded by the language itself (src/dsl/wording.ts), for every screen alike.
export { roundText, sideText, targetText } from '../../dsl';

const ROLE_TEXT: Record<Role, string> = {
  warmup: 'Warm-up',
  cooldown: 'Cool-down',
  between: 'Between',
  switch: 'Switch sides',
  step: '',
};

/** A short name for a step's role, empty for ordinary steps. */
export function roleText(role: Role): string {
  return ROLE_TEXT[role];
}

/** A zone's display name: its label, or its name with a capital letter. */
export function zoneName(zone: Zone | undefined, fallback: string): string {
  if (zone !== undefined && zone.label.trim() !== '') return zone.label;
  const name = zone?.name ?? fallback;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const ZONE_TOKEN = /^--aq-zone-[a-z0-9-]+$/;

/**
 * A CSS value for a zone's colour. The token comes from workout data (which
 * may arrive in a share link), so anything but a well-formed zone token falls
 * back to the neutral work colour instead of reaching the style attribute.
 */
export function zoneColor(zone: Zone | undefined): string {
  const token = zone?.colorToken ?? '';
  return ZONE_TOKEN.test(token) ? `var(${token}, var(--aq-zone-work))` : 'var(--aq-zone-work)';
}

/**
 * The values offered for a range, in order, with their display text. A range
 * wider than `limit` values is thinned to every n-th value; the low and high
 * ends are always offered.
 */
export function choiceOptions(choice: Choice, limit = 500): { value: number; text: string }[] {
  const unit = Math.max(1, choice.kind === 'time' ? choice.step : 1);
  const count = Math.floor((choice.max - choice.min) / unit) + 1;
  const stride = unit * Math.max(1, Math.ceil(count / limit));
  const text = (value: number) => (choice.kind === 'time' ? formatClock(value) : String(value));
  const options: { value: number; text: string }[] = [];
  for (let value = choice.min; value <= choice.max; value += stride) options.push({ value, text: text(value) });
  if (options.at(-1)?.value !== choice.max) options.push({ value: choice.max, text: text(choice.max) });
  return options;
}

/** A summary that is only a clock time ("1:17:00"), not a sentence. */
export function isClock(text: string): boolean {
  return /^\d+(?::\d\d)+$/.test(text);
}

/** "Source: …" or "Sources: …" at the start of a note or of one of its sentences. */
const SOURCE_SENTENCE = /(?:^|(?<=[.!?]\s+))Sources?:\s*\S.*$/s;

/** "From …" at the start of a note or of one of its sentences (an older way of citing). */
const FROM_SENTENCE = /(?:^|(?<=[.!?]\s+))From\s.+$/s;

/**
 * Splits a workout's notes into the source it cites and the rest. The source
 * is the first sentence starting "Source:" or "Sources:" (publisher, title and
 * where to find it, as people cite them) to the end of its note; failing that,
 * the first "From …" sentence. The sentences before it stay a note.
 */
export function splitSource(notes: readonly string[]): { source: string | null; notes: string[] } {
  for (const pattern of [SOURCE_SENTENCE, FROM_SENTENCE]) {
    for (const [index, note] of notes.entries()) {
      const match = pattern.exec(note.trim());
      if (match === null) continue;
      const before = note.trim().slice(0, match.index).trim();
      const rest = notes.filter((_, i) => i !== index);
      if (before !== '') rest.splice(index, 0, before);
      return { source: match[0].trim(), notes: rest };
    }
  }
  return { source: null, notes: [...notes] };
}

/**
 * Straight double quotes as typographic ones, in pairs: the workout language
 * turns a phone's curly quotes into straight ones, but a cited title reads
 * better in “these”. An unpaired quote stays as it is.
 */
export function curlyQuotes(text: string): string {
  return text.replace(/"([^"\n]*)"/g, '\u201C$1\u201D');
}

/**
 * The title of a workout that did not compile, read from its first line so the
 * library can still name it ("# Pyramid" gives "Pyramid").
 */
export function titleFromSource(source: string): string | null {
  const first = source.split(/\r\n|\r|\n/).find((line) => line.trim() !== '');
  const match = first === undefined ? null : /^\s*#\s*(.+?)\s*$/.exec(first);
  return match?.[1] ?? null;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
