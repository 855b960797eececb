/**
 * The built-in workouts. The `.workout` files are bundled into the app as text
 * (no fetch, so the library works offline from the first load) and compiled
 * once, when this module loads.
 */
import { compile } from '../dsl';
import type { CompileOptions, CompileResult, Plan } from '../dsl';
import { titleFromSource } from './format';

/** One built-in workout. */
export interface LibraryEntry {
  /** The file's name without `.workout`, e.g. `pyramid`; used in the URL. */
  readonly id: string;
  /** Where the file lives in the project, e.g. `/workouts/pyramid.workout`. */
  readonly path: string;
  readonly source: string;
  /** The compiled workout at default choices, or null if the compiler itself failed. */
  readonly result: CompileResult | null;
  /** Set when the compiler threw instead of returning diagnostics (a bug, but never a crash). */
  readonly error: string | null;
  /** The plan's title, or the file's `# Title` line when it did not compile. */
  readonly title: string;
}

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

/** The compiled plan of an entry, or null when it has errors. */
export function planOf(entry: { readonly result: CompileResult | null }): Plan | null {
  const result = entry.result;
  return result !== null && result.ok && result.plan ? result.plan : null;
}

/** The group a workout belongs to, by its `pool` or `rehab` tag. */
export function groupOf(entry: LibraryEntry): LibraryGroup {
  const tags = planOf(entry)?.tags ?? [];
  if (tags.includes('pool')) return LibraryGroup.Pool;
  if (tags.includes('rehab')) return LibraryGroup.Rehab;
  return LibraryGroup.Other;
}

/** Entries by group, keeping the order given; empty groups are left out. */
export function groupEntries(
  entries: readonly LibraryEntry[],
): { group: LibraryGroup; title: string; entries: LibraryEntry[] }[] {
  return Object.values(LibraryGroup)
    .map((group) => ({
      group,
      title: GROUP_TITLES[group],
      entries: entries.filter((entry) => groupOf(entry) === group),
    }))
    .filter((group) => group.entries.length > 0);
}

/**
 * Compiles a workout, turning a thrown exception into an error message: a bug
 * in the compiler must show up as a message on one card, not a blank app.
 */
export function compileSafely(
  source: string,
  options?: CompileOptions,
): { result: CompileResult | null; error: string | null } {
  try {
    return { result: compile(source, options), error: null };
  } catch (error) {
    console.error('The workout compiler failed', error);
    return { result: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Builds library entries from `{ path: source }`, sorted by title. */
export function loadLibrary(files: Readonly<Record<string, string>>): LibraryEntry[] {
  return Object.entries(files)
    .map(([path, source]): LibraryEntry => {
      const id = slugOf(path);
      const { result, error } = compileSafely(source);
      const title = (result?.ok && result.plan?.title) || titleFromSource(source) || id;
      return { id, path, source, result, error, title };
    })
    .sort((a, b) => a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id, 'en'));
}

/** `/workouts/pyramid.workout` gives `pyramid`. */
export function slugOf(path: string): string {
  const name = path.split('/').at(-1) ?? path;
  return name.replace(/\.workout$/, '');
}

const files = import.meta.glob<string>('/workouts/*.workout', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Every built-in workout, compiled at default choices. */
export const library: readonly LibraryEntry[] = loadLibrary(files);

export function findEntry(entries: readonly LibraryEntry[], id: string): LibraryEntry | undefined {
  return entries.find((entry) => entry.id === id);
}
