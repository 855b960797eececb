/**
 * The events Aquajog elements fire. Each bubbles and crosses shadow roots, and
 * is declared in `GlobalEventHandlersEventMap` so listeners are typed.
 */
import type { Plan } from '../../dsl/plan';
import type { SessionRecord } from '../../storage/schema';
import type { Settings } from './settings';

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
  /** The workout text it was compiled from, kept with the session. */
  readonly source: string;
  readonly choices: Readonly<Record<string, number>>;
  readonly week: number | null;
}
/** Fired from the Start tap itself, so audio can be unlocked inside the gesture. */
export type StartEvent = CustomEvent<StartDetail>;

export interface SessionSaveDetail {
  /** The session with its new rating and note (the page stamps `updatedAt`). */
  readonly session: SessionRecord;
}
/** A session's RPE, pain or note was edited and should be saved. */
export type SessionSaveEvent = CustomEvent<SessionSaveDetail>;

export interface SessionDeleteDetail {
  readonly id: string;
}
/** The athlete asked to delete one session. */
export type SessionDeleteEvent = CustomEvent<SessionDeleteDetail>;

/** A backup was imported that carried settings; the app should adopt them. */
export type SettingsImportEvent = CustomEvent<Settings>;

declare global {
  interface GlobalEventHandlersEventMap {
    'aq-start': StartEvent;
    'aq-session-save': SessionSaveEvent;
    'aq-session-delete': SessionDeleteEvent;
    /** A backup was imported that carried settings (detail: those settings). */
    'aq-settings-import': CustomEvent<Settings>;
    'aq-choice-change': ChoiceChangeEvent;
    'aq-week-change': WeekChangeEvent;
    'aq-readdress': ReaddressEvent;
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

export function sessionSaveEvent(detail: SessionSaveDetail): SessionSaveEvent {
  return new CustomEvent('aq-session-save', { detail, bubbles: true, composed: true });
}

export function sessionDeleteEvent(detail: SessionDeleteDetail): SessionDeleteEvent {
  return new CustomEvent('aq-session-delete', { detail, bubbles: true, composed: true });
}

export function settingsImportEvent(settings: Settings): SettingsImportEvent {
  return new CustomEvent('aq-settings-import', { detail: settings, bubbles: true, composed: true });
}

/** The page on screen is about to take a new address (detail: its href), and stays the same page: no navigation. */
export type ReaddressEvent = CustomEvent<string>;

export function readdressEvent(href: string): ReaddressEvent {
  return new CustomEvent('aq-readdress', { detail: href, bubbles: true, composed: true });
}
