/**
 * Stage 6: expand a checked workout into the plan the timer runs. Choices for
 * ranges and the week of a plan are inputs; the output is plain data.
 */
import type { Ladder, Node, Quantity, Repeat, Span, Step, Workout } from './ast';
import type { LineIndex, Reporter } from './diagnostics';
import type { Choice, Interval, Plan, Round, SideKind, Zone } from './plan';
import { clockText } from './parse';
import { BUILT_IN_ZONES, DEFAULT_ZONE, colorTokenFor, intensityOf, labelFor } from './zones';

export interface ExpandOptions {
  /**
   * Values for ranges, keyed by choice id (`LINE:COL`) or by source line
   * (`LINE`, for the first range on that line). Missing ones take the low end.
   */
  readonly choices?: Readonly<Record<string, number>>;
  /** Week of a plan with `weeks:`, 1-based. Defaults to 1. */
  readonly week?: number;
}

/** The most intervals a workout may expand to. */
export const MAX_INTERVALS = 2000;
/** Switch gap between sides when the file sets none. */
export const DEFAULT_SWITCH_SECONDS = 5;

class TooLong {
  readonly _brand = 'TooLong';
}

const SWITCH_LABEL: Record<SideKind, string> = { side: 'Switch sides', leg: 'Switch legs', arm: 'Switch arms' };

export function expand(workout: Workout, report: Reporter, index: LineIndex, options: ExpandOptions = {}): Plan | null {
  return expandWith(workout, report, index, options, true);
}

/**
 * What `expand` reports, without the plan: the intervals are counted, not
 * written out. The editor checks every keystroke this way (writing out a long
 * workout's thousand intervals was about half of a keystroke's compile) and
 * expands only for its preview.
 */
export function checkExpansion(workout: Workout, report: Reporter, index: LineIndex, options: ExpandOptions = {}): void {
  expandWith(workout, report, index, options, false);
}

