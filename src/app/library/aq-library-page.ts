import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../../styles/shared';
import { isMineId } from '../mine/mine-id';
import type { AqMineSection } from '../mine/aq-mine-section';
import { groupCards, type LibraryCard } from './library-card';
import './aq-workout-card';

/** How long coming back to the library waits for one's own workouts to find the card one came from. */
const MINE_WAIT_MS = 1000;

/**
 * The library: every built-in workout, in groups ("Pool", "Rehab").
 *
 * @cssprop --aq-page-max - Widest the content grows.
 */
@customElement('aq-library-page')
export class AqLibraryPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: var(--aq-space-6);
      }
      section {
        display: grid;
        gap: var(--aq-space-4);
      }
      ul {
        display: grid;
        gap: var(--aq-space-4);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .empty {
        color: var(--aq-color-text-muted);
      }
      .programme {
        display: grid;
        gap: var(--aq-space-2);
        padding: var(--aq-space-4);
        border: 2px solid var(--aq-color-link);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
      }
      .programme a {
        display: inline-flex;
        align-items: center;
        min-height: var(--aq-tap-min);
        font-weight: 800;
        font-size: var(--aq-text-lg);
      }
    `,
  ];

  /** The workouts to list, in display order (cards made at build time, or by `cardOf`). */
  @property({ attribute: false }) entries: readonly LibraryCard[] = [];

  override render() {
    const groups = groupCards(this.entries);
    return html`
      <h1 tabindex="-1">Workouts</h1>
      ${groups.length === 0 ? html`<p class="empty">No workouts yet.</p>` : ''}
      ${groups.map(
        (group) => html`<section aria-labelledby="group-${group.group}">
          <h2 id="group-${group.group}">${group.title}</h2>
          ${[...new Set(group.cards.map((c) => c.programme).filter((p) => p !== null))].map(
            (name) => html`<div class="programme">
              <p>The ${name} workouts make a programme: follow it day by day, with each day's dose, check-offs and pain over the weeks.</p>
              <a href="#/today">Follow the ${name} programme</a>
            </div>`,
          )}
          <ul>
            ${group.cards.map((entry) => html`<li><aq-workout-card .entry=${entry} data-id=${entry.id}></aq-workout-card></li>`)}
          </ul>
        </section>`,
      )}
      <aq-mine-section></aq-mine-section>
    `;
  }

  protected override firstUpdated(): void {
    // One's own workouts need the database and the language: after the first paint, in a chunk of their own.
    setTimeout(() => void import('../mine/aq-mine-section').catch(() => undefined));
  }

  /** Moves keyboard focus to the page heading (after navigating here). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /**
   * Moves focus to one workout's link, e.g. when coming back from it: a
   * built-in one at once; one's own (or Mine's "New workout", back from a new
   * one: id `new`) once the Mine section has loaded, waiting a moment at most.
   * False (and focus left alone) if there is no such card.
   */
  async focusWorkout(id: string): Promise<boolean> {
    const link = await this._linkTo(id);
    if (!link) return false;
    link.focus();
    link.scrollIntoView({ block: 'center' });
    return true;
  }

  private async _linkTo(id: string): Promise<HTMLElement | null> {
    const card = this.renderRoot.querySelector(`aq-workout-card[data-id="${CSS.escape(id)}"]`);
    if (card) return card.shadowRoot?.querySelector<HTMLElement>('a') ?? null;
    const section = this.renderRoot.querySelector<AqMineSection>('aq-mine-section');
    if (!section || !(isMineId(id) || id === 'new')) return null;
    const found = customElements.whenDefined('aq-mine-section').then(() => section.linkTo(id));
    // Past the wait the heading gets focus instead, and a late answer is ignored.
    const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), MINE_WAIT_MS));
    return Promise.race([found, late]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-library-page': AqLibraryPage;
  }
}
