/**
 * The expanded plan: the typed timeline every other part of Aquajog consumes
 * (library, timer engine, history, share links). Produced by `expand()` from a
 * checked workout; validated with `planSchema` wherever it crosses a trust
 * boundary (storage, links, imports).
 *
 * All times are whole seconds. `start` is the offset of an interval counted over
 * the timed intervals before it; untimed intervals (reps without tempo, `open`)
 * have `duration: null` and add nothing to later offsets.
 */
import * as z from 'zod/mini';

export const ROLES = ['warmup', 'step', 'between', 'switch', 'cooldown'] as const;
export const SIDES = ['left', 'right'] as const;
export const SIDE_KINDS = ['side', 'leg', 'arm'] as const;
export const AMOUNT_KINDS = ['time', 'reps', 'steps', 'open'] as const;
export const TARGET_UNITS = ['%HRmax', 'bpm'] as const;
/** Days of the week, Monday first, as `when: Mon, Wed, Fri` stores them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const nonNegInt = z.int().check(z.minimum(0));
const posInt = z.int().check(z.minimum(1));

export const targetSchema = z.object({
  low: posInt,
  high: posInt,
  unit: z.enum(TARGET_UNITS),
});

export const zoneSchema = z.object({
  name: z.string().check(z.minLength(1)),
  label: z.string(),
  /** 0 (rest) .. 5 (sprint): orders zones for cue pitch and colour. */
  intensity: z.number().check(z.minimum(0), z.maximum(5)),
  target: z.nullable(targetSchema),
  /** Design token that colours this zone, e.g. `--aq-zone-sprint`. */
  colorToken: z.string(),
});

export const roundSchema = z.object({
  kind: z.enum(['round', 'rung', 'set']),
  index: posInt,
  count: posInt,
});

export const tempoSchema = z.object({ up: nonNegInt, hold: nonNegInt, down: nonNegInt });

export const intervalSchema = z.object({
  index: nonNegInt,
  start: nonNegInt,
  duration: z.nullable(posInt),
  zone: z.string(),
  label: z.string(),
  role: z.enum(ROLES),
  amount: z.enum(AMOUNT_KINDS),
  /** Rep or step count for counted movements, null otherwise (or `reps` with no count). */
  reps: z.nullable(posInt),
  tempo: z.nullable(tempoSchema),
  side: z.nullable(z.enum(SIDES)),
  sideKind: z.nullable(z.enum(SIDE_KINDS)),
  /** Enclosing repeats and ladders, outermost first. */
  rounds: z.array(roundSchema),
  target: z.nullable(targetSchema),
  notes: z.array(z.string()),
  /** 1-based source line of the step that produced this interval. */
  line: posInt,
});

export const choiceSchema = z.object({
  /** `LINE:COL` of the range in the source. */
  id: z.string(),
  line: posInt,
  column: posInt,
  kind: z.enum(['count', 'time']),
  min: posInt,
  max: posInt,
  /** For times, choices move in steps of this many seconds. */
  step: posInt,
  /** What is being chosen, e.g. "Rounds" or "Hold". */
  label: z.string(),
});

/**
 * How often a workout is done, from `when:`: `daily` (min = max = 1),
 * `3x daily`, `2-5x daily` (at least min, up to max a day), `3x weekly`, or
 * named days (`Mon, Wed, Fri`, in week order).
 */
export const scheduleSchema = z.union([
  z.object({ kind: z.literal('daily'), min: posInt, max: posInt }),
  z.object({ kind: z.literal('weekly'), times: posInt }),
  z.object({ kind: z.literal('days'), days: z.array(z.enum(WEEKDAYS)).check(z.minLength(1)) }),
]);

/** The programme a workout belongs to, from `programme: NAME[, optional]`. */
export const programmeSchema = z.object({
  name: z.string().check(z.minLength(1)),
  /** An extra that is offered but never counted as missed. */
  optional: z.boolean(),
});

export const planSchema = z.object({
  title: z.string(),
  notes: z.array(z.string()),
  /** `when:` as written, for display (e.g. "3x daily"). */
  when: z.nullable(z.string()),
  /** `when:` read: what a programme counts. Null when the workout has no `when:`. */
  schedule: z.nullable(scheduleSchema),
  programme: z.nullable(programmeSchema),
  tags: z.array(z.string()),
  weeks: z.nullable(posInt),
  week: posInt,
  switchSeconds: nonNegInt,
  zones: z.array(zoneSchema),
  choices: z.array(choiceSchema),
  /** The value used for each choice, by choice id. */
  chosen: z.record(z.string(), posInt),
  intervals: z.array(intervalSchema),
  /** Sum of all timed intervals. */
  totalSeconds: nonNegInt,
  untimedCount: nonNegInt,
});

export type Target = z.infer<typeof targetSchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type Round = z.infer<typeof roundSchema>;
export type Tempo = z.infer<typeof tempoSchema>;
export type Interval = z.infer<typeof intervalSchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type Plan = z.infer<typeof planSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;
export type Programme = z.infer<typeof programmeSchema>;
export type Weekday = (typeof WEEKDAYS)[number];
export type Role = Interval['role'];
export type Side = (typeof SIDES)[number];
export type SideKind = (typeof SIDE_KINDS)[number];
