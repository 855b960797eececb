/**
 * The user's settings and remembered choices, kept on the device in
 * localStorage: the one place they are read and written. Read back field by
 * field: anything missing or corrupt falls back to its default.
 */
export const THEMES = ['system', 'light', 'dark', 'high-contrast'] as const;

export interface Settings {
  /** 0..1. */
  readonly volume: number;
  readonly voice: boolean;
  readonly vibration: boolean;
  /** Beeps before each change, 0 to 10. */
  readonly countdownSeconds: number;
  /** Maximum heart rate, for the zones' bpm targets; null when unknown. */
  readonly hrMax: number | null;
  readonly theme: (typeof THEMES)[number];
  /**
   * Play the cues over the athlete's own music instead of as a track of their
   * own: other apps' music keeps playing, but the cues need the screen on.
   */
  readonly mixWithMusic: boolean;
}

const isInt = (v: unknown, min: number, max: number): boolean => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/**
 * One check per field. Plain functions, not zod: settings are read on the
 * first page, which carries no zod. `settingsSchema` (schema.ts) checks the
 * same rules in a backup file, and a test keeps the two in step.
 */
export const SETTINGS_FIELDS: { readonly [K in keyof Settings]: (value: unknown) => boolean } = {
  volume: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1,
  voice: (v) => typeof v === 'boolean',
  vibration: (v) => typeof v === 'boolean',
  countdownSeconds: (v) => isInt(v, 0, 10),
  hrMax: (v) => v === null || isInt(v, 100, 230),
  theme: (v) => (THEMES as readonly unknown[]).includes(v),
  mixWithMusic: (v) => typeof v === 'boolean',
};

export const DEFAULT_SETTINGS: Settings = {
  volume: 1,
  voice: true,
  vibration: true,
  countdownSeconds: 3,
  hrMax: null,
  theme: 'system',
  mixWithMusic: false,
};

const KEY = 'aquajog.settings';

/** Every field there and valid (nothing else is saved). */
export function isSettings(value: unknown): value is Settings {
  if (!value || typeof value !== 'object') return false;
  return (Object.keys(SETTINGS_FIELDS) as (keyof Settings)[]).every((key) => SETTINGS_FIELDS[key]((value as Record<string, unknown>)[key]));
}

/** Reads settings, keeping every valid field and defaulting the rest. */
export function loadSettings(storage: Storage | undefined = globalThis.localStorage): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(KEY) ?? 'null');
  } catch {
    raw = null;
  }
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (raw && typeof raw === 'object') {
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const value = (raw as Record<string, unknown>)[key];
      if (value !== undefined && SETTINGS_FIELDS[key](value)) out[key] = value;
    }
  }
  return out as unknown as Settings;
}

/** Saves settings; returns false when the device refused (private mode, full disk). */
export function saveSettings(settings: Settings, storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    if (!isSettings(settings)) return false;
    storage?.setItem(KEY, JSON.stringify(settings));
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

/** How remembered choices are stored: 2 since built-in workouts gained `programme:` lines. */
const CHOICES_VERSION = 2;

/**
 * Choices are keyed by their source line (`LINE:COL`). When a built-in
 * workout gained a setting line above its steps, its ranges moved down: a
 * choice remembered before (no version) follows its range to the new line,
 * so a hold time is never applied to another step.
 */
export const MOVED_CHOICE_LINES: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  icing: { 6: 7 },
  'self-care': { 4: 5, 5: 6 },
};

function movedKey(workoutId: string, key: string): string {
  const m = /^(\d+)(:\d+)?$/.exec(key);
  const to = m ? MOVED_CHOICE_LINES[workoutId]?.[Number(m[1])] : undefined;
  return to === undefined ? key : `${to}${m![2] ?? ''}`;
}

/** The choices last used for a workout (rounds, hold times, week), per workout id. */
export function loadChoices(workoutId: string, storage: Storage | undefined = globalThis.localStorage): RememberedChoices {
  try {
    const all = JSON.parse(storage?.getItem(CHOICES_KEY) ?? '{}') as Record<string, RememberedChoices & { v?: number }>;
    const entry = all[workoutId];
    const old = entry !== undefined && entry.v !== CHOICES_VERSION;
    const choices: Record<string, number> = {};
    for (const [k, v] of Object.entries(entry?.choices ?? {})) if (Number.isInteger(v)) choices[old ? movedKey(workoutId, k) : k] = v;
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
    all[workoutId] = { ...remembered, v: CHOICES_VERSION } as RememberedChoices;
    storage?.setItem(CHOICES_KEY, JSON.stringify(all));
  } catch {
    // Not remembered this time; nothing else depends on it.
  }
}

const TODAY_KEY = 'aquajog.today';

/** What the first page and the workout page need to know of the running programme, without IndexedDB. */
export interface ProgrammeHint {
  readonly name: string;
  readonly weeks: number;
  readonly start: string;
  readonly status: 'active' | 'paused';
  readonly segments: readonly { readonly from: string; readonly week: number; readonly offset: number }[];
  readonly pauses: readonly { readonly from: string; readonly to: string | null }[];
}

function isHint(value: unknown): value is ProgrammeHint {
  const v = value as ProgrammeHint | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.name === 'string' &&
    Number.isInteger(v.weeks) &&
    typeof v.start === 'string' &&
    (v.status === 'active' || v.status === 'paused') &&
    Array.isArray(v.segments) &&
    v.segments.length > 0 &&
    v.segments.every((s) => typeof s?.from === 'string' && Number.isInteger(s.week) && Number.isInteger(s.offset)) &&
    Array.isArray(v.pauses) &&
    v.pauses.every((p) => typeof p?.from === 'string' && (p.to === null || typeof p.to === 'string'))
  );
}

/**
 * The running programme, kept beside the settings so the first page can open
 * on Today, and a workout page can show this week's dose, without waiting for
 * IndexedDB (which holds the programme itself). A hint only: Today reads the
 * truth from the database and writes this again.
 */
export function loadProgrammeHint(storage: Storage | undefined = globalThis.localStorage): ProgrammeHint | null {
  try {
    const value: unknown = JSON.parse(storage?.getItem(TODAY_KEY) ?? 'null');
    return isHint(value) ? value : null;
  } catch {
    return null;
  }
}

/** Whether a programme is running (or paused), from the hint. */
export function loadTodayHint(storage: Storage | undefined = globalThis.localStorage): boolean {
  return loadProgrammeHint(storage) !== null;
}

export function saveProgrammeHint(running: ProgrammeHint | null, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    if (running) {
      const { name, weeks, start, status, segments, pauses } = running;
      storage?.setItem(TODAY_KEY, JSON.stringify({ name, weeks, start, status, segments, pauses }));
    } else storage?.removeItem(TODAY_KEY);
  } catch {
    // Private mode or a full disk: the app still opens on the library.
  }
}
