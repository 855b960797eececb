/**
 * Realistic session records for the storage benchmark: years of pool and rehab
 * sessions made from the built-in workouts, some ended early, some rated, some
 * with notes (quotes, commas, line breaks, accents, emoji: the CSV has to quote
 * them). Deterministic for a given seed. No Node or DOM imports, so a bench page
 * can use it too; the record shape is the app's `SessionRecord`
 * (src/storage/schema.ts), and bench/storage.ts checks every record against it.
 */
import type { SessionRecord } from '../src/storage/schema';

/** What a session needs from a compiled workout (one per week for multi-week plans). */
export interface SessionTemplate {
  readonly workoutId: string;
  readonly title: string;
  readonly kind: SessionRecord['kind'];
  readonly source: string;
  readonly week: number | null;
  readonly choices: Readonly<Record<string, number>>;
  readonly plannedSeconds: number;
  /** Each interval's zone and seconds (untimed intervals: null, the athlete takes what they take). */
  readonly intervals: readonly { readonly zone: string; readonly seconds: number | null }[];
}

export interface SeedOptions {
  readonly count: number;
  /** The newest session starts shortly before this (epoch ms). */
  readonly endMs: number;
  /** Sessions are spread evenly (with jitter) over this many days before `endMs`. */
  readonly days: number;
  readonly seed?: number;
}

const NOTES = [
  'Felt strong today.',
  'Knee a bit sore at the end, iced afterwards.',
  'Pool was crowded, lane shared with "the splashers".',
  'Belt slipped twice; fixed it, carried on',
  'Tired, work was long. Did it anyway.',
  'Outside of the knee tight, after 20 min it eased.\nStretched after.',
  'Physio said: keep the cadence high, 160+.',
  'Très bien 👍',
  '=no formula, just a note',
  'Bungee, new cord; felt harder than last week, RPE maybe 8?',
  'Hip clam shells: 3x15 each side, left weaker than right, as usual',
  'Short session, pool closing early (gala).',
];

/** mulberry32: small, fast, good enough to spread benchmark data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` sessions, oldest first, start times strictly increasing (History pages
 * by start time). About 55% pool; 12% ended early; RPE on 65%, pain on 75% of
 * rehab sessions (easing over the years) and 10% of pool ones; a note on 15%.
 */
export function makeSessions(templates: readonly SessionTemplate[], { count, endMs, days, seed = 20260101 }: SeedOptions): SessionRecord[] {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pool = templates.filter((t) => t.kind === 'pool');
  const rehab = templates.filter((t) => t.kind !== 'pool');
  if (pool.length === 0 || rehab.length === 0) throw new Error('need pool and rehab templates');
  const span = days * 24 * 3600 * 1000;
  const step = span / count;
  const first = endMs - span;
  const out: SessionRecord[] = [];
  let lastStart = -Infinity;
  for (let i = 0; i < count; i++) {
    const progress = i / Math.max(1, count - 1);
    const t = random() < 0.55 ? pick(pool) : pick(rehab);
    let startedAt = Math.round(first + (i + random() * 0.8) * step);
    if (startedAt <= lastStart) startedAt = lastStart + 1;
    lastStart = startedAt;

    const completed = random() >= 0.12;
    const n = t.intervals.length;
    const upTo = completed ? n : int(1, Math.max(1, n));
    const zoneSeconds: Record<string, number> = {};
    let active = 0;
    for (let k = 0; k < upTo; k++) {
      const iv = t.intervals[k]!;
      let s = iv.seconds ?? int(15, 90);
      // An ended-early run stops part-way through its last interval.
      if (!completed && k === upTo - 1) s = Math.floor(s * random());
      if (s <= 0) continue;
      zoneSeconds[iv.zone] = (zoneSeconds[iv.zone] ?? 0) + s;
      active += s;
    }
    const paused = random() < 0.3 ? int(5, 300) : 0;
    const endedAt = startedAt + (active + paused) * 1000;
    const rehabKind = t.kind !== 'pool';
    const rpe = random() < 0.65 ? Math.min(10, Math.max(1, Math.round((rehabKind ? 4 : 7) + (random() - 0.5) * 5))) : null;
    // Pain eases over the years, with day-to-day noise.
    const painBase = 6 - 5 * progress;
    const pain = random() < (rehabKind ? 0.75 : 0.1) ? Math.min(10, Math.max(0, Math.round(painBase + (random() - 0.5) * 4))) : null;
    const note = random() < 0.15 ? pick(NOTES) : '';
    const ratedLater = rpe !== null || pain !== null || note !== '' ? int(0, 3 * 3600) * 1000 : 0;
    const hex = (x: number) => Math.floor(x).toString(16).padStart(8, '0');
    out.push({
      id: `${hex(random() * 2 ** 32)}-${hex(i)}-4000-8000-${hex(random() * 2 ** 32)}${hex(startedAt % 2 ** 16).slice(4)}`,
      workoutId: t.workoutId,
      title: t.title,
      kind: t.kind,
      source: t.source,
      choices: { ...t.choices },
      week: t.week,
      startedAt,
      endedAt,
      plannedSeconds: t.plannedSeconds,
      activeSeconds: active,
      completed,
      endedAtInterval: completed ? null : upTo,
      intervalCount: n,
      zoneSeconds,
      rpe,
      pain,
      note,
      updatedAt: endedAt + ratedLater,
    });
  }
  return out;
}
