/**
 * Settings and remembered choices, read back from a fake Storage: whatever is
 * on the device (nothing, corrupt JSON, an older or hand-edited object), the
 * app gets valid settings, keeping every field that is still good.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/dsl/index';
import { MOVED_CHOICE_LINES } from '../../../src/storage/settings';
import { DEFAULT_SETTINGS, loadChoices, loadSettings, saveChoices, saveSettings, type Settings } from '../../../src/app/shared/settings';

const SETTINGS_KEY = 'aquajog.settings';
const CHOICES_KEY = 'aquajog.choices';

/** An in-memory Storage that can be made to refuse reads or writes, as private modes and full disks do. */
class FakeStorage implements Storage {
  readonly items = new Map<string, string>();
  refuseReads = false;
  refuseWrites = false;

  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    if (this.refuseReads) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.refuseWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
}

function storageWith(settings: unknown): FakeStorage {
  const storage = new FakeStorage();
  storage.items.set(SETTINGS_KEY, typeof settings === 'string' ? settings : JSON.stringify(settings));
  return storage;
}

const MINE: Settings = { volume: 0.35, voice: false, vibration: false, countdownSeconds: 5, hrMax: 188, theme: 'high-contrast', mixWithMusic: true };

describe('loadSettings', () => {
  it('gives the defaults on a new device, or with no storage at all', () => {
    expect(loadSettings(new FakeStorage())).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('gives the defaults when storage refuses to be read', () => {
    const storage = storageWith(MINE);
    storage.refuseReads = true;
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['corrupt JSON', '{"volume": 0.5,'],
    ['an empty string', ''],
    ['a number', '42'],
    ['a string', '"dark"'],
    ['null', 'null'],
    ['an array', '[0.5, true]'],
  ])('gives the defaults for %s', (_, raw) => {
    expect(loadSettings(storageWith(raw))).toEqual(DEFAULT_SETTINGS);
  });

  it('reads back everything that was saved', () => {
    const storage = new FakeStorage();
    expect(saveSettings(MINE, storage)).toBe(true);
    expect(loadSettings(storage)).toEqual(MINE);
  });

  it('keeps the fields of a partial object and defaults the rest', () => {
    expect(loadSettings(storageWith({ volume: 0.4, theme: 'dark' }))).toEqual({ ...DEFAULT_SETTINGS, volume: 0.4, theme: 'dark' });
    expect(loadSettings(storageWith({ hrMax: 175 }))).toEqual({ ...DEFAULT_SETTINGS, hrMax: 175 });
  });

  it('ignores fields it does not know', () => {
    const loaded = loadSettings(storageWith({ ...MINE, language: 'fr', volume: 0.5 }));
    expect(loaded).toEqual({ ...MINE, volume: 0.5 });
    expect(Object.keys(loaded).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it.each<[keyof Settings, unknown]>([
    ['volume', 1.5],
    ['volume', -0.1],
    ['volume', '0.5'],
    ['volume', null],
    ['voice', 'yes'],
    ['voice', 1],
    ['vibration', 'off'],
    ['countdownSeconds', 11],
    ['countdownSeconds', -1],
    ['countdownSeconds', 2.5],
    ['countdownSeconds', '3'],
    ['hrMax', 99],
    ['hrMax', 231],
    ['hrMax', 180.5],
    ['hrMax', '180'],
    ['theme', 'neon'],
    ['theme', ''],
    ['theme', null],
  ])('falls back to the default %s when it is %j, keeping the other fields', (field, bad) => {
    const loaded = loadSettings(storageWith({ ...MINE, [field]: bad }));
    expect(loaded).toEqual({ ...MINE, [field]: DEFAULT_SETTINGS[field] });
  });

  it.each<[keyof Settings, unknown]>([
    ['volume', 0],
    ['volume', 1],
    ['countdownSeconds', 0],
    ['countdownSeconds', 10],
    ['hrMax', 100],
    ['hrMax', 230],
    ['hrMax', null],
    ['theme', 'system'],
    ['theme', 'light'],
  ])('accepts %s at %j, the edge of its range', (field, good) => {
    expect(loadSettings(storageWith({ ...MINE, [field]: good }))[field]).toBe(good);
  });
});

describe('saveSettings', () => {
  it('stores JSON that loads back', () => {
    const storage = new FakeStorage();
    expect(saveSettings({ ...DEFAULT_SETTINGS, volume: 0.6 }, storage)).toBe(true);
    expect(JSON.parse(storage.items.get(SETTINGS_KEY)!)).toEqual({ ...DEFAULT_SETTINGS, volume: 0.6 });
  });

  it('says so when the device refuses, and keeps what was there', () => {
    const storage = storageWith(MINE);
    storage.refuseWrites = true;
    expect(saveSettings(DEFAULT_SETTINGS, storage)).toBe(false);
    expect(loadSettings(storage)).toEqual(MINE);
  });

  it('refuses invalid settings rather than storing them', () => {
    const storage = storageWith(MINE);
    expect(saveSettings({ ...MINE, countdownSeconds: 42 }, storage)).toBe(false);
    expect(loadSettings(storage)).toEqual(MINE);
  });
});

describe('loadChoices and saveChoices', () => {
  it('remembers choices and the week per workout', () => {
    const storage = new FakeStorage();
    expect(loadChoices('pyramid', storage)).toEqual({ choices: {} });
    saveChoices('wave-your-hands', { choices: { '4:1': 15 } }, storage);
    saveChoices('fredericson-strength', { choices: { '6:10': 25 }, week: 3 }, storage);
    expect(loadChoices('wave-your-hands', storage)).toEqual({ choices: { '4:1': 15 } });
    expect(loadChoices('fredericson-strength', storage)).toEqual({ choices: { '6:10': 25 }, week: 3 });
    expect(loadChoices('pyramid', storage)).toEqual({ choices: {} });

    // Saving one workout leaves the others alone.
    saveChoices('wave-your-hands', { choices: { '4:1': 12 } }, storage);
    expect(loadChoices('wave-your-hands', storage)).toEqual({ choices: { '4:1': 12 } });
    expect(loadChoices('fredericson-strength', storage)).toEqual({ choices: { '6:10': 25 }, week: 3 });
  });

  it('moves choices remembered before a built-in workout gained a setting line along with their steps', () => {
    const storage = new FakeStorage();
    // As an earlier version saved them: no format version, keyed by the old lines.
    storage.items.set(
      CHOICES_KEY,
      JSON.stringify({ 'self-care': { choices: { '4:1': 30, '5:1': 25 } }, icing: { choices: { '6': 12 } }, 'wave-your-hands': { choices: { '6:1': 15 } } }),
    );
    expect(loadChoices('self-care', storage)).toEqual({ choices: { '5:1': 30, '6:1': 25 } });
    expect(loadChoices('icing', storage)).toEqual({ choices: { '7': 12 } });
    expect(loadChoices('wave-your-hands', storage)).toEqual({ choices: { '6:1': 15 } });
    // Every moved line lands on a range of the workout as it is now.
    for (const [id, moves] of Object.entries(MOVED_CHOICE_LINES)) {
      const plan = compile(readFileSync(new URL(`../../../workouts/${id}.workout`, import.meta.url), 'utf8')).plan!;
      const lines = plan.choices.map((c) => Number(c.id.split(':')[0]));
      for (const to of Object.values(moves)) expect(lines, `${id} line ${to}`).toContain(to);
    }
    // Saved again now, they are read as they are.
    saveChoices('self-care', { choices: { '5:1': 20 } }, storage);
    expect(loadChoices('self-care', storage)).toEqual({ choices: { '5:1': 20 } });
  });

  it('keeps only whole-number choices and weeks', () => {
    const storage = new FakeStorage();
    storage.items.set(
      CHOICES_KEY,
      JSON.stringify({
        a: { choices: { '1:1': 12, '2:1': 12.5, '3:1': '12', '4:1': null }, week: 2.5 },
        b: { choices: 'rounds', week: '2' },
        c: { week: 4 },
        d: 7,
      }),
    );
    expect(loadChoices('a', storage)).toEqual({ choices: { '1:1': 12 } });
    expect(loadChoices('b', storage)).toEqual({ choices: {} });
    expect(loadChoices('c', storage)).toEqual({ choices: {}, week: 4 });
    expect(loadChoices('d', storage)).toEqual({ choices: {} });
  });

  it.each([
    ['corrupt JSON', '{"a": {'],
    ['null', 'null'],
    ['a number', '3'],
  ])('gives no choices when the stored value is %s', (_, raw) => {
    const storage = new FakeStorage();
    storage.items.set(CHOICES_KEY, raw);
    expect(loadChoices('a', storage)).toEqual({ choices: {} });
  });

  it('gives no choices when storage refuses to be read, or there is none', () => {
    const storage = new FakeStorage();
    saveChoices('a', { choices: { '1:1': 12 } }, storage);
    storage.refuseReads = true;
    expect(loadChoices('a', storage)).toEqual({ choices: {} });
    expect(loadChoices('a', undefined)).toEqual({ choices: {} });
  });

  it('does not throw when the device refuses to save', () => {
    const storage = new FakeStorage();
    storage.refuseWrites = true;
    expect(() => saveChoices('a', { choices: { '1:1': 12 } }, storage)).not.toThrow();
    expect(() => saveChoices('a', { choices: {} }, undefined)).not.toThrow();
    storage.refuseWrites = false;
    expect(loadChoices('a', storage)).toEqual({ choices: {} });
  });

  it.each([
    ['corrupt JSON', '{"a": {'],
    ['null', 'null'],
  ])('remembers new choices even when what was stored is %s', (_, raw) => {
    const storage = new FakeStorage();
    storage.items.set(CHOICES_KEY, raw);
    saveChoices('wave-your-hands', { choices: { '4:1': 15 } }, storage);
    expect(loadChoices('wave-your-hands', storage)).toEqual({ choices: { '4:1': 15 } });
  });
});
