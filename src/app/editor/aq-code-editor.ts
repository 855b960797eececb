import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Diagnostic } from '../../dsl';
import { sharedStyles } from '../../styles/shared';
import { cssProps } from '../shared/css-props';

/** Where the text is flagged, as spans of the overlay. */
interface Segment {
  readonly text: string;
  readonly severity: Diagnostic['severity'] | null;
}

/** The text cut into plain and flagged runs (flags may overlap: the earlier one wins). */
export function segments(text: string, diagnostics: readonly Diagnostic[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  const marks = [...diagnostics].filter((d) => d.endOffset >= d.offset).sort((a, b) => a.offset - b.offset);
  for (const d of marks) {
    const start = Math.max(at, Math.min(d.offset, text.length));
    // An empty span (a missing title, a block with nothing under it) still marks one character.
    let end = Math.min(Math.max(d.endOffset, d.offset + 1), text.length);
    if (end <= start) continue;
    if (text[end - 1] === '\n' && end - 1 > start) end--;
    if (start > at) out.push({ text: text.slice(at, start), severity: null });
    out.push({ text: text.slice(start, end), severity: d.severity });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), severity: null });
  return out;
}

/**
 * The same, one array per line (a flag never crosses a line's end). The
 * overlay draws a block per line, so a keystroke re-lays out one line of it,
 * not the whole text.
 */
export function lineSegments(text: string, diagnostics: readonly Diagnostic[]): Segment[][] {
  const lines = text.split('\n');
  const out: Segment[][] = lines.map((line) => [{ text: line, severity: null }]);
  if (diagnostics.length === 0) return out;
  const byLine = new Map<number, Diagnostic[]>();
  let start = 0;
  const starts = lines.map((line) => {
    const at = start;
    start += line.length + 1;
    return at;
  });
  for (const d of diagnostics) {
    // The line holding the flag's start, by binary search over the line starts.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= d.offset) lo = mid;
      else hi = mid - 1;
    }
    const list = byLine.get(lo) ?? [];
    list.push(d);
    byLine.set(lo, list);
  }
  for (const [i, list] of byLine) {
    const lineStart = starts[i]!;
    const line = lines[i]!;
    // Offsets within the line, the flag clipped to it.
    const local = list.map((d) => ({ ...d, offset: d.offset - lineStart, endOffset: Math.min(d.endOffset - lineStart, line.length) }));
    out[i] = segments(line, local);
  }
  return out;
}

/**
 * A plain textarea for workout text, with line numbers and the problems drawn
 * under the words they are about. The textarea stays the real, native control
 * (every phone keyboard, selection handles, Undo, dictation, screen readers
 * work as usual); a copy of the text behind it, transparent but for the wavy
 * underlines, does the drawing. It grows with its text, so only the page
 * scrolls up and down; long lines scroll sideways inside it.
 *
 * @fires input - The text changed (the textarea's own event; read `value`).
 * @fires aq-caret-line - The caret moved to another line (detail: `{ line }`, 1-based).
 * @cssprop --aq-color-error - Underline and gutter mark of an error.
 * @cssprop --aq-color-warning - Underline and gutter mark of a warning.
 */
