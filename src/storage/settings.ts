/**
 * The user's settings and remembered choices, kept on the device in
 * localStorage: the one place they are read and written. Read back through a
 * zod schema: anything missing or corrupt falls back to its default, field by
 * field. The schema also checks the settings inside a backup file.
 */
import * as z from 'zod/mini';

export const THEMES = ['system', 'light', 'dark', 'high-contrast'] as const;

export const settingsSchema = z.object({
  /** 0..1. */
  volume: z.number().check(z.minimum(0), z.maximum(1)),
  voice: z.boolean(),
  vibration: z.boolean(),
  /** Beeps before each change, 0 to 10. */
  countdownSeconds: z.int().check(z.minimum(0), z.maximum(10)),
  /** Maximum heart rate, for the zones' bpm targets; null when unknown. */
  hrMax: z.nullable(z.int().check(z.minimum(100), z.maximum(230))),
  theme: z.enum(THEMES),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  volume: 1,
  voice: true,
  vibration: true,
  countdownSeconds: 3,
  hrMax: null,
  theme: 'system',
};

const KEY = 'aquajog.settings';

/** Reads settings, keeping every valid field and defaulting the rest. */
export function loadSettings(storage: Storage | undefined = globalThis.localStorage): Settings {
  let raw: unknown = null;
  try {
    raw = JSON.parse(storage?.getItem(KEY) ?? 'null');
  } catch {
    raw = null;
  }
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (raw && typeof raw === 'object') {
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const field = settingsSchema.shape[key];
      const value = (raw as Record<string, unknown>)[key];
      if (value !== undefined && field.safeParse(value).success) out[key] = value;
    }
  }
  return out as Settings;
}

/** Saves settings; returns false when the device refused (private mode, full disk). */
export function saveSettings(settings: Settings, storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    storage?.setItem(KEY, JSON.stringify(settingsSchema.parse(settings)));
    return true;
  } catch {
    return false;
  }
}

const CHOICES_KEY = 'aquajog.choices';

export interface RememberedChoices {
  readonly choices: Record<string, number>;
  readonly week?: number;
}

/** The choices last used for a workout (rounds, hold times, week), per workout id. */
export function loadChoices(workoutId: string, storage: Storage | undefined = globalThis.localStorage): RememberedChoices {
  try {
    const all = JSON.parse(storage?.getItem(CHOICES_KEY) ?? '{}') as Record<string, RememberedChoices>;
    const entry = all[workoutId];
    const choices: Record<string, number> = {};
    for (const [k, v] of Object.entries(entry?.choices ?? {})) if (Number.isInteger(v)) choices[k] = v;
    const week = entry?.week;
    return Number.isInteger(week) ? { choices, week: week! } : { choices };
  } catch {
    return { choices: {} };
  }
}

export function saveChoices(workoutId: string, remembered: RememberedChoices, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    let stored: unknown = null;
    try {
      stored = JSON.parse(storage?.getItem(CHOICES_KEY) ?? '{}');
    } catch {
      // Unreadable: start again rather than never remembering anything.
    }
    const all = (stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {}) as Record<string, RememberedChoices>;
    all[workoutId] = remembered;
    storage?.setItem(CHOICES_KEY, JSON.stringify(all));
  } catch {
    // Not remembered this time; nothing else depends on it.
  }
}
