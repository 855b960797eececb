/**
 * Diagnostics are data. Stages report problems against UTF-16 offsets into the
 * source; line and column (1-based, counted in code points) are computed once,
 * for display, by `locate()`.
 */

export const Severity = { Error: 'error', Warning: 'warning' } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/**
 * Every diagnostic code there is. Tests, the CLI's output and the editor key
 * on them, so they are a closed union: a typo can't invent a new one.
 */
export const DIAGNOSTIC_CODES = [
  'at-least-one',
  'bad-each',
  'bad-hold',
  'bad-ladder',
  'bad-programme',
  'bad-switch',
  'bad-tempo',
  'bad-time',
  'bad-weeks',
  'bad-when',
  'bad-zone',
  'between-outside-block',
  'choice-out-of-range',
  'conflicting-modifiers',
  'detached-unit',
  'duplicate-label',
  'duplicate-setting',
  'duplicate-target',
  'duplicate-zone',
  'empty-block',
  'empty-setting',
  'indent-too-deep',
  'ladder-direction',
  'ladder-star-count',
  'ladder-unreachable',
  'misplaced-keyword',
  'misplaced-repeat',
  'missing-title',
  'missing-unit',
  'nest-too-deep',
  'number-too-large',
  'odd-indent',
  'only-between',
  'programme-weeks',
  'progression-needs-weeks',
  'range-backwards',
  'range-units',
  'seconds-over-59',
  'seconds-two-digits',
  'setting-after-step',
  'star-outside-ladder',
  'step-needs-amount',
  'tab-indent',
  'target-out-of-range',
  'target-unit',
  'tempo-needs-reps',
  'title-not-first',
  'too-long',
  'unclosed-string',
  'unexpected',
  'unexpected-indent',
  'unknown-day',
  'unknown-setting',
  'unknown-unit',
  'unknown-word',
  'week-out-of-range',
  'zone-after-step',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** A problem found while reading a workout, with its position for display. */
export interface Diagnostic {
  /** Stable identifier, e.g. `unknown-unit`. Tests and the editor key on it. */
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in code points. */
  readonly column: number;
  /** Column just past the flagged text (exclusive), in code points. */
  readonly endColumn: number;
  readonly message: string;
  readonly hint?: string;
  /** UTF-16 offsets of the flagged text in the source. */
  readonly offset: number;
  readonly endOffset: number;
}

/** A diagnostic before it is located: offsets only. */
export interface RawDiagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly hint?: string;
}

/** At most this many diagnostics are reported; the rest are usually echoes. */
export const MAX_DIAGNOSTICS = 20;

/** Collects diagnostics for one compile. */
export class Reporter {
  readonly items: RawDiagnostic[] = [];

  error(code: DiagnosticCode, start: number, end: number, message: string, hint?: string): void {
    this.items.push(
      hint === undefined ? { code, severity: Severity.Error, start, end, message } : { code, severity: Severity.Error, start, end, message, hint },
    );
  }

  warning(code: DiagnosticCode, start: number, end: number, message: string): void {
    this.items.push({ code, severity: Severity.Warning, start, end, message });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === Severity.Error);
  }
}

/** Maps offsets to 1-based line and code-point column. */
export class LineIndex {
  /** Offset at which each line starts. */
  private readonly _starts: number[] = [0];

  constructor(private readonly _text: string) {
    for (let i = 0; i < _text.length; i++) {
      const c = _text.charCodeAt(i);
      if (c === 10) this._starts.push(i + 1);
      else if (c === 13) {
        if (_text.charCodeAt(i + 1) === 10) i++;
        this._starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this._starts.length;
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this._starts[Math.min(Math.max(line, 1), this._starts.length) - 1] ?? 0;
  }

  /** 1-based line containing `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this._starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this._starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based code-point column of `offset` on its line. */
  columnOf(offset: number): number {
    const start = this._contentStart(this.lineStart(this.lineOf(offset)));
    return countCodePoints(this._text, start, Math.max(start, offset)) + 1;
  }

  /** A byte-order mark at the very start is not a column. */
  private _contentStart(lineStart: number): number {
    return lineStart === 0 && this._text.charCodeAt(0) === 0xfeff ? 1 : lineStart;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this._contentStart(this.lineStart(line));
    let end = line < this._starts.length ? this.lineStart(line + 1) : this._text.length;
    while (end > start && (this._text.charCodeAt(end - 1) === 10 || this._text.charCodeAt(end - 1) === 13)) end--;
    return this._text.slice(start, end);
  }
}

function countCodePoints(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Locates, sorts (by position, errors first on ties) and caps raw diagnostics. */
export function locate(raw: readonly RawDiagnostic[], index: LineIndex): Diagnostic[] {
  const seen = new Set<string>();
  const sorted = [...raw].sort((a, b) => a.start - b.start || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.end - b.end);
  const out: Diagnostic[] = [];
  for (const d of sorted) {
    const key = `${d.start}:${d.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const line = index.lineOf(d.start);
    const column = index.columnOf(d.start);
    // A span never runs past its own line: the caret stays under the text.
    const lineEnd = index.lineStart(line) + index.lineText(line).length;
    const end = Math.max(Math.min(d.end, lineEnd), d.start);
    const endColumn = end > d.start ? index.columnOf(end) : column + 1;
    const base = { code: d.code, severity: d.severity, line, column, endColumn, message: d.message, offset: d.start, endOffset: end };
    out.push(d.hint === undefined ? base : { ...base, hint: d.hint });
    if (out.length >= MAX_DIAGNOSTICS) break;
  }
  return out;
}

/**
 * A code frame for a terminal: the offending line with a caret under the span.
 *
 *     3 | 3:5 easy
 *       | ^^^
 */
export function codeFrame(source: string, d: Pick<Diagnostic, 'line' | 'column' | 'endColumn'>): string {
  const index = new LineIndex(source);
  const text = index.lineText(d.line).replace(/\t/g, ' ');
  const gutter = String(d.line);
  const pad = ' '.repeat(gutter.length);
  const width = Math.max(1, d.endColumn - d.column);
  return `${gutter} | ${text}\n${pad} | ${' '.repeat(d.column - 1)}${'^'.repeat(width)}`;
}
