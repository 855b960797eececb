/**
 * What the library page shows of a workout, worked out ahead of time: for the
 * built-in workouts at build time (vite.config.ts compiles workouts/ into the
 * `virtual:aquajog-library` module), so the first page carries no workout
 * language at all. `cardOf` in library.ts makes one from a compiled entry.
 */
import type { Diagnostic } from '../../dsl/diagnostics';

export const LibraryGroup = {
  Pool: 'pool',
  Rehab: 'rehab',
  Other: 'other',
} as const;
export type LibraryGroup = (typeof LibraryGroup)[keyof typeof LibraryGroup];

/** Headings for the groups, in the order the library shows them. */
export const GROUP_TITLES: Readonly<Record<LibraryGroup, string>> = {
  [LibraryGroup.Pool]: 'Pool',
  [LibraryGroup.Rehab]: 'Rehab',
  [LibraryGroup.Other]: 'Other',
};

/** One workout as a library card shows it. */
export interface LibraryCard {
  /** The file's name without `.workout`, e.g. `pyramid`; used in the URL. */
  readonly id: string;
  readonly title: string;
  readonly group: LibraryGroup;
  /** "1:17:00", or for rehab a sentence ("2 exercises, 15 s each side, about 2 min"); null when it has errors. */
  readonly total: string | null;
  /** The total is a clock time (shown big), not a sentence. */
  readonly totalIsClock: boolean;
  /** When to do it ("3x daily"), if the workout says. */
  readonly when: string | null;
  /** Its notes, with typographic quotes, the source sentence taken out. */
  readonly notes: readonly string[];
  /** The source as people cite it, with typographic quotes. */
  readonly source: string | null;
  readonly tags: readonly string[];
  /** The programme it belongs to (`programme:`), if any. */
  readonly programme: string | null;
  /** Why it can't be run (a workout with errors), else empty. */
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the compiler threw instead of returning diagnostics (a bug, but never a crash). */
  readonly error: string | null;
}

/** Cards by group, keeping the order given; empty groups are left out. */
export function groupCards(cards: readonly LibraryCard[]): { group: LibraryGroup; title: string; cards: LibraryCard[] }[] {
  return Object.values(LibraryGroup)
    .map((group) => ({ group, title: GROUP_TITLES[group], cards: cards.filter((card) => card.group === group) }))
    .filter((group) => group.cards.length > 0);
}
