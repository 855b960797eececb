import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { encodeWorkout } from '../../share/codec';
import { shareLink } from '../../share/link';
import { saveFile } from '../../platform/download';
import { buttonStyles, sharedStyles } from '../../styles/shared';
import { qrCode, type Qr } from './qr';
import { workoutFileName } from './workout-file';

/**
 * Sharing a workout: a link that carries the whole text (nothing goes to a
 * server), its QR code big enough to scan across a pool deck, the platform's
 * share sheet where there is one, copy, and the `.workout` file. A workout too
 * long for a QR code says so and offers the file.
 *
 * @cssprop --aq-color-surface - Sheet background.
 */
@customElement('aq-share-sheet')
export class AqShareSheet extends LitElement {
  static override styles = [
    sharedStyles,
    buttonStyles,
    css`
      dialog {
        box-sizing: border-box;
        width: min(36rem, calc(100vw - 2 * var(--aq-space-3)));
        max-height: calc(100dvh - 2 * var(--aq-space-3));
        padding: var(--aq-space-4);
        border: 2px solid var(--aq-color-text);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
        color: var(--aq-color-text);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.6);
      }
      .sheet {
        display: grid;
        gap: var(--aq-space-4);
      }
      h2 {
        overflow-wrap: anywhere;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-3);
      }
      .row > button {
        flex: 1 1 auto;
      }
      label {
        font-weight: 700;
      }
      input {
        box-sizing: border-box;
        width: 100%;
        min-height: var(--aq-tap-min);
        padding-inline: var(--aq-space-3);
        border: 2px solid var(--aq-color-border);
        border-radius: var(--aq-radius-1);
        background: var(--aq-color-surface-alt);
        color: var(--aq-color-text);
        font-family: var(--aq-font-mono);
        font-size: var(--aq-text-sm);
      }
      .qr {
        display: block;
        justify-self: center;
        /* A QR code has to be dark on light, in every theme. */
        width: min(100%, 22rem, 60dvh);
        aspect-ratio: 1;
        background: #fff;
      }
      /* Shown big: the code alone, as large as the screen allows, for a camera across the pool deck. */
      dialog.big {
        width: calc(100vw - 2 * var(--aq-space-2));
        max-height: calc(100dvh - 2 * var(--aq-space-2));
        padding: var(--aq-space-2);
      }
      dialog.big .sheet {
        gap: var(--aq-space-2);
      }
      .qr.big {
        width: min(100%, calc(100dvh - 2 * var(--aq-tap-min) - 4rem));
      }
      .status {
        margin: 0;
        font-weight: 700;
      }
    `,
  ];

  /** The workout's title, for the heading and the file's name. */
  @property() workoutTitle = '';
  /** The workout's text. */
  @property() source = '';

  @state() private _link: string | null = null;
  @state() private _qr: Qr | null = null;
  @state() private _status = '';
  /** The QR code fills the screen, to be scanned from further away. */
  @state() private _big = false;
  @query('dialog') private _dialog!: HTMLDialogElement;
  @query('input') private _input!: HTMLInputElement;

  /** Opens the sheet (making the link first). */
  async show(): Promise<void> {
    this._status = '';
    this._link = null;
    this._big = false;
    await this.updateComplete;
    if (!this._dialog.open) this._dialog.showModal();
    const link = shareLink(location.href, await encodeWorkout(this.source));
    this._link = link;
    this._qr = qrCode(link);
  }

  private _file(): File {
    return new File([this.source], workoutFileName(this.workoutTitle), { type: 'text/plain' });
  }

  private async _copy(): Promise<void> {
    const link = this._link;
    if (link === null) return;
    try {
      await navigator.clipboard.writeText(link);
      this._status = 'Link copied.';
    } catch {
      // No clipboard permission: the link is selected, ready for the keyboard's own Copy.
      this._input.focus();
      this._input.select();
      this._status = document.execCommand?.('copy') ? 'Link copied.' : 'The link is selected: copy it from there.';
    }
  }

  private async _share(withFile: boolean): Promise<void> {
    const link = this._link;
    if (link === null) return;
    const data: ShareData = withFile ? { title: this.workoutTitle, files: [this._file()] } : { title: this.workoutTitle, text: this.workoutTitle, url: link };
    try {
      await navigator.share(data);
    } catch (e) {
      if ((e as Error)?.name !== 'AbortError') this._status = 'This device couldn’t share it. Copy the link or save the file instead.';
    }
  }

  private _save(): void {
    saveFile(this._file(), workoutFileName(this.workoutTitle));
    this._status = `Saved as ${workoutFileName(this.workoutTitle)}.`;
  }

  override render() {
    const link = this._link;
    const qr = this._qr;
    const canShare = typeof navigator.share === 'function';
    const canShareFile = canShare && typeof navigator.canShare === 'function' && navigator.canShare({ files: [this._file()] });
    const code =
      qr &&
      html`<svg class="qr ${this._big ? 'big' : ''}" viewBox="0 0 ${qr.size} ${qr.size}" role="img" aria-label="QR code of the link" shape-rendering="crispEdges">
          <path d=${qr.path}></path>
        </svg>
        <button aria-pressed=${this._big ? 'true' : 'false'} @click=${() => (this._big = !this._big)}>Bigger QR code</button>`;
    return html`<dialog class=${this._big ? 'big' : ''} aria-labelledby="share-heading" @close=${() => ((this._status = ''), (this._big = false))}>
      <div class="sheet">
        <h2 id="share-heading" class=${this._big ? 'visually-hidden' : ''}>Share “${this.workoutTitle}”</h2>
        ${
          this._big && code
            ? code
            : html`<p class="muted">The link carries the whole workout: whoever opens it sees it and can save it, with no account and no server.</p>
              ${
                link === null
                  ? html`<p>Making the link…</p>`
                  : html`<div>
                      <label for="link">Link</label>
                      <input id="link" readonly .value=${link} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
                    </div>
                    <div class="row">
                      <button @click=${() => void this._copy()}>Copy link</button>
                      ${canShare ? html`<button @click=${() => void this._share(false)}>Share link…</button>` : nothing}
                    </div>
                    ${code ?? html`<p role="note">This workout is too long for a QR code. Share the link or the file instead.</p>`}`
              }
              <div class="row">
                <button @click=${() => this._save()}>Save as file</button>
                ${canShareFile ? html`<button @click=${() => void this._share(true)}>Share as file…</button>` : nothing}
              </div>
              <p class="status" role="status">${this._status}</p>`
        }
        <div class="row">
          <button @click=${() => this._dialog.close()}>Close</button>
        </div>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-share-sheet': AqShareSheet;
  }
}
