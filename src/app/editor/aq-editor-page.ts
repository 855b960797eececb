import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { compileOptions, diagnose, planOf, summarise, weekTable } from '../../dsl';
import { withProgrammeCheck } from './programme-check';
import type { CompileResult, Diagnostic, Plan, WeekRow } from '../../dsl';
import { buttonStyles, factListStyles, primaryActionStyles, sharedStyles, backLinkStyles } from '../../styles/shared';
import { readdressEvent, type ChoiceChangeEvent, type WeekChangeEvent } from '../shared/events';
import { hrefFor, RouteName } from '../shell/router';
import { TEMPLATE } from '../mine/mine';
import { mine } from '../mine/mine-store';
import { fixFor, type Fix } from './fixes';
import type { AqCodeEditor } from './aq-code-editor';
import './aq-code-editor';
import '../workout/aq-plan-options';
import '../workout/aq-profile';
import '../workout/aq-week-table';

/** The preview waits this long after the last keystroke (diagnostics don't wait at all). */
const PREVIEW_DELAY_MS = 120;

/** Changes to a saved workout are saved this long after the last keystroke. */
const AUTOSAVE_MS = 1000;

/** The id that means "a new workout, not saved yet". */
export const NEW_WORKOUT = 'new';

/**
 * The editor: one's own workout as text, checked as it is typed. Every
 * problem is underlined on its line and listed with its line:column, message
 * and hint; a tap on its position jumps there, and where the language knows the
 * answer one tap fixes it. Beside it, live, the workout's profile, totals,
 * choices and week-by-week table. A workout with errors can be saved as a
 * draft; only one without can be started (from its page).
 */
@customElement('aq-editor-page')
export class AqEditorPage extends LitElement {
  static override styles = [
    sharedStyles,
    buttonStyles,
    primaryActionStyles,
    factListStyles,
    backLinkStyles,
    css`
      :host {
        display: grid;
        gap: var(--aq-space-5);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--aq-space-3);
      }
      .bar .primary-action {
        min-height: var(--aq-tap-min);
        padding: var(--aq-space-2) var(--aq-space-6);
        font-size: var(--aq-text-lg);
      }
      /*
       * The status and, invisible in the same cell, the longest statuses there are: the box is always as
       * tall as the longest, so the text below doesn't jump (and isn't laid out and painted again from
       * the top) when a keystroke brings or takes away an error.
       */
      .status-box {
        display: grid;
        flex: 1 1 12rem;
      }
      .status-box > * {
        grid-area: 1 / 1;
        align-self: center;
      }
      .status {
        margin: 0;
        font-weight: 700;
      }
      .status.sizer {
        visibility: hidden;
      }
      .open {
        display: inline-flex;
        align-items: center;
        min-height: var(--aq-tap-min);
        font-weight: 700;
      }
      /* Where "Open to start" goes while it isn't offered (unsaved changes, errors): keeps its room. */
      .open.placeholder {
        visibility: hidden;
      }
      section {
        display: grid;
        gap: var(--aq-space-3);
        min-width: 0;
      }
      .problems {
        display: grid;
        gap: var(--aq-space-3);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .problems li {
        display: grid;
        gap: var(--aq-space-1);
        padding: var(--aq-space-3);
        border-inline-start: var(--aq-space-2) solid var(--aq-color-error);
        border-radius: var(--aq-radius-1);
        background: var(--aq-color-error-surface);
      }
      .problems li.warning {
        border-inline-start-color: var(--aq-color-warning);
        background: var(--aq-color-surface);
      }
      .problems .where {
        justify-self: start;
        min-height: var(--aq-tap-min);
        padding: 0;
        border: 0;
        background: none;
        color: var(--aq-color-link);
        font-family: var(--aq-font-mono);
        font-weight: 800;
        text-decoration: underline;
      }
      .problems .message {
        margin: 0;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .problems .hint {
        margin: 0;
        color: var(--aq-color-text-muted);
        font-size: var(--aq-text-sm);
      }
      .problems .fix {
        justify-self: start;
      }
      .text {
        display: grid;
      }
      /* The caret line's problem stays in sight at the bottom of the screen while the text scrolls. */
      .here {
        position: sticky;
        bottom: 0;
        margin: 0;
        font-weight: 700;
      }
      .here:not(:empty) {
        padding: var(--aq-space-2) var(--aq-space-3);
        border-inline-start: var(--aq-space-2) solid var(--aq-color-error);
        background: var(--aq-color-error-surface);
        overflow-wrap: anywhere;
      }
      .ok {
        margin: 0;
        font-weight: 700;
      }
      .problem {
        color: var(--aq-color-error);
        font-weight: 700;
      }
    `,
  ];