function expandWith(workout: Workout, report: Reporter, index: LineIndex, options: ExpandOptions, build: boolean): Plan | null {
  const zones = resolveZones(workout);
  const zoneByName = new Map(zones.map((z) => [z.name, z]));
  const weeks = workout.weeks?.value ?? null;
  const week = weeks === null ? 1 : (options.week ?? 1);
  if (weeks !== null && (!Number.isInteger(week) || week < 1 || week > weeks)) {
    const span = workout.weeks!.span;
    report.error('week-out-of-range', span.start, span.end, `Choose a week from 1 to ${weeks}.`);
    return null;
  }

  const choices = collectChoices(workout.body, index, zoneByName);
  const chosen: Record<string, number> = {};
  const choiceById = new Map<string, Choice>();
  const spanOfChoice = new Map<string, Span>();
  const byLine = new Map<string, string>();
  for (const c of choices) {
    choiceById.set(c.choice.id, c.choice);
    spanOfChoice.set(c.choice.id, c.span);
    if (!byLine.has(String(c.choice.line))) byLine.set(String(c.choice.line), c.choice.id);
  }
  let choicesOk = true;
  for (const { choice, span } of choices) {
    const byId = options.choices?.[choice.id];
    const lineKey = byLine.get(String(choice.line)) === choice.id ? options.choices?.[String(choice.line)] : undefined;
    const value = byId ?? lineKey ?? choice.min;
    if (!Number.isInteger(value) || value < choice.min || value > choice.max) {
      const show = (v: number) => (choice.kind === 'time' ? clockText(v) : String(v));
      report.error('choice-out-of-range', span.start, span.end, `Choose from ${show(choice.min)} to ${show(choice.max)}.`);
      choicesOk = false;
    }
    chosen[choice.id] = value;
  }
  if (!choicesOk) return null;

  const valueOf = (q: Quantity, isTime: boolean): number => {
    switch (q.kind) {
      case 'fixed':
        return q.value;
      case 'range':
        return chosen[choiceId(q.span, index)] ?? q.min;
      case 'progression': {
        if (weeks === null || weeks === 1 || week === 1) return q.from;
        if (week === weeks) return q.to;
        const v = q.from + ((q.to - q.from) * (week - 1)) / (weeks - 1);
        return isTime ? Math.max(5, Math.round(v / 5) * 5) : Math.max(1, Math.round(v));
      }
    }
  };

  const switchSeconds = workout.switchSeconds?.value ?? DEFAULT_SWITCH_SECONDS;
  const intervals: Interval[] = [];
  const rounds: Round[] = [];
  let offset = 0;
  let star: number | null = null;
  let pendingNotes: string[] = [];

  /** The notes waiting for the next interval (a block's), before the interval's own. */
  const takeNotes = (own: readonly string[]): string[] => {
    const notes = pendingNotes.length > 0 ? [...pendingNotes, ...own] : [...own];
    pendingNotes = [];
    return notes;
  };

  // Each interval is written out field by field rather than spread from a template: spreading was
  // most of a compile of a long workout (a thousand intervals), and the editor compiles on every
  // keystroke. The fields keep the order they had.
  const emitStep = (step: Step): void => {
    const zone = zoneByName.get(step.zone ?? DEFAULT_ZONE)!;
    const a = step.amount;
    let duration: number | null = null;
    let reps: number | null = null;
    if (a.kind === 'time') duration = valueOf(a.seconds, true);
    else if (a.kind === 'star') duration = star;
    else if (a.kind === 'reps' || a.kind === 'steps') {
      reps = a.count ? valueOf(a.count, false) : null;
      if (reps !== null && step.tempo) duration = reps * (step.tempo.up + step.tempo.hold + step.tempo.down);
    }
    const role: Interval['role'] = step.between ? 'between' : (step.mark ?? 'step');
    const label = step.label ?? (step.mark === 'warmup' ? 'Warm-up' : step.mark === 'cooldown' ? 'Cool-down' : zone.label);
    const amount = a.kind === 'star' ? ('time' as const) : a.kind;
    const target = step.target ?? zone.target;
    const add = (side: Interval['side'], notes: readonly string[]): void => {
      if (intervals.length >= MAX_INTERVALS) throw new TooLong();
      intervals.push({
        duration,
        zone: zone.name,
        label,
        role,
        amount,
        reps,
        tempo: step.tempo,
        sideKind: step.side,
        target,
        notes: takeNotes(notes),
        line: step.line,
        side,
        index: intervals.length,
        start: offset,
        rounds: [...rounds],
      });
      offset += duration ?? 0;
    };
    if (!step.side) {
      add(null, step.notes);
      return;
    }
    add('left', step.notes);
    if (switchSeconds > 0) {
      if (intervals.length >= MAX_INTERVALS) throw new TooLong();
      intervals.push({
        duration: switchSeconds,
        zone: 'rest',
        label: SWITCH_LABEL[step.side],
        role: 'switch',
        amount: 'time',
        reps: null,
        tempo: null,
        side: null,
        sideKind: step.side,
        target: null,
        notes: takeNotes([]),
        line: step.line,
        index: intervals.length,
        start: offset,
        rounds: [...rounds],
      });
      offset += switchSeconds;
    }
    add('right', []);
  };

  const emitBody = (body: readonly Node[], index: number, count: number): void => {
    for (const n of body) if (n.type !== 'step' || !n.between) emitNode(n);
    if (index < count) for (const n of body) if (n.type === 'step' && n.between) emitStep(n);
  };

  const emitNode = (node: Node): void => {
    if (node.type === 'step') return emitStep(node);
    pendingNotes = [...pendingNotes, ...node.notes];
    if (node.type === 'repeat') {
      const count = valueOf(node.count, false);
      const kind = roundKind(node);
      for (let i = 1; i <= count; i++) {
        rounds.push({ kind, index: i, count });
        emitBody(node.body, i, count);
        rounds.pop();
      }
      return;
    }
    const rungs = ladderRungs(node);
    const saved = star;
    rungs.forEach((rung, i) => {
      star = rung;
      rounds.push({ kind: 'rung', index: i + 1, count: rungs.length });
      emitBody(node.body, i + 1, rungs.length);
      rounds.pop();
    });
    star = saved;
  };

  const tooLong = (node: Node): null => {
    report.error(
      'too-long',
      node.span.start,
      node.span.end,
      'The workout is too long.',
      `A workout can have at most ${MAX_INTERVALS.toLocaleString('en')} intervals.`,
    );
    return null;
  };

  if (!build) {
    // What emitNode would write, counted: a step is one interval, or three with sides (two without a
    // switch); a block is its body once a round or rung, and its between steps once fewer.
    const countOf = (node: Node): number => {
      if (node.type === 'step') return node.side ? (switchSeconds > 0 ? 3 : 2) : 1;
      let each = 0;
      let between = 0;
      for (const n of node.body) {
        if (n.type === 'step' && n.between) between += countOf(n);
        else each += countOf(n);
      }
      const times = node.type === 'repeat' ? valueOf(node.count, false) : ladderRungs(node).length;
      return times * each + Math.max(0, times - 1) * between;
    };
    // Writing them out stops at the top-level node during which the count passes the limit: the one reported.
    let total = 0;
    for (const node of workout.body) {
      total += countOf(node);
      if (total > MAX_INTERVALS) return tooLong(node);
    }
    return null;
  }

  for (const node of workout.body) {
    try {
      emitNode(node);
    } catch (e) {
      if (!(e instanceof TooLong)) throw e;
      return tooLong(node);
    }
  }

  return {
    title: workout.title,
    notes: [...workout.notes],
    when: workout.when?.value ?? null,
    schedule: workout.schedule?.value ?? null,
    programme: workout.programme?.value ?? null,
    tags: [...(workout.tags?.value ?? [])],
    weeks,
    week,
    switchSeconds,
    zones,
    choices: choices.map((c) => c.choice),
    chosen,
    intervals,
    totalSeconds: offset,
    untimedCount: intervals.filter((i) => i.duration === null).length,
  };
}

