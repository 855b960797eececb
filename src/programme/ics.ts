/**
 * Reminders without a server: the programme's sessions as an iCalendar file
 * (RFC 5545) that the phone's calendar app imports and then reminds from,
 * offline. Each reminder time is one event repeating every day (or on the
 * workout's weekdays) until the programme's last day, in floating local time,
 * so it rings at 8:00 wherever the phone is and across clock changes. Pure.
 */
import type { Weekday } from '../dsl';
import { addDays, daysBetween, type Day } from './days';
import type { ProgrammeDef } from './programme';

/** Reminder times per workout: `{ 'fredericson-stretches': ['08:00', '13:00', '19:00'] }`. */
export type ReminderTimes = Readonly<Record<string, readonly string[]>>;

export interface IcsOptions {
  readonly def: ProgrammeDef;
  readonly from: Day;
  readonly until: Day;
  readonly times: ReminderTimes;
  /** Each week's dose in words, for the event's description ("Week 1: 1 set of 15 each side"). */
  readonly doses?: Readonly<Record<string, readonly string[]>>;
  /** Makes the UIDs unique to this programme run. */
  readonly uid: string;
  readonly now: number;
}

const BYDAY: Readonly<Record<Weekday, string>> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };

/** TEXT escaping (RFC 5545 3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (size + n > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

function date(day: Day): string {
  return day.replace(/-/g, '');
}

function utcStamp(at: number): string {
  return new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Reads `H:MM` or `HH:MM` (24-hour), or null. */
export function parseTime(value: string): { h: number; m: number } | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? { h, m: min } : null;
}

/** The calendar file, CRLF line ends. Members without times get no events. */
export function programmeIcs(options: IcsOptions): string {
  const { def, from, until, times, doses = {}, uid, now } = options;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Aquajog//Programme reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(`${def.name} programme`)}`,
  ];
  if (daysBetween(from, until) >= 0) {
    for (const member of def.members) {
      const schedule = member.schedule;
      (times[member.workoutId] ?? []).forEach((value, i, all) => {
        const t = parseTime(value);
        if (!t) return;
        let first = from;
        let rule = `FREQ=DAILY;UNTIL=${date(until)}T235959`;
        if (schedule?.kind === 'days') {
          rule = `FREQ=WEEKLY;BYDAY=${schedule.days.map((d) => BYDAY[d]).join(',')};UNTIL=${date(until)}T235959`;
          // DTSTART must be one of the rule's days, so the first occurrence is the first of them.
          for (let d = from; daysBetween(d, until) >= 0 && !schedule.days.some((w) => BYDAY[w] === dayCode(d)); d = addDays(d, 1)) first = addDays(d, 1);
          if (daysBetween(first, until) < 0) return;
        } else if (schedule?.kind === 'weekly') {
          rule = `FREQ=WEEKLY;UNTIL=${date(until)}T235959`;
        }
        const start = `${date(first)}T${String(t.h).padStart(2, '0')}${String(t.m).padStart(2, '0')}00`;
        const count = all.length > 1 ? ` (${i + 1} of ${all.length})` : '';
        const description = [
          `${member.title}${member.when ? `, ${member.when}` : ''}.`,
          ...(doses[member.workoutId] ?? []),
          'Open Aquajog to start it with the timer.',
        ].join('\n');
        lines.push(
          'BEGIN:VEVENT',
          `UID:${text(`${uid}-${member.workoutId}-${i}`)}@aquajog`,
          `DTSTAMP:${utcStamp(now)}`,
          `DTSTART:${start}`,
          'DURATION:PT15M',
          `RRULE:${rule}`,
          `SUMMARY:${text(`${member.title}${count}`)}`,
          `DESCRIPTION:${text(description)}`,
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `DESCRIPTION:${text(member.title)}`,
          'TRIGGER:PT0M',
          'END:VALARM',
          'END:VEVENT',
        );
      });
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

function dayCode(day: Day): string {
  return ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(`${day}T00:00:00Z`).getUTCDay()]!;
}
