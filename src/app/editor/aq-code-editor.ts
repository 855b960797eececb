import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
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
 * The same, one array per line (a flag never crosses a line's end), for the
 * lines `[from, to)` (0-based; all of them unless asked): the overlay draws a
 * block per line, and only the lines near the screen.
 */
export function lineSegments(text: string, diagnostics: readonly Diagnostic[], from = 0, to = Number.POSITIVE_INFINITY): Segment[][] {
  const lines = text.split('\n');
  const first = Math.max(0, Math.min(from, lines.length));
  const end = Math.max(first, Math.min(to, lines.length));
  const out: Segment[][] = lines.slice(first, end).map((line) => [{ text: line, severity: null }]);
  if (diagnostics.length === 0 || first === end) return out;
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
    if (lo < first || lo >= end) continue;
    const list = byLine.get(lo) ?? [];
    list.push(d);
    byLine.set(lo, list);
  }
  for (const [i, list] of byLine) {
    const lineStart = starts[i]!;
    const line = lines[i]!;
    // Offsets within the line, the flag clipped to it.
    const local = list.map((d) => ({ ...d, offset: d.offset - lineStart, endOffset: Math.min(d.endOffset - lineStart, line.length) }));
    out[i - first] = segments(line, local);
  }
  return out;
}

/** The number of lines in `text`. */
function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Lines drawn beyond each edge of the screen, at least: a quick scroll shows
 * drawn lines while the window catches up.
 */
const MARGIN_LINES = 30;

/** Lines drawn before the editor has measured where the screen is (a phone's screenful and a margin). */
const FIRST_WINDOW_LINES = 100;

