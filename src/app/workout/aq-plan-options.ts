import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Choice } from '../../dsl';
import { fieldStyles, sharedStyles } from '../../styles/shared';
import { choiceChangeEvent, weekChangeEvent } from '../shared/events';
import { choiceOptions } from '../shared/format';

/**
 * The choices an athlete makes before starting: a value for each range in the
 * workout ("Rounds 10-15") and, for a plan over weeks, which week it is.
 * It only reports choices; the page recompiles the workout with them.
 *
 * @fires aq-choice-change - A range got a new value; detail `{ id, value }`.
 * @fires aq-week-change - Another week was picked; detail `{ week }`.
 * @cssprop --aq-tap-min - Minimum height of each control.
 */
@customElement('aq-plan-options')
export class AqPlanOptions extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-4);
      }
      select {
        min-width: 8rem;
        font-weight: inherit;
        font-size: var(--aq-text-lg);
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** The ranges the athlete can choose. */
  @property({ attribute: false }) choices: readonly Choice[] = [];

  /** The value in use for each choice, by choice id. */
  @property({ attribute: false }) chosen: Readonly<Record<string, number>> = {};

  /** How many weeks the plan runs over, or null for a single-session workout. */
  @property({ type: Number }) weeks: number | null = null;

  /** The week in use (1-based). */
  @property({ type: Number }) week = 1;

  override render() {
    const labels = this.choices.map((choice) => choice.label);
    return html`
      ${
        this.weeks !== null && this.weeks > 1
          ? html`<label>
            Week
            <select @change=${this._onWeek}>
              ${Array.from({ length: this.weeks }, (_, i) => i + 1).map(
                (week) => html`<option value=${week} ?selected=${week === this.week}>Week ${week}</option>`,
              )}
            </select>
          </label>`
          : nothing
      }
      ${this.choices.map((choice) => {
        // Two ranges with the same name ("Hold") are told apart by their line.
        const name = labels.filter((l) => l === choice.label).length > 1 ? `${choice.label} (line ${choice.line})` : choice.label;
        const current = this.chosen[choice.id] ?? choice.min;
        return html`<label>
          ${name}
          <select data-choice=${choice.id} @change=${this._onChoice}>
            ${choiceOptions(choice).map((option) => html`<option value=${option.value} ?selected=${option.value === current}>${option.text}</option>`)}
          </select>
        </label>`;
      })}
    `;
  }

  protected override updated(): void {
    // `selected` attributes only set the first render: a select the user has
    // touched ignores them, so keep each select showing the value in use.
    for (const select of this.renderRoot.querySelectorAll('select')) {
      const id = select.dataset['choice'];
      const value = id === undefined ? this.week : (this.chosen[id] ?? this.choices.find((c) => c.id === id)?.min);
      if (value !== undefined && select.value !== String(value)) select.value = String(value);
    }
  }

  private _onChoice(event: Event) {
    const select = event.currentTarget as HTMLSelectElement;
    const id = select.dataset['choice'];
    const value = Number(select.value);
    if (id === undefined || !Number.isInteger(value)) return;
    this.dispatchEvent(choiceChangeEvent({ id, value }));
  }

  private _onWeek(event: Event) {
    const week = Number((event.currentTarget as HTMLSelectElement).value);
    if (!Number.isInteger(week)) return;
    this.dispatchEvent(weekChangeEvent({ week }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-plan-options': AqPlanOptions;
  }
}
