import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { factListStyles, sharedStyles } from '../../styles/shared';
import type { LibraryCard } from './library-card';
import { workoutHref } from '../shell/router';

/**
 * One workout in the library: its title (a link to the workout, and the whole
 * card is a tap target), total time (or, for rehab, its exercises and about how
 * long), when to do it, tags, notes and the source it cites.
 * A workout that does not compile shows its diagnostics instead.
 *
 * @cssprop --aq-color-surface - Card background.
 * @cssprop --aq-color-border - Card border.
 * @csspart title - The title link.
 * @csspart total - The total time or reps.
 */
@customElement('aq-workout-card')
export class AqWorkoutCard extends LitElement {
  static override styles = [
    sharedStyles,
    factListStyles,
    css`
      article {
        position: relative;
        display: grid;
        gap: var(--aq-space-3);
        padding: var(--aq-space-4);
        border: var(--aq-border-width) solid var(--aq-color-border);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
      }
      article:focus-within {
        outline: var(--aq-focus-width) solid var(--aq-color-focus);
        outline-offset: 2px;
      }
      h3 a {
        text-decoration-thickness: 2px;
      }
      h3 a:focus-visible {
        outline: none;
      }
      /* The whole card opens the workout; the link stays the one accessible target. */
      h3 a::after {
        content: '';
        position: absolute;
        inset: 0;
        border-radius: var(--aq-radius-2);
      }
      .total {
        font-size: var(--aq-text-xl);
        line-height: var(--aq-leading-tight);
      }
      /* A rehab summary is a sentence ("2 exercises, 15 s each side, about 2 min"), not a clock. */
      .total.words {
        font-size: var(--aq-text-md);
        /* Often two or three lines on a phone: spaced as a sentence, not as a clock. */
        line-height: var(--aq-leading);
      }
      .when {
        font-size: var(--aq-text-lg);
        line-height: var(--aq-leading-tight);
      }
    `,
  ];

  /** The workout to show, as the library compiled it. */
  @property({ attribute: false }) entry: LibraryCard | null = null;

  override render() {
    const entry = this.entry;
    if (entry === null) return nothing;
    const titleId = `title-${entry.id}`;
    const link = html`<h3 id=${titleId}><a part="title" href=${workoutHref(entry.id)}>${entry.title}</a></h3>`;
    if (entry.total === null) {
      // Only a workout with errors needs the diagnostics panel: loaded then, never on the first page.
      void import('../workout/aq-diagnostics');
      return html`<article aria-labelledby=${titleId}>
        ${link}
        <aq-diagnostics .diagnostics=${entry.diagnostics} .error=${entry.error}></aq-diagnostics>
      </article>`;
    }
    return html`<article aria-labelledby=${titleId}>
      ${link}
      <dl>
        <div>
          <dt>Total</dt>
          <dd class="total tabular ${entry.totalIsClock ? '' : 'words'}" part="total">${entry.total}</dd>
        </div>
        ${
          entry.when
            ? html`<div>
              <dt>When</dt>
              <dd class="when">${entry.when}</dd>
            </div>`
            : nothing
        }
      </dl>
      ${entry.notes.length > 0 ? html`<div class="notes">${entry.notes.map((note) => html`<p>${note}</p>`)}</div>` : nothing}
      ${entry.source ? html`<p class="source">${entry.source}</p>` : nothing}
      ${
        entry.tags.length > 0
          ? html`<ul class="tags" aria-label="Tags">
            ${entry.tags.map((tag) => html`<li class="tag">${tag}</li>`)}
          </ul>`
          : nothing
      }
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-workout-card': AqWorkoutCard;
  }
}
