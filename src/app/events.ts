/**
 * The events Aquajog elements fire. Each bubbles and crosses shadow roots, and
 * is declared in `GlobalEventHandlersEventMap` so listeners are typed.
 */

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

declare global {
  interface GlobalEventHandlersEventMap {
    'aq-choice-change': ChoiceChangeEvent;
    'aq-week-change': WeekChangeEvent;
  }
}

export function choiceChangeEvent(detail: ChoiceChangeDetail): ChoiceChangeEvent {
  return new CustomEvent('aq-choice-change', { detail, bubbles: true, composed: true });
}

export function weekChangeEvent(detail: WeekChangeDetail): WeekChangeEvent {
  return new CustomEvent('aq-week-change', { detail, bubbles: true, composed: true });
}
