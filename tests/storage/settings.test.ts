/**
 * Settings are read on the first page with plain checks and inside backups
 * with zod: the two must agree on every value, or a backup could carry
 * settings the app then throws away (or the other way round).
 */
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../src/storage/schema';
import { DEFAULT_SETTINGS, isSettings, SETTINGS_FIELDS, type Settings } from '../../src/storage/settings';

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