@customElement('aq-code-editor')
export class AqCodeEditor extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        --line: 1.5rem;
        --pad: var(--aq-space-2);
      }
      .editor {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        border: 2px solid var(--aq-color-border);
        border-radius: var(--aq-radius-1);
        background: var(--aq-color-surface);
        font-family: var(--aq-font-mono);
        font-size: var(--aq-text-md);
        line-height: var(--line);
      }
      .editor:focus-within {
        outline: var(--aq-focus-width) solid var(--aq-color-focus);
        outline-offset: 2px;
      }
      /*
       * As wide as the longest line number and a mark, whatever is marked: a gutter that grew with a
       * mark would re-lay out the whole text beside it on every keystroke.
       */
      .gutter {
        box-sizing: content-box;
        width: calc((var(--digits) + 2) * 1ch);
        contain: content;
        padding-block: var(--pad);
        padding-inline: var(--aq-space-2) var(--aq-space-1);
        border-inline-end: var(--aq-border-width) solid var(--aq-color-border);
        background: var(--aq-color-surface-alt);
        color: var(--aq-color-text-muted);
        text-align: end;
        font-variant-numeric: tabular-nums;
        user-select: none;
      }
      .gutter div {
        height: var(--line);
        white-space: nowrap;
      }
      .gutter .error {
        color: var(--aq-color-error);
        font-weight: 800;
      }
      .gutter .warning {
        color: var(--aq-color-warning);
        font-weight: 800;
      }
      .area {
        position: relative;
        min-width: 0;
      }
      textarea,
      .overlay {
        box-sizing: border-box;
        width: 100%;
        margin: 0;
        padding: var(--pad) var(--aq-space-3);
        border: 0;
        font: inherit;
        line-height: inherit;
        letter-spacing: normal;
        tab-size: 4;
        white-space: pre;
        overflow-wrap: normal;
      }
      .overlay {
        position: absolute;
        inset: 0;
        overflow: hidden;
        color: transparent;
        pointer-events: none;
      }
      .overlay .line {
        height: var(--line);
      }
      .overlay mark {
        background: none;
        color: transparent;
        text-decoration: underline wavy var(--aq-color-error);
        text-decoration-thickness: 2px;
        text-decoration-skip-ink: none;
        text-underline-offset: 0.2em;
      }
      .overlay mark.warning {
        text-decoration-color: var(--aq-color-warning);
      }
      /* A flagged tab or space has no ink to underline: a tint shows where it is. */
      .overlay mark.error {
        background: var(--aq-color-error-surface);
      }
      textarea {
        position: relative;
        display: block;
        resize: none;
        overflow-x: auto;
        overflow-y: hidden;
        background: transparent;
        color: var(--aq-color-text);
        caret-color: var(--aq-color-text);
        outline: none;
      }
      /* The whole editor shows focus (.editor:focus-within), gutter included. */
      textarea:focus-visible {
        outline: none;
      }
    `,
  ];

  /** The text (set to load it; read after `input`). */
  @property() value = '';
  /** The problems to draw, from the compiler. */
  @property({ attribute: false }) diagnostics: readonly Diagnostic[] = [];
  /** The textarea's accessible name. */
  @property() label = 'Workout text';

  @query('textarea') private _textarea!: HTMLTextAreaElement;
  @query('.overlay') private _overlay!: HTMLElement;

  override render() {
    const lines = this.value.split('\n');
    const flagged = new Map<number, Diagnostic['severity']>();
    for (const d of this.diagnostics) if (flagged.get(d.line) !== 'error') flagged.set(d.line, d.severity);
    return html`<div class="editor">
      <div class="gutter" aria-hidden="true" style=${cssProps({ '--digits': String(lines.length).length })}>
        ${lines.map((_, i) => {
          const severity = flagged.get(i + 1);
          return html`<div class=${severity ?? ''}>${severity ? (severity === 'error' ? '! ' : '? ') : nothing}${i + 1}</div>`;
        })}
      </div>
      <div class="area">
        <!-- No whitespace inside the overlay: it is white-space: pre, and would shift every line. -->
        <div class="overlay" aria-hidden="true">${this._overlayLines()}</div>
        <textarea
          .value=${live(this.value)}
          rows=${lines.length + 1}
          wrap="off"
          aria-label=${this.label}
          autocomplete="off"
          autocorrect="off"
          autocapitalize="off"
          spellcheck="false"
          translate="no"
          @input=${this._onInput}
          @scroll=${this._onScroll}
          @keyup=${this._onCaret}
          @click=${this._onCaret}
          @focus=${this._onCaret}
          @select=${this._onCaret}
        ></textarea>
      </div>
    </div>`;
  }

  private _overlayLines() {
    return lineSegments(this.value, this.diagnostics).map(
      (line) => html`<div class="line">${line.map((s) => (s.severity === null ? s.text : html`<mark class=${s.severity}>${s.text}</mark>`))}</div>`,
    );
  }

  private _onInput(): void {
    // The textarea's own input event goes on up (it is composed); the property follows it.
    this.value = this._textarea.value;
    this._onCaret();
  }

  private _caretLine = 0;

  private _onCaret(): void {
    const area = this._textarea;
    let line = 1;
    for (let i = area.value.indexOf('\n'); i !== -1 && i < area.selectionStart; i = area.value.indexOf('\n', i + 1)) line++;
    if (line === this._caretLine) return;
    this._caretLine = line;
    this.dispatchEvent(new CustomEvent('aq-caret-line', { detail: { line }, bubbles: true, composed: true }));
  }

  private _onScroll(): void {
    this._overlay.scrollLeft = this._textarea.scrollLeft;
  }

  /**
   * Replaces `[start, end)` with `text` as if typed, so the browser's Undo
   * takes it back, and tells listeners (an `input` event) like typing does.
   */
  replace(start: number, end: number, text: string): void {
    const area = this._textarea;
    area.focus();
    area.setSelectionRange(start, end);
    // execCommand keeps the native undo stack; where it is gone, setRangeText still edits.
    const done = typeof document.execCommand === 'function' && document.execCommand('insertText', false, text);
    if (!done) {
      area.setRangeText(text, start, end, 'end');
      area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText' }));
    }
  }

  /** Selects `[start, end)`, focuses the text there and scrolls it into view. */
  reveal(start: number, end: number, line: number): void {
    const area = this._textarea;
    area.focus({ preventScroll: true });
    area.setSelectionRange(start, Math.max(start, end));
    this.renderRoot.querySelectorAll('.gutter div')[line - 1]?.scrollIntoView({ block: 'center' });
  }

  /** Focuses the text. */
  override focus(): void {
    this._textarea?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-code-editor': AqCodeEditor;
  }
  interface GlobalEventHandlersEventMap {
    'aq-caret-line': CustomEvent<{ readonly line: number }>;
  }
}
