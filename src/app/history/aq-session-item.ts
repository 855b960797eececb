import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { compileOptions, formatClock, outline, summarise, type OutlineBlock } from '../../dsl';
import type { SessionRecord } from '../../storage/schema';
import { buttonStyles, disclosureStyles, factListStyles, fieldStyles, sharedStyles } from '../../styles/shared';
import { cssProps } from '../shared/css-props';
import { sessionDeleteEvent, sessionSaveEvent } from '../shared/events';
import { completionText, sessionDateText, zoneTimes } from './history-format';
import { compileSafely, planOf } from '../library/library';

/** How a save went, from the page that saved it. A new object for every attempt. */
export interface SaveStatus {
  readonly text: string;
  readonly error: boolean;
}

const KIND_TEXT: Record<SessionRecord['kind'], string> = { pool: 'Pool', rehab: 'Rehab', other: '' };

/** What a session ran, worked out once from its own text when its details open. */
interface SessionDetails {
  /** What was chosen before the run, in words: "Rounds 12", "Hold 0:45", "Week 3 of 6". */
  readonly choices: string[];
  /** "1:17:00", "2 exercises, 15 reps each side, about 4 min"; null when the text no longer compiles. */
  readonly summary: string | null;
  /** The steps as written, in words, grouped under their repeats. */
  readonly outline: readonly OutlineBlock[];
}

function sessionDetails(session: SessionRecord): SessionDetails {
  // The session keeps its own text, so it is described from that text, not the library's.
  const { result } = compileSafely(session.source, compileOptions(session.choices, session.week));
  const plan = result ? planOf({ result }) : null;
  const choices: string[] = [];
  if (session.week !== null) choices.push(plan?.weeks ? `Week ${session.week} of ${plan.weeks}` : `Week ${session.week}`);
  for (const [id, value] of Object.entries(session.choices)) {
    const choice = plan?.choices.find((c) => c.id === id);
    if (choice) choices.push(`${choice.label} ${choice.kind === 'time' ? formatClock(value) : value}`);
    else choices.push(`Line ${id}: ${value}`);
  }
  return { choices, summary: plan ? summarise(plan) : null, outline: plan ? outline(plan) : [] };
}

/** A label and its value, read in that order: "Planned 1:20:00". */
function fact(label: string, value: string) {
  return html`<div>
    <dt>${label}</dt>
    <dd>${value}</dd>
  </div>`;
}

/**
 * One session in History: when, which workout, planned and actual time,
 * whether it was completed, time per zone, and the rating and note. It opens
 * to show what it ran in words (its summary, the choices made and its steps,
 * with the exact workout text behind a second disclosure), a form to edit the
 * rating and note, and Delete.
 *
 * @fires aq-session-save - The rating or note was edited; detail `{ session }` (the page stamps `updatedAt`).
 * @fires aq-session-delete - Delete was tapped; detail `{ id }`.
 * @cssprop --aq-zone-* - Zone colours of the time-per-zone chips.
 * @cssprop --aq-color-surface - Card background.
 * @csspart toggle - The summary that opens the details.
 */
@customElement('aq-session-item')
export class AqSessionItem extends LitElement {
  static override styles = [
    sharedStyles,
    buttonStyles,
    disclosureStyles,
    factListStyles,
    fieldStyles,
    css`
      article {
        display: grid;
        gap: var(--aq-space-2);
        padding: var(--aq-space-4);
        border: var(--aq-border-width) solid var(--aq-color-border);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
      }
      .when {
        color: var(--aq-color-text-muted);
        font-size: var(--aq-text-sm);
        font-weight: 600;
      }
      .title {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: var(--aq-space-2);
      }
      /* Label beside value here, to keep a session's facts to a line or two. */
      dl {
        row-gap: var(--aq-space-1);
      }
      dl > div {
        display: flex;
        gap: var(--aq-space-2);
        align-items: baseline;
      }
      dd {
        font-variant-numeric: tabular-nums;
      }
      .early {
        color: var(--aq-color-warning);
      }
      .completion {
        font-weight: 600;
      }
      .zones {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-2);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: var(--aq-space-1);
        padding: 0 var(--aq-space-2);
        border: var(--aq-border-width) solid var(--aq-color-border);
        border-inline-start: 0.4rem solid var(--swatch);
        border-radius: var(--aq-radius-1);
        font-size: var(--aq-text-sm);
        font-variant-numeric: tabular-nums;
      }
      .note {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .panel {
        display: grid;
        gap: var(--aq-space-4);
        padding-block-start: var(--aq-space-2);
      }
      .ran {
        display: grid;
        gap: var(--aq-space-2);
      }
      .ran h4 {
        margin: 0;
        font-size: var(--aq-text-md);
      }
      .summary {
        margin: 0;
        font-weight: 700;
      }
      .outline,
      .outline ul {
        display: grid;
        gap: var(--aq-space-1);
        margin: 0;
        padding-inline-start: var(--aq-space-5);
      }
      .outline {
        padding-inline-start: var(--aq-space-4);
        overflow-wrap: anywhere;
      }
      .repeat {
        font-weight: 700;
      }
      pre {
        margin: 0;
        padding: var(--aq-space-3);
        max-height: 20rem;
        overflow: auto;
        border-radius: var(--aq-radius-1);
        background: var(--aq-color-surface-alt);
        font-family: var(--aq-font-mono);
        font-size: var(--aq-text-sm);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      form {
        display: grid;
        gap: var(--aq-space-3);
      }
      .fields {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-4);
      }
      select {
        min-width: 7rem;
      }
      textarea {
        width: 100%;
        min-height: 5rem;
        resize: vertical;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-3);
        align-items: center;
      }
      .message {
        font-size: var(--aq-text-sm);
      }
      .message.error {
        color: var(--aq-color-error);
        font-weight: 700;
      }
    `,
  ];

