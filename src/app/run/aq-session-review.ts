import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../../styles/shared';
import { SaveState, type RunRecorder } from './run-recorder';
import { saveFile } from '../../platform/download';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../storage/schema';

/**
 * After a workout: whether it is saved, and optional effort (RPE 1-10), pain
 * (0-10, for rehab) and a note. The session is saved before any of this is
 * touched; each answer updates it, and all of it can be edited in History.
 */
@customElement('aq-session-review')
export class AqSessionReview extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: var(--aq-space-4);
        padding: var(--aq-space-4);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
        color: var(--aq-color-text);
      }
      fieldset {
        margin: 0;
        padding: 0;
        border: 0;
        display: grid;
        gap: var(--aq-space-2);
      }
      legend {
        font-weight: 800;
        font-size: var(--aq-text-lg);
        margin-block-end: var(--aq-space-2);
      }
      .scale {
        display: grid;
        /* auto-fit: on one line the numbers spread to the full width, so 10 sits above "10 = Max effort". */
        grid-template-columns: repeat(auto-fit, minmax(2.75rem, 1fr));
        gap: var(--aq-space-2);
      }
      .scale label {
        position: relative;
      }
      .scale input {
        position: absolute;
        opacity: 0;
        inset: 0;
        margin: 0;
      }
      .scale span {
        display: grid;
        place-items: center;
        min-height: var(--aq-tap-min);
        border: 2px solid var(--aq-color-border);
        border-radius: var(--aq-radius-1);
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .scale input:checked + span {
        background: var(--aq-color-link);
        border-color: var(--aq-color-link);
        color: var(--aq-color-surface);
      }
      .scale input:focus-visible + span {
        outline: var(--aq-focus-width) solid var(--aq-color-focus);
        outline-offset: 2px;
      }
      /* On a phone the scale wraps, and its last number is no longer at the right-hand end: each end says which number it is. */
      .ends {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        column-gap: var(--aq-space-3);
        color: var(--aq-color-text-muted);
        font-size: var(--aq-text-sm);
      }
      textarea {
        width: 100%;
        min-height: 5rem;
        padding: var(--aq-space-2);
        border: 2px solid var(--aq-color-border);
        border-radius: var(--aq-radius-1);
        background: var(--aq-color-surface);
        color: var(--aq-color-text);
        font: inherit;
      }
      .status {
        font-weight: 700;
      }
      .failed {
        color: var(--aq-color-error);
      }
      .unsaved {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-3);
      }
      .hint {
        margin: 0;
        color: var(--aq-color-text-muted);
      }
      button {
        min-height: var(--aq-tap-min);
        padding-inline: var(--aq-space-4);
        border: 2px solid currentColor;
        border-radius: var(--aq-radius-1);
        background: transparent;
        color: inherit;
        font: inherit;
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) recorder: RunRecorder | null = null;
  /** Ask about pain too (rehab sessions). */
  @property({ type: Boolean }) rehab = false;

  @state() private _tick = 0;
  private _off: (() => void) | null = null;
  private _noteTimer: ReturnType<typeof setTimeout> | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this._listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._off?.();
    this._off = null;
    this._flushNote();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('recorder')) this._listen();
  }

  private _listen(): void {
    this._off?.();
    this._off = this.recorder?.onChange(() => this._tick++) ?? null;
  }

  override render() {
    const r = this.recorder;
    if (!r) return nothing;
    const saved = r.saved;
    const unsaved = r.state === SaveState.Failed || r.state === SaveState.Waiting;
    return html`
      <p class="status ${unsaved ? 'failed' : ''}" role="status">${this._statusText(r)}</p>
      ${
        unsaved
          ? html`<div class="unsaved">
            ${r.state === SaveState.Failed ? html`<button @click=${() => r.retryNow()}>Retry now</button>` : nothing}
            <button @click=${() => this._export(r)}>Export this session</button>
          </div>
          <p class="hint">The file is a backup: History's Import adds the session on any device.</p>`
          : nothing
      }
      ${this._scale('How hard was it? (RPE)', 'rpe', 1, 10, saved?.rpe ?? null, 'Very easy', 'Max effort')}
      ${this.rehab ? this._scale('Pain during it', 'pain', 0, 10, saved?.pain ?? null, 'None', 'Worst') : nothing}
      <label>
        <span>Note (optional)</span>
        <textarea .value=${saved?.note ?? ''} maxlength="4000" @input=${this._noteInput} @change=${() => this._flushNote()}></textarea>
      </label>
    `;
  }

  private _statusText(r: RunRecorder): string {
    switch (r.state) {
      case SaveState.Saved:
        return 'Saved to History.';
      case SaveState.Failed:
      case SaveState.Waiting:
        return `Not saved yet. ${r.error ?? ''}`;
      default:
        return 'Saving…';
    }
  }

  private _scale(legend: string, name: 'rpe' | 'pain', from: number, to: number, value: number | null, low: string, high: string) {
    const values = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    return html`<fieldset>
      <legend>${legend}</legend>
      <div class="scale">
        ${values.map(
          (v) => html`<label>
            <input type="radio" name=${name} .value=${String(v)} .checked=${value === v} aria-label=${`${v}${v === from ? `, ${low}` : v === to ? `, ${high}` : ''}`}
              @change=${() => void this.recorder?.annotate({ [name]: v })} />
            <span aria-hidden="true">${v}</span>
          </label>`,
        )}
      </div>
      <div class="ends" aria-hidden="true"><span>${from} = ${low}</span><span>${to} = ${high}</span></div>
    </fieldset>`;
  }

  /** Saves the session as a one-session backup file, for when this device can't store it. */
  private _export(r: RunRecorder): void {
    const session = r.session;
    if (!session) return;
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: Date.now(),
      sessions: [session],
      workouts: [],
      settings: null,
      programmes: [],
    };
    const day = new Date(session.startedAt);
    const pad = (n: number) => String(n).padStart(2, '0');
    const name = `aquajog-session-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}-${pad(day.getHours())}${pad(day.getMinutes())}.json`;
    saveFile(new Blob([JSON.stringify(backup)], { type: 'application/json' }), name);
  }

  private _pendingNote: string | null = null;

  private _noteInput = (e: Event): void => {
    this._pendingNote = (e.target as HTMLTextAreaElement).value;
    if (this._noteTimer !== null) clearTimeout(this._noteTimer);
    this._noteTimer = setTimeout(() => this._flushNote(), 800);
  };

  private _flushNote(): void {
    if (this._noteTimer !== null) clearTimeout(this._noteTimer);
    this._noteTimer = null;
    if (this._pendingNote === null) return;
    const note = this._pendingNote;
    this._pendingNote = null;
    void this.recorder?.annotate({ note });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-session-review': AqSessionReview;
  }
}
