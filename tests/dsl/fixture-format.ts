/**
 * The bad-input fixture format: cases separated by `=== name` lines; each
 * case's source follows, then `---` and one expected diagnostic a line:
 *
 *     LINE:COL-ENDCOL severity code: message
 *
 * `\t` and `\r` in a source line stand for a tab and a carriage return.
 *
 * A case may hold more files, for the check across files (programmes): a
 * `+++ NAME` line starts another file. The first file is `main.workout`; the
 * expected diagnostics of another file start with its name, `NAME:LINE:...`.
 */
import type { Diagnostic } from '../../src/dsl/index';

export interface Fixture {
  readonly name: string;
  readonly source: string;
  /** Files checked together with `source` (`+++ NAME`), if any. */
  readonly others: readonly { readonly name: string; readonly source: string }[];
  readonly expected: readonly string[];
}

/** The name the first file of a case has in messages about other files. */
export const MAIN_FILE = 'main.workout';

export function parseFixtures(text: string): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const chunk of text.split(/^=== /m).slice(1)) {
    const [head, ...rest] = chunk.split('\n');
    const body = rest.join('\n');
    const sep = body.indexOf('\n---\n');
    const source = (sep === -1 ? body : body.slice(0, sep)).replace(/\n$/, '');
    const expected =
      sep === -1
        ? []
        : body
            .slice(sep + 5)
            .split('\n')
            .filter((l) => l.trim() !== '');
    const unescape = (text: string) => text.replace(/\\t/g, '\t').replace(/\\r/g, '\r');
    const [first, ...more] = source.split(/^\+\+\+ /m);
    const others = more.map((part) => {
      const [name, ...lines] = part.split('\n');
      return { name: name!.trim(), source: unescape(lines.join('\n').replace(/\n$/, '')) };
    });
    fixtures.push({ name: head!.trim(), source: unescape(first!.replace(/\n$/, '')), others, expected });
  }
  return fixtures;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.line}:${d.column}-${d.endColumn} ${d.severity} ${d.code}: ${d.message}`;
}
