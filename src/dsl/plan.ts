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

export const planSchema = z.object({
  title: z.string(),
  notes: z.array(z.string()),
  when: z.nullable(z.string()),
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
export type Role = Interval['role'];
export type Side = (typeof SIDES)[number];
export type SideKind = (typeof SIDE_KINDS)[number];