  /** The session to show. */
  @property({ attribute: false }) session: SessionRecord | null = null;

  /** How the last save went ("Saved.", or why it failed), shown by the form until it is edited again. */
  @property({ attribute: false }) status: SaveStatus | null = null;

  /** The details are open (their content is only rendered then). */
  @state() private _open = false;
  /** The form changed since the status was given, so the status no longer applies. */
  @state() private _edited = false;
  /** What the session ran, in words, worked out once per session record. */
  private _details: { session: SessionRecord; details: SessionDetails } | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('status')) this._edited = false;
  }

  override render() {
    const s = this.session;
    if (s === null) return nothing;
    const kind = KIND_TEXT[s.kind];
    const zones = zoneTimes(s.zoneSeconds);
    return html`<article aria-labelledby="title when">
      <p class="when" id="when"><time datetime=${new Date(s.startedAt).toISOString()}>${sessionDateText(s.startedAt)}</time></p>
      <div class="title">
        <h3 id="title">${s.title}</h3>
        ${kind ? html`<span class="tag">${kind}</span>` : nothing}
      </div>
      <dl>
        ${fact('Planned', formatClock(s.plannedSeconds))}
        ${fact('Actual', formatClock(s.activeSeconds))}
        ${s.rpe !== null ? fact('RPE', String(s.rpe)) : nothing}
        ${s.pain !== null ? fact('Pain', String(s.pain)) : nothing}
      </dl>
      <p class="completion ${s.completed ? '' : 'early'}">${completionText(s)}</p>
      ${
        zones.length > 0
          ? html`<ul class="zones" aria-label="Time per zone">
            ${zones.map((z) => html`<li class="chip" style=${cssProps({ '--swatch': z.color })}>${z.label} ${formatClock(z.seconds)}</li>`)}
          </ul>`
          : nothing
      }
      ${s.note.trim() !== '' ? html`<p class="note">${s.note}</p>` : nothing}
      <details ?open=${this._open} @toggle=${this._onToggle}>
        <summary part="toggle">Details and edit</summary>
        ${this._open ? html`<div class="panel">${this._panel(s)}</div>` : nothing}
      </details>
    </article>`;
  }

  private _panel(s: SessionRecord) {
    if (this._details?.session !== s) this._details = { session: s, details: sessionDetails(s) };
    const { choices, summary, outline: blocks } = this._details.details;
    const status = this._edited ? null : this.status;
    return html`
      <section class="ran" aria-labelledby="ran-heading">
        <h4 id="ran-heading">What it ran</h4>
        ${summary !== null ? html`<p class="summary">${summary}</p>` : html`<p>This workout's text can no longer be read as steps.</p>`}
        ${choices.length > 0 ? html`<ul class="tags" aria-label="Choices">${choices.map((c) => html`<li class="tag">${c}</li>`)}</ul>` : nothing}
        ${
          blocks.length > 0
            ? html`<ul class="outline" aria-label="Steps">
              ${blocks.map((block) =>
                block.heading === null
                  ? block.steps.map((step) => html`<li>${step}</li>`)
                  : html`<li>
                      <span class="repeat">${block.heading}:</span>
                      <ul>
                        ${block.steps.map((step) => html`<li>${step}</li>`)}
                      </ul>
                    </li>`,
              )}
            </ul>`
            : nothing
        }
        <details class="exact">
          <summary>Exact workout text (the workout language)</summary>
          <pre aria-label="Workout text">${s.source}</pre>
        </details>
      </section>
      <form @submit=${this._onSave} @input=${this._onInput}>
        <div class="fields">
          <label>
            Effort (RPE 1-10)
            <select name="rpe" .value=${s.rpe === null ? '' : String(s.rpe)}>
              <option value="">Not rated</option>
              ${Array.from({ length: 10 }, (_, i) => i + 1).map((n) => html`<option value=${n} ?selected=${n === s.rpe}>${n}</option>`)}
            </select>
          </label>
          <label>
            Pain (0-10)
            <select name="pain" .value=${s.pain === null ? '' : String(s.pain)}>
              <option value="">Not rated</option>
              ${Array.from({ length: 11 }, (_, i) => i).map((n) => html`<option value=${n} ?selected=${n === s.pain}>${n}</option>`)}
            </select>
          </label>
        </div>
        <label>
          Note
          <textarea name="note" maxlength="4000" .value=${s.note}></textarea>
        </label>
        <div class="actions">
          <button type="submit">Save</button>
          <p class="message ${status?.error ? 'error' : ''}" role="status">${status?.text ?? ''}</p>
        </div>
      </form>
      <div class="actions">
        <button type="button" class="danger" @click=${this._onDelete}>Delete session</button>
      </div>
    `;
  }

  /** Moves focus to the details toggle (after Undo brings a session back). */
  focusToggle(): void {
    this.renderRoot.querySelector<HTMLElement>('summary')?.focus();
  }

  private _onToggle(event: Event): void {
    this._open = (event.currentTarget as HTMLDetailsElement).open;
  }

  private _onInput(): void {
    this._edited = true;
  }

  private _onSave(event: SubmitEvent): void {
    event.preventDefault();
    const s = this.session;
    if (s === null) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const number = (name: string) => {
      const raw = String(data.get(name) ?? '');
      return raw === '' ? null : Number(raw);
    };
    const session: SessionRecord = { ...s, rpe: number('rpe'), pain: number('pain'), note: String(data.get('note') ?? '') };
    this.dispatchEvent(sessionSaveEvent({ session }));
  }

  private _onDelete(): void {
    if (this.session) this.dispatchEvent(sessionDeleteEvent({ id: this.session.id }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-session-item': AqSessionItem;
  }
}
