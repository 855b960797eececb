/**
 * Stages 1 and 2: normalise what phones type, then split into lines with
 * indentation and end-of-line comments removed.
 *
 * Normalising never changes the length of the text, so every offset found later
 * is an offset into the user's own text.
 */
import type { Reporter } from './diagnostics';

const SAME_LENGTH: Record<string, string> = {
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00D7': 'x',
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u202F': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u3000': ' ',
};
const SAME_LENGTH_RE = /[\u201C-\u201F\u2033\u2018\u2019\u2010-\u2014\u2212\u00D7\u00A0\u2007\u202F\u2009\u200A\u3000]/g;

/** Curly quotes, dashes, `×` and odd spaces become their plain forms, in place. */
export function normalise(text: string): string {
  return text.replace(SAME_LENGTH_RE, (c) => SAME_LENGTH[c] ?? c);
}

/** One non-blank source line. Offsets index the whole text. */
export interface SourceLine {
  /** 1-based line number. */
  readonly number: number;
  /** Leading spaces (a tab counts as two, after being reported). */
  readonly indent: number;
  /** The indentation held a tab (already reported). */
  readonly hasTab: boolean;
  /** Offset of the line's first character (its indentation). */
  readonly lineStart: number;
  /** Offset of the first character after the indentation. */
  readonly start: number;
  /** Offset just past the content, before any comment and trailing spaces. */
  readonly end: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Splits normalised text into the lines that carry content. Blank lines and
 * comment-only lines are dropped. A `//` starts a comment at the start of a
 * line or after a space, outside quotes, so `https://` in a note survives.
 */
export function splitLines(text: string, report: Reporter): SourceLine[] {
  const lines: SourceLine[] = [];
  let number = 0;
  let pos = 0;
  while (pos <= text.length) {
    number++;
    let eol = pos;
    while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const next = eol < text.length && text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1;

    // A byte-order mark is not indentation.
    const lineStart = pos === 0 && text.charCodeAt(0) === 0xfeff ? 1 : pos;
    let i = lineStart;
    let indent = 0;
    let tabReported = false;
    while (i < eol && isSpace(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 9) {
        if (!tabReported) report.error('tab-indent', i, i + 1, 'Use spaces, not tabs.', 'Indent with 2 spaces a level.');
        tabReported = true;
        indent += 2;
      } else {
        indent += 1;
      }
      i++;
    }
    const start = i;
    let end = eol;
    let inQuote = false;
    for (let j = start; j < eol; j++) {
      const c = text.charCodeAt(j);
      if (c === 34) inQuote = !inQuote;
      else if (!inQuote && c === 47 && text.charCodeAt(j + 1) === 47 && (j === start || isSpace(text.charCodeAt(j - 1)))) {
        end = j;
        break;
      }
    }
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) lines.push({ number, indent, hasTab: tabReported, lineStart, start, end });
    pos = next;
  }
  return lines;
}
