/**
 * Settings are read on the first page with plain checks and inside backups
 * with zod: the two must agree on every value, or a backup could carry
 * settings the app then throws away (or the other way round).
 */
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../src/storage/schema';
import { DEFAULT_SETTINGS, isSettings, loadProgrammeHint, loadTodayHint, saveProgrammeHint, SETTINGS_FIELDS, type Settings } from '../../src/storage/settings';

const samples: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  1,
  -1,
  0.5,
  1.0001,
  3,
  10,
  11,
  2.5,
  99,
  100,
  180,
  230,
  231,
  100.5,
  NaN,
  Infinity,
  -Infinity,
  '',
  '3',
  'system',
  'light',
  'dark',
  'high-contrast',
  'sepia',
  [],
  {},
  [1],
];

describe('settings checks', () => {
  for (const key of Object.keys(SETTINGS_FIELDS) as (keyof Settings)[]) {
    it(`${key}: the first page's check and the backup's schema agree on every sample`, () => {
      const field = settingsSchema.shape[key];
      const disagreements = samples.filter((v) => SETTINGS_FIELDS[key](v) !== field.safeParse(v).success);
      expect(disagreements).toEqual([]);
      // Both accept something and refuse something: the samples really test the rule.
      expect(samples.some((v) => SETTINGS_FIELDS[key](v))).toBe(true);
      expect(samples.some((v) => !SETTINGS_FIELDS[key](v))).toBe(true);
    });
  }

  it('accepts the defaults as a whole, and refuses an object missing a field or with a bad one', () => {
    expect(isSettings(DEFAULT_SETTINGS)).toBe(true);
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    const { theme: _theme, ...missing } = DEFAULT_SETTINGS;
    expect(isSettings(missing)).toBe(false);
    expect(isSettings({ ...DEFAULT_SETTINGS, volume: 2 })).toBe(false);
    expect(isSettings(null)).toBe(false);
  });
});

describe('the running programme hint', () => {
  const memory = new Map<string, string>();
  const storage = {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
    clear: () => memory.clear(),
    key: () => null,
    length: 0,
  } satisfies Storage;
  const hint = {
    name: 'Fredericson',
    weeks: 6,
    start: '2026-11-30',
    status: 'active',
    segments: [{ from: '2026-11-30', week: 1, offset: 0 }],
    pauses: [],
  } as const;

  it('keeps only what pages need, and reads back only a well-formed hint', () => {
    saveProgrammeHint({ ...hint, marks: [{ id: 'm' }] } as unknown as typeof hint, storage);
    expect(loadProgrammeHint(storage)).toEqual(hint);
    expect(loadTodayHint(storage)).toBe(true);
    for (const bad of ['{', '1', '{"name":"F"}', JSON.stringify({ ...hint, segments: [] }), JSON.stringify({ ...hint, status: 'ended' })]) {
      memory.set('aquajog.today', bad);
      expect(loadProgrammeHint(storage), bad).toBeNull();
    }
    saveProgrammeHint(null, storage);
    expect(loadTodayHint(storage)).toBe(false);
  });
});
