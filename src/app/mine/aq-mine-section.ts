import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { buttonStyles, sharedStyles } from '../../styles/shared';
import type { LibraryCard } from '../library/library-card';
import { cardOf } from '../library/library-compile';
import { hrefFor, RouteName } from '../shell/router';
import type { CustomWorkout } from '../../storage/schema';
import { mineEntry } from './mine-entry';
import { mine } from './mine-store';
import { encodeWorkout } from '../../share/codec';
import { readWorkoutFile } from '../share/workout-file';
import '../library/aq-workout-card';

/**
 * The library's "Mine" section: one's own workouts (written here, copied from
 * a built-in, or saved from a link), newest first, each marked "Mine", a way
 * to write a new one, and Undo after a delete. Loaded after the first paint:
 * it needs the database and the workout language, which the first page doesn't carry.
 *
 * @cssprop --aq-color-highlight - Background of the Undo offer.
 */
@customElement('aq-mine-section')
export class AqMineSection extends LitElement {
  static override styles = [
    sharedStyles,
    buttonStyles,
    css`
      :host {
        display: grid;
        gap: var(--aq-space-4);
      }
      ul.cards {
        display: grid;
        gap: var(--aq-space-4);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .new {
        display: inline-flex;
        align-items: center;
        justify-self: start;
        min-height: var(--aq-tap-min);
        padding: var(--aq-space-2) var(--aq-space-5);
        border: 2px solid var(--aq-color-link);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
        font-weight: 800;
        text-decoration: none;
      }
      .add {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-3);
      }
      /* The file input itself is hidden; its label is the button (and keeps the name). */
      .file {
        position: relative;
        cursor: pointer;
      }
      .file input {
        position: absolute;
        inset: 0;
        opacity: 0;
        cursor: pointer;
      }
      .file:focus-within {
        outline: var(--aq-focus-width) solid var(--aq-color-focus);
        outline-offset: 2px;
      }
      .problem {
        color: var(--aq-color-error);
        font-weight: 700;
      }
      .undo {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--aq-space-3);
        padding: var(--aq-space-3) var(--aq-space-4);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-highlight);
        font-weight: 700;
      }
      .undo span {
        flex: 1 1 12rem;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private _cards: readonly LibraryCard[] | null = null;
  @state() private _problem: string | null = null;
  @state() private _deleted: CustomWorkout | null = null;
  @state() private _fileProblem: string | null = null;
  private _off: (() => void) | null = null;
  private _loading: Promise<void> = Promise.resolve();

  override connectedCallback(): void {
    super.connectedCallback();
    this._off = mine.onChange(() => void this._load());
    this._loading = this._load();
  }

  /**
   * The link of one's workout's card once the list has loaded (or of "New
   * workout" for `new`, the editor's address for a new one); null if there is none.
   */
  async linkTo(id: string): Promise<HTMLElement | null> {
    await this._loading;
    await this.updateComplete;
    if (id === 'new') return this.renderRoot.querySelector<HTMLElement>('a.new');
    const card = this.renderRoot.querySelector<LitElement>(`aq-workout-card[data-id="${CSS.escape(id)}"]`);
    if (!card) return null;
    await card.updateComplete;
    return card.shadowRoot?.querySelector<HTMLElement>('a') ?? null;
  }

  override disconnectedCallback(): void {
    this._off?.();
    this._off = null;
    super.disconnectedCallback();
  }

  private async _load(): Promise<void> {
    this._deleted = mine.deleted;
    try {
      const workouts = await mine.list();
      this._cards = workouts.map((w) => {
        const card = cardOf(mineEntry(w));
        return { ...card, tags: ['Mine', ...card.tags.filter((t) => t.toLowerCase() !== 'mine')] };
      });
      this._problem = null;
    } catch (e) {
      this._problem = `Your own workouts can’t be opened on this device right now (${(e as Error)?.name ?? e}).`;
    }
  }

  override render() {
    const deleted = this._deleted;
    return html`<section aria-labelledby="group-mine">
      <h2 id="group-mine">Mine</h2>
      ${
        deleted
          ? html`<div class="undo" role="status">
            <span>Deleted “${deleted.title}”.</span>
            <button @click=${() => void mine.undo()}>Undo</button>
            <button @click=${() => mine.forgetDeleted()}>OK</button>
          </div>`
          : nothing
      }
      ${this._problem ? html`<p role="alert">${this._problem}</p>` : nothing}
      ${
        this._cards === null
          ? nothing
          : this._cards.length === 0
            ? html`<p class="muted">Workouts you write, copy or save from a link appear here.</p>`
            : html`<ul class="cards">
              ${this._cards.map((card) => html`<li><aq-workout-card .entry=${card} data-id=${card.id}></aq-workout-card></li>`)}
            </ul>`
      }
      <div class="add">
        <a class="new" href=${hrefFor({ name: RouteName.Edit, id: 'new' })}>New workout</a>
        <label class="new file">Open a .workout file<input type="file" accept=".workout,.txt,text/plain" @change=${this._open} /></label>
      </div>
      ${this._fileProblem ? html`<p class="problem" role="alert">${this._fileProblem}</p>` : nothing}
    </section>`;
  }

  /** A chosen file opens in the same preview as a link: looked over first, saved only on Save. */
  private readonly _open = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const read = await readWorkoutFile(file);
    if (!read.ok) {
      this._fileProblem = read.message;
      return;
    }
    this._fileProblem = null;
    location.hash = hrefFor({ name: RouteName.Shared, payload: await encodeWorkout(read.text) });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-mine-section': AqMineSection;
  }
}