function roundKind(node: Repeat): Round['kind'] {
  return node.body.some((n) => n.type === 'step' && !n.between && (n.amount.kind === 'reps' || n.amount.kind === 'steps')) ? 'set' : 'round';
}

/** Rung times of a ladder, e.g. 1m to 5m to 1m by 30s: 1:00, 1:30 ... 5:00 ... 1:00. */
export function ladderRungs(l: Pick<Ladder, 'from' | 'to' | 'back' | 'by'>): number[] {
  const rungs: number[] = [];
  const walk = (from: number, to: number, skipFirst: boolean): void => {
    const dir = to >= from ? 1 : -1;
    for (let t = from; dir > 0 ? t <= to : t >= to; t += dir * l.by) {
      if (skipFirst && t === from) continue;
      rungs.push(t);
      if (rungs.length > MAX_INTERVALS) return;
    }
  };
  walk(l.from, l.to, false);
  if (l.back !== null) walk(l.to, l.back, true);
  return rungs;
}

function resolveZones(workout: Workout): Zone[] {
  const zones = BUILT_IN_ZONES.map((z) => ({ ...z }));
  for (const def of workout.zones) {
    const existing = zones.find((z) => z.name === def.name);
    if (existing) {
      if (def.target) existing.target = def.target;
      if (def.label) existing.label = def.label;
      continue;
    }
    const intensity = intensityOf(def.target);
    zones.push({ name: def.name, label: def.label ?? labelFor(def.name), intensity, target: def.target, colorToken: colorTokenFor(intensity) });
  }
  return zones;
}

function choiceId(span: Span, index: LineIndex): string {
  return `${index.lineOf(span.start)}:${index.columnOf(span.start)}`;
}

function collectChoices(body: readonly Node[], index: LineIndex, zones: Map<string, Zone>): { choice: Choice; span: Span }[] {
  const out: { choice: Choice; span: Span }[] = [];
  const add = (q: Quantity, kind: Choice['kind'], label: string): void => {
    if (q.kind !== 'range') return;
    const line = index.lineOf(q.span.start);
    const column = index.columnOf(q.span.start);
    const step = kind === 'time' && q.min % 5 === 0 && q.max % 5 === 0 ? 5 : 1;
    out.push({ choice: { id: `${line}:${column}`, line, column, kind, min: q.min, max: q.max, step, label }, span: q.span });
  };
  const walk = (nodes: readonly Node[]): void => {
    for (const n of nodes) {
      if (n.type === 'repeat') {
        add(n.count, 'count', roundKind(n) === 'set' ? 'Sets' : 'Rounds');
        walk(n.body);
      } else if (n.type === 'ladder') {
        walk(n.body);
      } else {
        const name = n.label ?? zones.get(n.zone ?? DEFAULT_ZONE)?.label ?? 'Step';
        if (n.amount.kind === 'time') add(n.amount.seconds, 'time', n.side ? `${name}, each ${n.side}` : name);
        else if ((n.amount.kind === 'reps' || n.amount.kind === 'steps') && n.amount.count) add(n.amount.count, 'count', `${name} (${n.amount.kind})`);
      }
    }
  };
  walk(body);
  return out;
}