/**
 * A plain textarea for workout text, with line numbers and the problems drawn
 * under the words they are about. The textarea stays the real, native control
 * (every phone keyboard, selection handles, Undo, dictation, screen readers
 * work as usual); a copy of the text behind it, transparent but for the wavy
 * underlines, does the drawing. It grows with its text, so only the page
 * scrolls up and down; long lines scroll sideways inside it.
 *
 * The overlay and the line numbers draw only the lines on the screen and a
 * margin around them (padding stands in for the lines above): a keystroke in
 * a long workout then costs the lines in sight, not the whole text. The
 * textarea itself always holds the whole text.
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
      /*
       * Long lines scroll sideways in the textarea; the overlay's lines follow by being moved, not
       * scrolled: the overlay holds only the drawn lines, so it may be narrower than the textarea's
       * text and could not scroll as far.
       */
      .lines {
        translate: calc(var(--scroll-left, 0) * -1px) 0;
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
  @property({ noAccessor: true })
  get value(): string {
    return this._value;
  }
  set value(value: string) {
    const old = this._value;
    this._value = value;
    this.requestUpdate('value', old);
  }
  private _value = '';
  /** The text the overlay and the line numbers were last drawn for. */
  private _drawnValue = '';
  /** The problems to draw, from the compiler. */
  @property({ attribute: false }) diagnostics: readonly Diagnostic[] = [];
  /** The textarea's accessible name. */
  @property() label = 'Workout text';

  /** The lines the overlay and the gutter draw, `[from, to)`, 0-based (clipped to the text when drawn). */
  @state() private _from = 0;
  @state() private _to = FIRST_WINDOW_LINES;

  // Both are rendered once and kept: looked up once (a scroll or a keystroke reads them).
  @query('textarea', true) private _textarea!: HTMLTextAreaElement;
  @query('.lines', true) private _lines!: HTMLElement;

  /** The text's line count and the first line drawn, as of the last render. */
  private _lineCount = 1;
  private _drawnFrom = 0;

  private readonly _resizeObserver = new ResizeObserver(() => this._onViewport());

  override connectedCallback(): void {
    super.connectedCallback();
    // The page scrolls, not the editor: where the screen is over the text changes with the page's
    // scroll, the window's size, the on-screen keyboard (the visual viewport) and the editor's own
    // size (lines added or taken away). The first observation measures it once, too.
    window.addEventListener('scroll', this._onViewport, { passive: true });
    window.addEventListener('resize', this._onViewport, { passive: true });
    window.visualViewport?.addEventListener('scroll', this._onViewport, { passive: true });
    window.visualViewport?.addEventListener('resize', this._onViewport, { passive: true });
    this._resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('scroll', this._onViewport);
    window.removeEventListener('resize', this._onViewport);
    window.visualViewport?.removeEventListener('scroll', this._onViewport);
    window.visualViewport?.removeEventListener('resize', this._onViewport);
    this._resizeObserver.disconnect();
    super.disconnectedCallback();
  }

  override render() {
    this._drawnValue = this.value;
    const lines = this.value.split('\n');
    const count = lines.length;
    const from = Math.min(this._from, count);
    const to = Math.min(Math.max(this._to, from), count);
    this._lineCount = count;
    this._drawnFrom = from;
    const flagged = new Map<number, Diagnostic['severity']>();
    for (const d of this.diagnostics) if (flagged.get(d.line) !== 'error') flagged.set(d.line, d.severity);
    const drawn = Array.from({ length: to - from }, (_, i) => from + i);
    // The lines above the drawn window, as space. Set as the padding itself, not a custom property the
    // lines would inherit: moving the window then restyles the two boxes, not every line in them.
    const skip = `calc(var(--pad) + ${from} * var(--line))`;
    const overlay = lineSegments(this.value, this.diagnostics, from, to);
    return html`<div class="editor">
      <div class="gutter" aria-hidden="true" style=${cssProps({ '--digits': String(count).length, 'padding-block-start': skip })}>
        ${repeat(
          drawn,
          (i) => i,
          (i) => {
            const severity = flagged.get(i + 1);
            return html`<div class=${severity ?? ''}>${severity ? (severity === 'error' ? '! ' : '? ') : nothing}${i + 1}</div>`;
          },
        )}
      </div>
      <div class="area">
        <!-- No whitespace inside the overlay: it is white-space: pre, and would shift every line. -->
        <div class="overlay" aria-hidden="true" style=${cssProps({ 'padding-block-start': skip })}><div class="lines">${repeat(
          drawn,
          (i) => i,
          (i) => this._overlayLine(overlay[i - from]!),
        )}</div></div>
        <textarea
          .value=${live(this.value)}
          rows=${count + 1}
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

  private _overlayLine(line: readonly Segment[]) {
    return html`<div class="line">${line.map((s) => (s.severity === null ? s.text : html`<mark class=${s.severity}>${s.text}</mark>`))}</div>`;
  }

  /**
   * Moves the drawn window when the lines on the screen come within half a
   * margin of its edge; a scroll of a few lines draws nothing new. Runs from
   * scroll and resize events, which come before the frame is drawn, so the
   * new lines are in the same frame as the scroll.
   */
  private readonly _onViewport = (): void => {
    const area = this._textarea;
    if (!area) return;
    const box = area.getBoundingClientRect();
    if (box.height === 0) return; // not laid out (hidden)
    const style = getComputedStyle(area);
    const line = parseFloat(style.lineHeight);
    if (!(line > 0)) return;
    const top = box.top + area.clientTop + parseFloat(style.paddingTop);
    // The layout viewport, and the visual one where a pinch zoom or the on-screen keyboard moved it.
    const view = window.visualViewport;
    const viewTop = Math.min(0, view?.offsetTop ?? 0);
    const viewBottom = Math.max(window.innerHeight, view ? view.offsetTop + view.height : 0);
    const first = Math.floor((viewTop - top) / line);
    const last = Math.ceil((viewBottom - top) / line);
    const margin = Math.max(MARGIN_LINES, last - first);
    const count = this._lineCount;
    if (this._from <= Math.max(0, first - margin / 2) && this._to >= Math.min(count, last + margin / 2)) return;
    this._from = Math.max(0, first - margin);
    this._to = Math.max(this._from, last + margin);
  };

  private _onInput(): void {
    // The textarea's own input event goes on up (it is composed); the property follows it.
    const value = this._textarea.value;
    if (countLines(value) !== this._lineCount) {
      // The textarea's rows must follow at once, before the browser scrolls to the caret.
      this.value = value;
    } else {
      // The drawing waits: whoever listens usually checks the text and hands down new diagnostics
      // straight away, and then the overlay is drawn once, with both, instead of first with the old
      // ones. If nobody does, it is drawn before the next frame.
      this._value = value;
      requestAnimationFrame(() => {
        if (this._drawnValue !== this._value) this.requestUpdate();
      });
    }
    this._onCaret();
  }

  private _caretLine = 0;

  private _onCaret(): void {
    const area = this._textarea;
    // Read once: each read of a textarea's value builds the string afresh.
    const value = area.value;
    const caret = area.selectionStart;
    let line = 1;
    for (let i = value.indexOf('\n'); i !== -1 && i < caret; i = value.indexOf('\n', i + 1)) line++;
    if (line === this._caretLine) return;
    this._caretLine = line;
    this.dispatchEvent(new CustomEvent('aq-caret-line', { detail: { line }, bubbles: true, composed: true }));
  }

  private _onScroll(): void {
    this._lines.style.setProperty('--scroll-left', String(this._textarea.scrollLeft));
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
    const at = line - 1;
    if (at < this._drawnFrom || at >= this._drawnFrom + this.renderRoot.querySelectorAll('.gutter div').length) {
      // Off the drawn window: draw around the line now, so its number and underline are there to scroll to.
      this._from = Math.max(0, at - FIRST_WINDOW_LINES / 2);
      this._to = at + FIRST_WINDOW_LINES / 2;
      this.performUpdate();
    }
    this.renderRoot.querySelectorAll('.gutter div')[at - this._drawnFrom]?.scrollIntoView({ block: 'center' });
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
