/**
 * The bad-input fixture format: cases separated by `=== name` lines; each
 * case's source follows, then `---` and one expected diagnostic a line:
 *
 *     LINE:COL-ENDCOL severity code: message
 *
 * `\t` and `\r` in a source line stand for a tab and a carriage return.
 */
import type { Diagnostic } from '../../src/dsl/index';

export interface Fixture {
  readonly name: string;
  readonly source: string;
  readonly expected: readonly string[];
}

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
    fixtures.push({ name: head!.trim(), source: source.replace(/\\t/g, '\t').replace(/\\r/g, '\r'), expected });
  }
  return fixtures;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.line}:${d.column}-${d.endColumn} ${d.severity} ${d.code}: ${d.message}`;
}
