/**
 * The check across files: workouts that name the same `programme:` and have
 * `weeks:` must agree on the number, since the programme lasts that many
 * weeks. Pure; the CLI's `check FILE...` and the library both run it over the
 * files they compiled together.
 */
import type { CompileResult } from './compile';
import { LineIndex, locate, MAX_DIAGNOSTICS, Severity, type Diagnostic } from './diagnostics';

/** One compiled file, named as the user should read it (a path or a file name). */
export interface ProgrammeFile {
  readonly name: string;
  readonly source: string;
  readonly result: CompileResult | null;
}

/**
 * The programme errors of each file, in the order given (an empty list for a
 * file with none). In a programme whose workouts disagree, the number most of
 * them have is taken as meant and the others are flagged; on a tie every file
 * is flagged, each pointing at the first file that has another number.
 */
export function checkProgrammes(files: readonly ProgrammeFile[]): Diagnostic[][] {
  const out: Diagnostic[][] = files.map(() => []);
  const members = new Map<string, { file: number; weeks: number }[]>();
  files.forEach((f, file) => {
    const workout = f.result?.workout;
    const programme = workout?.programme?.value;
    const weeks = workout?.weeks;
    if (!programme || !weeks) return;
    const list = members.get(programme.name) ?? [];
    list.push({ file, weeks: weeks.value });
    members.set(programme.name, list);
  });

  for (const [name, list] of members) {
    const counts = new Map<number, number>();
    for (const m of list) counts.set(m.weeks, (counts.get(m.weeks) ?? 0) + 1);
    if (counts.size < 2) continue;
    const most = Math.max(...counts.values());
    const winners = [...counts].filter(([, n]) => n === most).map(([weeks]) => weeks);
    const meant = winners.length === 1 ? winners[0]! : null;
    for (const m of list) {
      if (m.weeks === meant) continue;
      const other = meant === null ? list.find((o) => o.weeks !== m.weeks)! : list.find((o) => o.weeks === meant)!;
      const f = files[m.file]!;
      const span = f.result!.workout!.weeks!.span;
      const message = `Every workout in programme "${name}" with weeks: needs the same number (${m.weeks} here, ${other.weeks} in ${files[other.file]!.name}).`;
      out[m.file]!.push(...locate([{ code: 'programme-weeks', severity: Severity.Error, start: span.start, end: span.end, message }], new LineIndex(f.source)));
    }
  }
  return out;
}

/** A compile result with programme errors added: sorted in, and no longer runnable. */
export function withDiagnostics(result: CompileResult, extra: readonly Diagnostic[]): CompileResult {
  if (extra.length === 0) return result;
  const diagnostics = [...result.diagnostics, ...extra]
    .sort((a, b) => a.offset - b.offset || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.endOffset - b.endOffset)
    .slice(0, MAX_DIAGNOSTICS);
  const ok = !diagnostics.some((d) => d.severity === 'error');
  return { ...result, ok, diagnostics, plan: ok ? result.plan : null };
}
