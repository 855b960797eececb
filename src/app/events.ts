/**
 * The events Aquajog elements fire. Each bubbles and crosses shadow roots, and
 * is declared in `GlobalEventHandlersEventMap` so listeners are typed.
 */
import type { Plan } from '../dsl/plan';

export interface ChoiceChangeDetail {
  /** The choice's id (`LINE:COL` of the range in the source). */
  readonly id: string;
  readonly value: number;
}
export type ChoiceChangeEvent = CustomEvent<ChoiceChangeDetail>;

export interface WeekChangeDetail {
  /** 1-based week of the plan. */
  readonly week: number;
}
export type WeekChangeEvent = CustomEvent<WeekChangeDetail>;

export interface StartDetail {
  /** Library id of the workout. */
  readonly id: string;
  /** The plan to run, at the chosen rounds, holds and week. */
  readonly plan: Plan;
}
/** Fired from the Start tap itself, so audio can be unlocked inside the gesture. */
export type StartEvent = CustomEvent<StartDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'aq-start': StartEvent;
    'aq-choice-change': ChoiceChangeEvent;
    'aq-week-change': WeekChangeEvent;
  }
}

export function startEvent(detail: StartDetail): StartEvent {
  return new CustomEvent('aq-start', { detail, bubbles: true, composed: true });
}

export function choiceChangeEvent(detail: ChoiceChangeDetail): ChoiceChangeEvent {
  return new CustomEvent('aq-choice-change', { detail, bubbles: true, composed: true });
}

export function weekChangeEvent(detail: WeekChangeDetail): WeekChangeEvent {
  return new CustomEvent('aq-week-change', { detail, bubbles: true, composed: true });
}
