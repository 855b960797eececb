/**
 * The readonly syntax tree. Every node keeps the span (UTF-16 offsets) of the
 * text it came from, so checks and the editor can point at it.
 */
import type { Programme, Schedule, SideKind, Target, Tempo } from './plan';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A number the athlete may pick (`a-b`) or that grows over the weeks (`a->b`). */
export type Quantity =
  | { readonly kind: 'fixed'; readonly value: number; readonly span: Span }
  | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly span: Span }
  | { readonly kind: 'progression'; readonly from: number; readonly to: number; readonly span: Span; readonly arrow: Span };

export type Amount =
  | { readonly kind: 'time'; readonly seconds: Quantity }
  | { readonly kind: 'star'; readonly span: Span }
  | { readonly kind: 'reps' | 'steps'; readonly count: Quantity | null; readonly span: Span }
  | { readonly kind: 'open'; readonly span: Span };

export interface Step {
  readonly type: 'step';
  readonly between: boolean;
  readonly mark: 'warmup' | 'cooldown' | null;
  readonly amount: Amount;
  readonly zone: string | null;
  readonly target: Target | null;
  readonly label: string | null;
  readonly side: SideKind | null;
  readonly tempo: Tempo | null;
  readonly notes: readonly string[];
  readonly line: number;
  readonly span: Span;
}

export interface Repeat {
  readonly type: 'repeat';
  readonly count: Quantity;
  readonly body: readonly Node[];
  readonly line: number;
  /** The head, e.g. `10-15x`. */
  readonly span: Span;
  readonly notes: readonly string[];
}

export interface Ladder {
  readonly type: 'ladder';
  /** Rung times in seconds. `back` is the optional third value (`to C`). */
  readonly from: number;
  readonly to: number;
  readonly back: number | null;
  readonly by: number;
  readonly body: readonly Node[];
  readonly line: number;
  readonly span: Span;
  readonly notes: readonly string[];
}

export type Node = Step | Repeat | Ladder;

export interface ZoneDef {
  readonly name: string;
  readonly target: Target | null;
  readonly label: string | null;
  readonly span: Span;
}

export interface Setting<T> {
  readonly value: T;
  readonly span: Span;
}

export interface Workout {
  readonly title: string;
  readonly notes: readonly string[];
  /** `when:` as written. */
  readonly when: Setting<string> | null;
  /** `when:` read; null when absent or not understood (then an error was reported). */
  readonly schedule: Setting<Schedule> | null;
  readonly programme: Setting<Programme> | null;
  readonly weeks: Setting<number> | null;
  readonly switchSeconds: Setting<number> | null;
  readonly tags: Setting<readonly string[]> | null;
  readonly zones: readonly ZoneDef[];
  readonly body: readonly Node[];
}
