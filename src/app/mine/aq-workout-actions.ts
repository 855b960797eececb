import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { buttonStyles, sharedStyles } from '../../styles/shared';
import { hrefFor, RouteName } from '../shell/router';
import { isMineId } from './mine-id';
import { mine } from './mine-store';
import type { AqShareSheet } from '../share/aq-share-sheet';
// Static, not import(): a lazy chunk that loads another on demand splits Vite's preload helper out of the
// first page's chunk. This element is in the workout page's chunk, which the first page never loads.
import '../share/aq-share-sheet';

type MineStore = typeof mine;

/**
 * What can be done with a workout besides running it: copy any workout into
 * Mine (and open the copy in the editor); for one's own, edit, rename and
 * delete (with Undo in the library); share any workout (the share sheet).
 */
@customElement('aq-workout-actions')
export class AqWorkoutActions extends LitElement {
  static override styles = [
    sharedStyles,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-3);
      }
      .row > * {
        flex: 1 1 auto;
      }
      a.button {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        text-decoration: none;
      }
      form {
        display: grid;
        gap: var(--aq-space-2);
        margin-block-start: var(--aq-space-3);
      }
      label {
        font-weight: 700;
      }
      input {
        min-height: var(--aq-tap-min);
        padding-inline: var(--aq-space-3);
        border: 2px solid var(--aq-color-border);
        border-radius: var(--aq-radius-1);
        background: var(--aq-color-surface);
        color: var(--aq-color-text);
        font: inherit;
      }
      .problem {
        color: var(--aq-color-error);
        font-weight: 700;
      }
    `,
  ];

  /** The workout's id (built-in file name, or `mine-…`). */
  @property() workoutId = '';
  /** Its title as shown. */
  @property() workoutTitle = '';
  /** Its text. */
  @property() source = '';

  @state() private _renaming = false;
  @state() private _sharing = false;
  @state() private _busy = false;
  @state() private _problem: string | null = null;

  private async _do(action: (mine: MineStore) => Promise<void>): Promise<void> {
    this._busy = true;
    this._problem = null;
    try {
      await action(mine);
    } catch (e) {
      this._problem = `That didn’t work (${(e as Error)?.name ?? e}). Nothing was changed.`;
    } finally {
      this._busy = false;
    }
  }

  private readonly _duplicate = () =>
    this._do(async (mine) => {
      const copy = await mine.duplicate(this.source);
      location.hash = hrefFor({ name: RouteName.Edit, id: copy.id });
    });

  private readonly _delete = () =>
    this._do(async (mine) => {
      await mine.delete(this.workoutId);
      location.hash = hrefFor({ name: RouteName.Library });
    });

  private readonly _rename = (event: SubmitEvent) => {
    event.preventDefault();
    const title = new FormData(event.target as HTMLFormElement).get('title')?.toString() ?? '';
    void this._do(async (mine) => {
      await mine.rename(this.workoutId, title);
      this._renaming = false;
    });
  };

  private async _share(): Promise<void> {
    this._sharing = true;
    await this.updateComplete;
    await this.renderRoot.querySelector<AqShareSheet>('aq-share-sheet')?.show();
  }

  private _startRename(): void {
    this._renaming = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name="title"]')?.select());
  }

  override render() {
    const own = isMineId(this.workoutId);
    return html`
      <div class="row" role="group" aria-label="Workout actions">
        ${own ? html`<a class="button" href=${hrefFor({ name: RouteName.Edit, id: this.workoutId })}>Edit</a>` : nothing}
        <button @click=${() => void this._share()}>Share</button>
        <button ?disabled=${this._busy} @click=${this._duplicate}>${own ? 'Duplicate' : 'Copy to Mine'}</button>
        ${
          own
            ? html`<button ?disabled=${this._busy} aria-expanded=${this._renaming ? 'true' : 'false'} @click=${() => this._startRename()}>Rename</button>
              <button class="danger" ?disabled=${this._busy} @click=${this._delete}>Delete</button>`
            : nothing
        }
      </div>
      ${
        this._renaming
          ? html`<form @submit=${this._rename}>
            <label for="title">New title</label>
            <input id="title" name="title" .value=${this.workoutTitle} autocomplete="off" required maxlength="200" />
            <div class="row">
              <button type="submit" ?disabled=${this._busy}>Save title</button>
              <button type="button" @click=${() => (this._renaming = false)}>Cancel</button>
            </div>
          </form>`
          : nothing
      }
      ${this._problem ? html`<p class="problem" role="alert">${this._problem}</p>` : nothing}
      ${this._sharing ? html`<aq-share-sheet .workoutTitle=${this.workoutTitle} .source=${this.source}></aq-share-sheet>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-workout-actions': AqWorkoutActions;
  }
}
