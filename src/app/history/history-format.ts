/**
 * How History words a session, a backup and the storage figures. Pure
 * functions with no DOM, so they are tested in Node.
 */
import { BUILT_IN_ZONES, labelFor } from '../../dsl/zones';
import type { ImportResult } from '../../storage/db';
import type { SessionRecord } from '../../storage/schema';

/**
 * When a session started, local time, as a person reads it:
 * "Sat 21 Nov, 09:30" (en-GB), "Sat, Nov 21, 9:30 AM" (en-US).
 */
export function sessionDateText(at: number, locale?: string): string {
  const d = new Date(at);
  const date = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(d);
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(d);
  return `${date}, ${time}`;
}

/** A day without the weekday: "21 Nov" (en-GB), "Nov 21" (en-US). */
export function dayText(at: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(new Date(at));
}

/** "Completed", "Ended early at interval 12 of 38". */
export function completionText(session: Pick<SessionRecord, 'completed' | 'endedAtInterval' | 'intervalCount'>): string {
  if (session.completed) return 'Completed';
  if (session.endedAtInterval === null) return 'Ended early';
  return `Ended early at interval ${session.endedAtInterval} of ${session.intervalCount}`;
}

export interface ZoneTime {
  /** The zone's name as the workout file spells it (`sprint`). */
  readonly zone: string;
  /** Its display name (`Sprint`). */
  readonly label: string;
  /** A CSS colour value made from a zone token. */
  readonly color: string;
  readonly seconds: number;
}

const BUILT_IN = new Map(BUILT_IN_ZONES.map((z) => [z.name, z]));
const ZONE_NAME = /^[a-z0-9-]+$/;

/**
 * A zone's colour from its name. Built-in zones have their own token; a zone a
 * workout defined itself is only known here by name, so it gets its own token
 * if the theme has one and the neutral work colour otherwise. The name comes
 * from stored data, so anything odd never reaches a style.
 */
export function zoneColorOf(zone: string): string {
  const builtIn = BUILT_IN.get(zone);
  if (builtIn) return `var(${builtIn.colorToken})`;
  return ZONE_NAME.test(zone) ? `var(--aq-zone-${zone}, var(--aq-zone-work))` : 'var(--aq-zone-work)';
}

/** Display name of a zone known only by name. */
export function zoneLabelOf(zone: string): string {
  return BUILT_IN.get(zone)?.label ?? labelFor(zone);
}

/** Zone order: built-in zones easiest first, then the others by name. */
export function compareZones(a: string, b: string): number {
  const ia = BUILT_IN.get(a)?.intensity ?? Number.POSITIVE_INFINITY;
  const ib = BUILT_IN.get(b)?.intensity ?? Number.POSITIVE_INFINITY;
  return ia !== ib ? ia - ib : a.localeCompare(b);
}

/** Time per zone, easiest zone first, leaving out zones with no time. */
export function zoneTimes(zoneSeconds: Readonly<Record<string, number>>): ZoneTime[] {
  return Object.entries(zoneSeconds)
    .filter(([, seconds]) => seconds > 0)
    .sort(([a], [b]) => compareZones(a, b))
    .map(([zone, seconds]) => ({ zone, label: zoneLabelOf(zone), color: zoneColorOf(zone), seconds }));
}

/** "812 bytes", "4.5 KB", "1.2 MB", "2.1 GB" (powers of 1024, as browsers report quota). */
export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} byte${Math.round(bytes) === 1 ? '' : 's'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** "aquajog-backup-2026-11-21.json": the local date, so files sort by day. */
export function exportFileName(kind: 'backup' | 'sessions', extension: 'json' | 'csv', now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `aquajog-${kind}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.${extension}`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * What an import did, in a sentence or two:
 * "Imported 5 sessions (2 updated, 3 already here)."
 */
export function importSummary(result: ImportResult): string {
  const total = result.added + result.updated + result.unchanged;
  const parts: string[] = [];
  if (total === 0) parts.push('The backup had no sessions.');
  else {
    const detail: string[] = [];
    if (result.added > 0 && result.added !== total) detail.push(`${result.added} new`);
    if (result.updated > 0) detail.push(`${result.updated} updated`);
    if (result.unchanged > 0) detail.push(`${result.unchanged} already here`);
    parts.push(`Imported ${count(total, 'session')}${detail.length > 0 ? ` (${detail.join(', ')})` : ''}.`);
  }
  if (result.workouts > 0) parts.push(`${count(result.workouts, 'custom workout')} included.`);
  if (result.programmes > 0) parts.push(`${count(result.programmes, 'programme')} included.`);
  if (result.settings !== null) parts.push('Settings restored.');
  return parts.join(' ');
}

/** The day of the month and the short month name, apart, for two-line chart labels. */
export function dayAndMonth(at: number, locale?: string): { day: string; month: string } {
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).formatToParts(new Date(at));
  return {
    day: parts.find((p) => p.type === 'day')?.value ?? '',
    month: parts.find((p) => p.type === 'month')?.value ?? '',
  };
}

/** Whole minutes, for chart labels: 95.4 minutes gives "95". */
export function minutesText(minutes: number): string {
  return String(Math.round(minutes));
}
