/**
 * What Aquajog keeps on the device, as zod schemas. Every record read back
 * from IndexedDB or a backup file goes through one of these.
 */
import * as z from 'zod/mini';
import type { ProgrammeRecord } from '../programme/programme';
import { THEMES, type Settings } from './settings';

const id = z.string().check(z.minLength(1), z.maxLength(100));
const epochMs = z.number().check(z.minimum(0));
const seconds = z.number().check(z.minimum(0));

export const timerEventSchema = z.object({
  type: z.enum(['start', 'pause', 'resume', 'skip', 'back', 'done', 'end']),
  at: epochMs,
});

export const SESSION_KINDS = ['pool', 'rehab', 'other'] as const;

/** One workout that was run: finished, or ended early. */
export const sessionSchema = z.object({
  id,
  workoutId: z.string(),
  title: z.string(),
  kind: z.enum(SESSION_KINDS),
  /** The exact workout text it ran, so later edits don't change history. */
  source: z.string().check(z.maxLength(64 * 1024)),
  choices: z.record(z.string(), z.int()),
  week: z.nullable(z.int().check(z.minimum(1))),
  startedAt: epochMs,
  endedAt: epochMs,
  plannedSeconds: seconds,
  activeSeconds: seconds,
  completed: z.boolean(),
  /** 1-based interval it ended at, when ended early. */
  endedAtInterval: z.nullable(z.int().check(z.minimum(1))),
  intervalCount: z.int().check(z.minimum(0)),
  zoneSeconds: z.record(z.string(), seconds),
  rpe: z.nullable(z.int().check(z.minimum(1), z.maximum(10))),
  pain: z.nullable(z.int().check(z.minimum(0), z.maximum(10))),
  note: z.string().check(z.maxLength(4000)),
  /** Last change, for merging imports: the newer copy of a record wins. */
  updatedAt: epochMs,
});
export type SessionRecord = z.infer<typeof sessionSchema>;

/** The run in progress, saved at every event and interval change, so a reload can resume it. */
export const checkpointSchema = z.object({
  sessionId: id,
  workoutId: z.string(),
  title: z.string(),
  source: z.string().check(z.maxLength(64 * 1024)),
  choices: z.record(z.string(), z.int()),
  week: z.nullable(z.int().check(z.minimum(1))),
  events: z.array(timerEventSchema).check(z.maxLength(100_000)),
  /** Interval it was at when saved (0-based), for "ended at interval N". */
  index: z.int().check(z.minimum(0)),
  savedAt: epochMs,
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** A workout the athlete wrote or imported. */
export const customWorkoutSchema = z.object({
  id,
  title: z.string(),
  source: z.string().check(z.maxLength(64 * 1024)),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type CustomWorkout = z.infer<typeof customWorkoutSchema>;

/** The settings inside a backup; the same rules as SETTINGS_FIELDS (settings.ts), which the app reads with. */
export const settingsSchema = z.object({
  volume: z.number().check(z.minimum(0), z.maximum(1)),
  voice: z.boolean(),
  vibration: z.boolean(),
  countdownSeconds: z.int().check(z.minimum(0), z.maximum(10)),
  hrMax: z.nullable(z.int().check(z.minimum(100), z.maximum(230))),
  theme: z.enum(THEMES),
  mixWithMusic: z.boolean(),
});

/** Settings added since the first backups were written, with the value a backup that lacks them stands for. */
const ADDED_SETTINGS = { mixWithMusic: false } as const;
const withAddedSettings = (v: unknown): unknown => (v && typeof v === 'object' && !Array.isArray(v) ? { ...ADDED_SETTINGS, ...v } : v);
// The schema reads exactly a Settings, no more and no less.
const _sameShape: [z.infer<typeof settingsSchema>, Settings] extends [Settings, z.infer<typeof settingsSchema>] ? true : never = true;
void _sameShape;

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const pain = z.int().check(z.minimum(0), z.maximum(10));

/** A programme followed day by day (programme/programme.ts): its weeks, pauses, check-offs and pain check-ins. */
export const programmeRecordSchema = z.object({
  id,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  weeks: z.int().check(z.minimum(1), z.maximum(52)),
  start: day,
  status: z.enum(['active', 'paused', 'ended']),
  segments: z
    .array(z.object({ from: day, week: z.int().check(z.minimum(1), z.maximum(60)), offset: z.int().check(z.minimum(0), z.maximum(6)) }))
    .check(z.minLength(1), z.maxLength(1000)),
  pauses: z.array(z.object({ from: day, to: z.nullable(day) })).check(z.maxLength(1000)),
  ended: z.nullable(day),
  marks: z.array(z.object({ id, workoutId: z.string(), day, at: epochMs })).check(z.maxLength(10_000)),
  checkIns: z
    .array(z.object({ id, day, at: epochMs, moment: z.enum(['before', 'after', 'now']), pain, workoutId: z.nullable(z.string()) }))
    .check(z.maxLength(10_000)),
  askPain: z.boolean(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
// The schema reads exactly a ProgrammeRecord (up to readonly-ness).
const _sameProgramme: [z.infer<typeof programmeRecordSchema>, ProgrammeRecord] extends [ProgrammeRecord, unknown] ? true : never = true;
void _sameProgramme;

export const BACKUP_FORMAT = 'aquajog-backup';
/** 1: sessions, workouts, settings. 2: and programmes. */
export const BACKUP_VERSION = 2;

/** The export file: everything, in one JSON document. */
export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(BACKUP_VERSION)]),
  exportedAt: epochMs,
  sessions: z.array(sessionSchema),
  workouts: z.array(customWorkoutSchema),
  settings: z.nullable(z.pipe(z.transform(withAddedSettings), settingsSchema)),
  /** Not in format 1 backups. */
  programmes: z.optional(z.array(programmeRecordSchema)),
});
export type Backup = z.infer<typeof backupSchema>;
