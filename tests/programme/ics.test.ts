import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/dsl';
import { programmeIcs, parseTime } from '../../src/programme/ics';
import { programmesOf, type ProgrammeDef } from '../../src/programme/programme';

const FILES = ['fredericson-stretches', 'fredericson-strength', 'icing'];
const source = (id: string) => readFileSync(new URL(`../../workouts/${id}.workout`, import.meta.url), 'utf8');
const def = programmesOf(FILES.map((id) => ({ id, plan: compile(source(id)).plan })))[0]!;
const NOW = Date.UTC(2026, 10, 30, 7, 0);

function occurrences(event: ICAL.Event, limit = 100): string[] {
  const it = event.iterator();
  const out: string[] = [];
  for (let next = it.next(); next && out.length < limit; next = it.next()) out.push(next.toString());
  return out;
}

describe('programme reminders as an iCalendar file', () => {
  const text = programmeIcs({
    def,
    from: '2026-11-30',
    until: '2027-01-10',
    times: { 'fredericson-stretches': ['08:00', '13:00', '19:30'], 'fredericson-strength': ['18:00'] },
    doses: { 'fredericson-strength': ['Week 1: 1 set of 15 each side', 'Week 6: 3 sets of 30 each side'] },
    uid: 'p1',
    now: NOW,
  });

  it('is valid RFC 5545: CRLF lines of at most 75 octets, parsed back by ical.js', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toContain('Aquajog');
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary)).toEqual([
      'Fredericson stretches (1 of 3)',
      'Fredericson stretches (2 of 3)',
      'Fredericson stretches (3 of 3)',
      'Fredericson strength',
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(4);
    for (const e of events) {
      expect(e.component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(e.startDate.zone?.tzid).toBe('floating');
    }
  });

  it('repeats each reminder every day of the programme at the chosen time, local wherever the phone is', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const [first, , third, strength] = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const days = occurrences(first!);
    expect(days).toHaveLength(42);
    expect(days[0]).toBe('2026-11-30T08:00:00');
    expect(days.at(-1)).toBe('2027-01-10T08:00:00');
    expect(occurrences(third!)[0]).toBe('2026-11-30T19:30:00');
    expect(strength!.description).toContain('Week 6: 3 sets of 30 each side');
  });

  it('keeps commas, semicolons and new lines in text escaped', () => {
    const odd: ProgrammeDef = { ...def, name: 'Rehab; knee, hip', members: [{ ...def.members[0]!, title: 'Stretch; then, rest\nslowly' }] };
    const out = programmeIcs({ def: odd, from: '2026-11-30', until: '2026-12-01', times: { 'fredericson-stretches': ['7:05'] }, uid: 'x', now: NOW });
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(out)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Stretch; then, rest\nslowly');
    expect(occurrences(event)).toEqual(['2026-11-30T07:05:00', '2026-12-01T07:05:00']);
  });

  it('puts weekday workouts on their days only', () => {
    const mwf: ProgrammeDef = { ...def, members: [{ ...def.members[1]!, schedule: { kind: 'days', days: ['mon', 'wed', 'fri'] } }] };
    const out = programmeIcs({ def: mwf, from: '2026-12-01', until: '2026-12-07', times: { 'fredericson-strength': ['18:00'] }, uid: 'x', now: NOW });
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(out)).getFirstSubcomponent('vevent')!);
    expect(occurrences(event)).toEqual(['2026-12-02T18:00:00', '2026-12-04T18:00:00', '2026-12-07T18:00:00']);
  });

  it('reads reminder times', () => {
    expect(parseTime('8:00')).toEqual({ h: 8, m: 0 });
    expect(parseTime('19:30')).toEqual({ h: 19, m: 30 });
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('8')).toBeNull();
  });
});
