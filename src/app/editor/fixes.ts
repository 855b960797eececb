/**
 * One-tap fixes: where a diagnostic already knows the answer ("Did you mean
 * "sprint"?", "write 3:05.", a tab), the edit that applies it. Pure: text in,
 * an edit out; the editor applies it through the browser so Undo undoes it.
 */
import type { Diagnostic } from '../../dsl';

/** Replace `[start, end)` (UTF-16 offsets) with `text`. */
export interface Fix {
  /** What the button says, e.g. `Change to “sprint”`. */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const DID_YOU_MEAN = /Did you mean "([^"]+)"\?/;
/** "Seconds need two digits: write 3:05." / "This range runs backwards: write 10-15x." */
const WRITE = /: write ([^\s"]+?)\.$/;

/** The fix for a diagnostic, or null when the language can't be sure of one. */
export function fixFor(diagnostic: Diagnostic, source: string): Fix | null {
  const { offset: start, endOffset: end } = diagnostic;
  if (start < 0 || end > source.length || end < start) return null;
  if (diagnostic.code === 'tab-indent') {
    const lineStart = source.lastIndexOf('\n', start) + 1;
    const indent = /^[ \t]*/.exec(source.slice(lineStart))![0];
    return { label: 'Use two spaces for each tab', start: lineStart, end: lineStart + indent.length, text: indent.replace(/\t/g, '  ') };
  }
  const meant = DID_YOU_MEAN.exec(diagnostic.message)?.[1];
  if (meant !== undefined && end > start) return { label: `Change to “${meant}”`, start, end, text: meant };
  const written = WRITE.exec(diagnostic.message)?.[1];
  if (written !== undefined && end > start && (diagnostic.code === 'seconds-two-digits' || diagnostic.code === 'range-backwards')) {
    // "15-10x" is flagged without its x: the answer's x is already there.
    const text = written.endsWith('x') && source[end] === 'x' ? written.slice(0, -1) : written;
    return { label: `Change to ${written}`, start, end, text };
  }
  return null;
}

/** The text with a fix applied. */
export function applyFix(source: string, fix: Fix): string {
  return source.slice(0, fix.start) + fix.text + source.slice(fix.end);
}
