/**
 * Calendar days as people count them: `2026-11-30`, a date on the wall
 * calendar with no time and no time zone. A programme's days are counted on
 * these, so a daylight-saving change (a 23- or 25-hour day) or flying to
 * another time zone never makes a day vanish or count twice. Pure.
 */
import type { Weekday } from '../dsl';

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAY_OF: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The day an instant falls on, on this device's calendar (its time zone now). */
export function dayOf(at: number): Day {
  const d = new Date(at);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `YYYY-MM-DD` read strictly (a real date), or null. */
export function parseDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? text : null;
}

/** Days counted on the calendar, not in hours: UTC midnights never meet a clock change. */
function serial(day: Day): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

function fromSerial(n: number): Day {
  const d = new Date(n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(day: Day, n: number): Day {
  return fromSerial(serial(day) + n);
}

/** How many days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: Day, b: Day): number {
  return serial(b) - serial(a);
}

export function weekdayOf(day: Day): Weekday {
  return WEEKDAY_OF[new Date(serial(day) * DAY_MS).getUTCDay()]!;
}

/** Local midnight at the start of a day, on this device's calendar. */
export function startOfDay(day: Day): number {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))).getTime();
}

/** "Mon 30 Nov" style words for a day, in the reader's language. */
export function dayWords(day: Day, options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' }): string {
  return new Date(serial(day) * DAY_MS).toLocaleDateString(undefined, { ...options, timeZone: 'UTC' });
}