  /** `new`, or the id of one's own workout (`mine-…`). */
  @property() workoutId = NEW_WORKOUT;

  @state() private _text: string | null = null;
  /** The text as last saved (null: never saved). */
  @state() private _saved: string | null = null;
  /** The id it is saved under, once saved. */
  @state() private _id: string | null = null;
  @state() private _result: CompileResult | null = null;
  @state() private _preview: { plan: Plan; source: string } | null = null;
  @state() private _chosen: Record<string, number> = {};
  @state() private _week: number | null = null;
  @state() private _problem: string | null = null;
  @state() private _notFound = false;
  @state() private _saving = false;
  /** The line the caret is on, whose problem is shown beside the text. */
  @state() private _caretLine = 0;
  private _autosave: ReturnType<typeof setTimeout> | null = null;

  @query('aq-code-editor') private _editor!: AqCodeEditor;
  private _previewTimer: ReturnType<typeof setTimeout> | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    // After the first save the address changes to the new id: that is this same workout.
    if (changed.has('workoutId') && this.workoutId !== this._id) {
      // Another workout in the same editor: the last one's unsaved changes are kept first.
      if (this._autosave !== null) clearTimeout(this._autosave);
      this._autosave = null;
      if (this._dirty && this._id !== null) void mine.save(this._text!, this._id).catch(() => undefined);
      void this._load();
    }
  }

  override disconnectedCallback(): void {
    if (this._previewTimer !== null) clearTimeout(this._previewTimer);
    // Leaving the editor never loses what was typed: a saved workout keeps its changes; a new one
    // that was written in (not the untouched template) is kept as a draft in Mine.
    if (this._autosave !== null) clearTimeout(this._autosave);
    if (this._dirty && (this._id !== null || (this._text !== TEMPLATE && this._text?.trim()))) void this._save();
    window.removeEventListener('beforeunload', this._onUnload);
    super.disconnectedCallback();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this._onUnload);
  }

  /** The text differs from what is saved (or nothing is saved yet). */
  private get _dirty(): boolean {
    return this._text !== null && this._text !== this._saved;
  }

  /** Closing the tab with unsaved text: the browser asks first. */
  private readonly _onUnload = (event: BeforeUnloadEvent) => {
    if (this._dirty && (this._id !== null || this._text !== TEMPLATE)) event.preventDefault();
  };

  private async _load(): Promise<void> {
    const id = this.workoutId;
    this._notFound = false;
    if (id === NEW_WORKOUT) {
      this._id = null;
      this._saved = null;
      this._setText(TEMPLATE, true);
      return;
    }
    try {
      const workout = await mine.get(id);
      if (id !== this.workoutId) return;
      if (workout === null) {
        this._notFound = true;
        return;
      }
      this._id = workout.id;
      this._saved = workout.source;
      this._setText(workout.source, true);
    } catch (e) {
      this._problem = `Your own workouts can’t be opened on this device right now (${(e as Error)?.name ?? e}).`;
    }
  }

  /** New text: diagnostics at once, the preview (and the plan it needs) a moment later. */
  private _setText(text: string, now = false): void {
    this._text = text;
    // Checked without expanding: the same diagnostics as a compile, without writing out every interval.
    this._result = withProgrammeCheck(text, checkQuietly(text));
    if (this._previewTimer !== null) clearTimeout(this._previewTimer);
    if (now) this._updatePreview();
    else this._previewTimer = setTimeout(() => this._updatePreview(), PREVIEW_DELAY_MS);
  }

  private _updatePreview(): void {
    this._previewTimer = null;
    const text = this._text ?? '';
    const workout = this._result?.ok ? this._result.workout : null;
    if (!workout) {
      this._preview = null;
      return;
    }
    // The keystrokes' checks carry no plan: the checked workout is expanded here, once the text has settled.
    const expand = (options: Parameters<typeof planOf>[2]) => {
      try {
        return planOf(text, workout, options);
      } catch {
        return null; // a compiler failure (a bug): no preview rather than a broken editor
      }
    };
    const chosen = Object.keys(this._chosen).length > 0 || this._week !== null ? expand(compileOptions(this._chosen, this._week)) : null;
    // Choices made for an older version of the text may not fit any more: fall back to the defaults.
    const plan = chosen ?? expand({});
    this._preview = plan ? { plan, source: text } : null;
  }

  private readonly _onInput = (event: Event) => {
    this._setText((event.target as AqCodeEditor).value);
    if (this._id !== null) {
      if (this._autosave !== null) clearTimeout(this._autosave);
      this._autosave = setTimeout(() => {
        this._autosave = null;
        void this._save();
      }, AUTOSAVE_MS);
    }
  };

  private async _save(): Promise<void> {
    if (this._text === null) return;
    if (this._autosave !== null) clearTimeout(this._autosave);
    this._autosave = null;
    this._saving = true;
    this._problem = null;
    try {
      const record = await mine.save(this._text, this._id ?? undefined);
      this._id = record.id;
      this._saved = record.source;
      // A new workout now has an address: going back doesn't lead to a second new one.
      // (Not when this was the save on leaving: the person has gone elsewhere.)
      // The same page stays, where the person is: no scroll to the top, focus left where it is.
      if (this.isConnected && this.workoutId !== record.id) {
        const href = hrefFor({ name: RouteName.Edit, id: record.id });
        this.dispatchEvent(readdressEvent(href));
        location.replace(href);
      }
    } catch (e) {
      this._problem = `It couldn’t be saved (${(e as Error)?.name ?? e}). Your text is still here; try again.`;
    } finally {
      this._saving = false;
    }
  }

  private _fix(fix: Fix): void {
    this._editor.replace(fix.start, fix.end, fix.text);
    // Where execCommand is missing the input event still comes; either way the text is now:
    if (this._editor.value !== this._text) this._setText(this._editor.value);
  }

  override render() {
    const isNew = this._id === null;
    const back = html`<a class="back" href=${this._id ? hrefFor({ name: RouteName.Workout, id: this._id }) : hrefFor({ name: RouteName.Library })}
      ><span aria-hidden="true">←</span> ${this._id ? 'Back to the workout' : 'All workouts'}</a
    >`;
    if (this._notFound) {
      return html`${back}
        <h1 tabindex="-1">Workout not found</h1>
        <p>This workout isn’t on this device any more.</p>`;
    }
    const heading = html`<h1 tabindex="-1">${isNew ? 'New workout' : 'Edit workout'}</h1>`;
    if (this._text === null) return html`${back}${heading}${this._problem ? html`<p class="problem" role="alert">${this._problem}</p>` : nothing}`;
    const diagnostics = this._result?.diagnostics ?? [];
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    return html`
      ${back}${heading}
      <div class="bar">
        <!-- Not disabled while saving: a disabled button drops the focus of whoever pressed it. -->
        <button class="primary-action" aria-disabled=${this._saving ? 'true' : 'false'} @click=${() => this._saving || void this._save()}>Save</button>
        <div class="status-box">
          <p class="status" role="status">${this._status(errors)}</p>
          ${LONGEST_STATUSES.map((text) => html`<span class="status sizer" aria-hidden="true">${text}</span>`)}
        </div>
        ${
          this._id === null
            ? nothing
            : this._saved === this._text && errors === 0
              ? html`<a class="open" href=${hrefFor({ name: RouteName.Workout, id: this._id })}>Open to start</a>`
              : html`<span class="open placeholder" aria-hidden="true">Open to start</span>`
        }
      </div>
      ${this._problem ? html`<p class="problem" role="alert">${this._problem}</p>` : nothing}
      <div class="text">
        <aq-code-editor
          .value=${this._text}
          .diagnostics=${diagnostics}
          label="Workout text"
          @input=${this._onInput}
          @aq-caret-line=${(e: CustomEvent<{ line: number }>) => (this._caretLine = e.detail.line)}
        ></aq-code-editor>
        ${this._here(diagnostics)}
      </div>
      ${this._problems(diagnostics)}
      ${this._previewSection()}
    `;
  }

  /** The problem on the caret's line, kept in view under the text while typing there. */
  private _here(diagnostics: readonly Diagnostic[]) {
    const d = diagnostics.find((x) => x.line === this._caretLine);
    return html`<p class="here" aria-live="polite">${d ? `Line ${d.line}:${d.column}: ${d.message}${d.hint ? ` ${d.hint}` : ''}` : ''}</p>`;
  }

  private _status(errors: number): string {
    return statusText(this._saved === null ? 'never' : this._saved === this._text ? 'saved' : 'unsaved', errors);
  }

  private _problems(diagnostics: readonly Diagnostic[]) {
    const text = this._text ?? '';
    return html`<section aria-labelledby="problems-heading">
      <h2 id="problems-heading">${diagnostics.length === 0 ? 'Problems' : `Problems (${diagnostics.length})`}</h2>
      ${
        diagnostics.length === 0
          ? html`<p class="ok">None: this workout can be started.</p>`
          : html`<ul class="problems">
            ${diagnostics.map((d) => {
              const fix = fixFor(d, text);
              const where = `${d.severity === 'warning' ? 'Warning, line' : 'Line'} ${d.line}:${d.column}`;
              return html`<li class=${d.severity}>
                <button class="where" aria-label="${where}: go there" @click=${() => this._editor.reveal(d.offset, d.endOffset, d.line)}>${where}</button>
                <p class="message">${d.message}</p>
                ${d.hint ? html`<p class="hint">${d.hint}</p>` : nothing}
                ${fix ? html`<button class="fix" @click=${() => this._fix(fix)}>${fix.label}</button>` : nothing}
              </li>`;
            })}
          </ul>`
      }
    </section>`;
  }

  private _previewSection() {
    const preview = this._preview;
    return html`<section aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      ${
        preview === null
          ? html`<p class="muted">The preview shows when the workout has no errors.</p>`
          : html`<dl>
              <div>
                <dt>Title</dt>
                <dd>${preview.plan.title}</dd>
              </div>
              <div>
                <dt>Total</dt>
                <dd class="tabular">${summarise(preview.plan)}</dd>
              </div>
              <div>
                <dt>Intervals</dt>
                <dd class="tabular">${preview.plan.intervals.length}</dd>
              </div>
            </dl>
            <aq-profile .plan=${preview.plan}></aq-profile>
            ${
              preview.plan.choices.length > 0 || (preview.plan.weeks ?? 0) > 1
                ? html`<aq-plan-options
                  .choices=${preview.plan.choices}
                  .chosen=${preview.plan.chosen}
                  .weeks=${preview.plan.weeks}
                  .week=${preview.plan.week}
                  @aq-choice-change=${(e: ChoiceChangeEvent) => this._choose({ ...this._chosen, [e.detail.id]: e.detail.value }, this._week)}
                  @aq-week-change=${(e: WeekChangeEvent) => this._choose(this._chosen, e.detail.week)}
                ></aq-plan-options>`
                : nothing
            }
            ${preview.plan.weeks !== null ? html`<aq-week-table .rows=${this._weekRows(preview.source, preview.plan.chosen)} .week=${preview.plan.week}></aq-week-table>` : nothing}`
      }
    </section>`;
  }

  private _choose(chosen: Record<string, number>, week: number | null): void {
    this._chosen = chosen;
    this._week = week;
    this._updatePreview();
  }

  private _weekRowsCache: { key: string; rows: readonly WeekRow[] } | null = null;

  private _weekRows(source: string, choices: Readonly<Record<string, number>>): readonly WeekRow[] {
    const key = `${JSON.stringify(choices)}\n${source}`;
    if (this._weekRowsCache?.key !== key) {
      let rows: readonly WeekRow[];
      try {
        rows = weekTable(source, { choices });
      } catch {
        rows = [];
      }
      this._weekRowsCache = { key, rows };
    }
    return this._weekRowsCache.rows;
  }

  /** Moves keyboard focus to the page heading (after navigating here). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

/** The line beside Save: whether the text is saved, and whether it can be started. */
function statusText(saved: 'never' | 'saved' | 'unsaved', errors: number): string {
  const draft = errors > 0 ? `${errors === 1 ? 'One error' : `${errors} errors`}: it can be saved as a draft but not started.` : 'No errors.';
  return `${saved === 'never' ? 'Not saved yet.' : saved === 'saved' ? 'Saved.' : 'Unsaved changes.'} ${draft}`;
}

/**
 * The longest statuses, to keep their room (which is longest depends on the width and the font; the
 * language lists at most 20 problems, so the count has at most two digits).
 */
const LONGEST_STATUSES = (['never', 'unsaved'] as const).flatMap((saved) => [statusText(saved, 1), statusText(saved, 99)]);

/** Checks, turning a compiler failure (a bug) into an empty result rather than a broken editor. */
function checkQuietly(text: string): CompileResult {
  try {
    return diagnose(text);
  } catch {
    return { ok: false, diagnostics: [], workout: null, plan: null };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-editor-page': AqEditorPage;
  }
}
