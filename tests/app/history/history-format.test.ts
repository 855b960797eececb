import { describe, expect, it } from 'vitest';
import {
  bytesText,
  completionText,
  dayAndMonth,
  exportFileName,
  importSummary,
  sessionDateText,
  zoneColorOf,
  zoneTimes,
} from '../../../src/app/history/history-format';

const SAT_MORNING = new Date(2026, 10, 21, 9, 30).getTime();

describe('history wording', () => {
  it('dates a session in local time, readably', () => {
    expect(sessionDateText(SAT_MORNING, 'en-GB')).toBe('Sat 21 Nov, 09:30');
    expect(sessionDateText(SAT_MORNING, 'en-US')).toBe('Sat, Nov 21, 9:30 AM');
    expect(dayAndMonth(SAT_MORNING, 'en-GB')).toEqual({ day: '21', month: 'Nov' });
  });

  it('says whether a session was completed or where it ended', () => {
    expect(completionText({ completed: true, endedAtInterval: null, intervalCount: 38 })).toBe('Completed');
    expect(completionText({ completed: false, endedAtInterval: 12, intervalCount: 38 })).toBe('Ended early at interval 12 of 38');
    expect(completionText({ completed: false, endedAtInterval: null, intervalCount: 38 })).toBe('Ended early');
  });

  it('orders zones easiest first, names them and colours them only with zone tokens', () => {
    const zones = zoneTimes({ sprint: 1440, threshold: 60, easy: 2280, rest: 1080, hard: 0 });
    expect(zones.map((z) => z.label)).toEqual(['Rest', 'Easy', 'Sprint', 'Threshold']);
    expect(zones[0]!.color).toBe('var(--aq-zone-rest)');
    expect(zoneColorOf('threshold')).toBe('var(--aq-zone-threshold, var(--aq-zone-work))');
    // A name from an imported file never reaches a style as anything but a token.
    expect(zoneColorOf('red; background: url(x)')).toBe('var(--aq-zone-work)');
  });

  it('reports storage in bytes, KB and MB', () => {
    expect(bytesText(1)).toBe('1 byte');
    expect(bytesText(812)).toBe('812 bytes');
    expect(bytesText(4608)).toBe('4.5 KB');
    expect(bytesText(1.2 * 1024 * 1024)).toBe('1.2 MB');
    expect(bytesText(300 * 1024 * 1024)).toBe('300 MB');
  });

  it('names export files by the local date', () => {
    expect(exportFileName('backup', 'json', SAT_MORNING)).toBe('aquajog-backup-2026-11-21.json');
    expect(exportFileName('sessions', 'csv', new Date(2027, 0, 3, 23, 59).getTime())).toBe('aquajog-sessions-2027-01-03.csv');
  });

  it('sums up an import', () => {
    const none = { added: 0, updated: 0, unchanged: 0, workouts: 0, programmes: 0, settings: null };
    expect(importSummary({ ...none, updated: 2, unchanged: 3 })).toBe('Imported 5 sessions (2 updated, 3 already here).');
    expect(importSummary({ ...none, added: 5 })).toBe('Imported 5 sessions.');
    expect(importSummary({ ...none, added: 1, unchanged: 1 })).toBe('Imported 2 sessions (1 new, 1 already here).');
    expect(importSummary({ ...none, workouts: 1 })).toBe('The backup had no sessions. 1 custom workout included.');
    expect(importSummary({ ...none, added: 3, programmes: 1 })).toBe('Imported 3 sessions. 1 programme included.');
    expect(
      importSummary({
        ...none,
        added: 1,
        settings: { volume: 1, voice: true, vibration: true, countdownSeconds: 3, hrMax: null, theme: 'system', mixWithMusic: false },
      }),
    ).toBe('Imported 1 session. Settings restored.');
  });
});
