/**
 * Workouts as the app holds them: compiled from their text, grouped, and made
 * into library cards. Pure (no DOM, no Vite), so the build compiles the
 * built-in library with it (vite.config.ts) and Node tests drive it.
 */
import { checkProgrammes, compile, summarise, withDiagnostics } from '../../dsl';
import type { CompileOptions, CompileResult, Plan } from '../../dsl';
import { curlyQuotes, isClock, splitSource, titleFromSource } from '../shared/format';
import { GROUP_TITLES, LibraryGroup, type LibraryCard } from './library-card';

export { GROUP_TITLES, LibraryGroup } from './library-card';

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
export function groupEntries(entries: readonly LibraryEntry[]): { group: LibraryGroup; title: string; entries: LibraryEntry[] }[] {
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
export function compileSafely(source: string, options?: CompileOptions): { result: CompileResult | null; error: string | null } {
  try {
    return { result: compile(source, options), error: null };
  } catch (error) {
    console.error('The workout compiler failed', error);
    return { result: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Builds library entries from `{ path: source }`, sorted by title. Workouts in
 * one programme are checked together: one whose `weeks:` disagrees with the
 * others carries that error like any other and can't be started.
 */
export function loadLibrary(files: Readonly<Record<string, string>>): LibraryEntry[] {
  const compiled = Object.entries(files).map(([path, source]) => ({ path, source, name: path.split('/').at(-1) ?? path, ...compileSafely(source) }));
  const programmeErrors = checkProgrammes(compiled);
  return compiled
    .map(({ path, source, result: compiledResult, error }, k): LibraryEntry => {
      const id = slugOf(path);
      const result = compiledResult === null ? null : withDiagnostics(compiledResult, programmeErrors[k] ?? []);
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

export function findEntry(entries: readonly LibraryEntry[], id: string): LibraryEntry | undefined {
  return entries.find((entry) => entry.id === id);
}

/** What the library page shows of an entry. */
export function cardOf(entry: LibraryEntry): LibraryCard {
  const plan = planOf(entry);
  const group = groupOf(entry);
  const base = { id: entry.id, title: entry.title, group, diagnostics: entry.result?.diagnostics ?? [], error: entry.error };
  if (plan === null) return { ...base, total: null, totalIsClock: false, when: null, notes: [], source: null, tags: [], programme: null };
  const { source, notes } = splitSource(plan.notes);
  const total = summarise(plan);
  return {
    ...base,
    total,
    totalIsClock: isClock(total),
    when: plan.when,
    notes: notes.map(curlyQuotes),
    source: source === null ? null : curlyQuotes(source),
    tags: plan.tags,
    programme: plan.programme?.name ?? null,
  };
}
