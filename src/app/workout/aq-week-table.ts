import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { WeekRow } from '../../dsl';
import { sharedStyles, tableStyles } from '../../styles/shared';

/**
 * How a plan grows over its weeks: one row per week with that week's dose
 * and each exercise's sets ("Lying hip abduction 3x30 each side"). The week
 * in use is highlighted.
 *
 * @cssprop --aq-color-highlight - Background of the current week's row.
 */
@customElement('aq-week-table')
export class AqWeekTable extends LitElement {
  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      h2 {
        margin-block-end: var(--aq-space-3);
      }
      table {
        width: 100%;
        background: var(--aq-color-surface);
      }
      tbody th {
        font-weight: 600;
        white-space: nowrap;
      }
      td {
        overflow-wrap: anywhere;
      }
      tr[aria-current] {
        background: var(--aq-color-highlight);
      }
      .now {
        display: block;
        color: var(--aq-color-text-muted);
        font-size: var(--aq-text-sm);
        font-weight: 400;
      }
      td {
        font-variant-numeric: tabular-nums;
      }
      .summary {
        font-weight: 700;
      }
      .sets {
        margin: var(--aq-space-1) 0 0;
        padding: 0;
        list-style: none;
        color: var(--aq-color-text-muted);
        font-size: var(--aq-text-sm);
      }
    `,
  ];

  /** One row per week, from `weekTable()`. */
  @property({ attribute: false }) rows: readonly WeekRow[] = [];

  /** The week in use (1-based). */
  @property({ type: Number }) week = 1;

  /** The heading above the table (a level-2 heading). */
  @property() heading = 'Week by week';

  override render() {
    if (this.rows.length === 0) return nothing;
    return html`
      <h2 id="weeks-heading">${this.heading}</h2>
      <table aria-labelledby="weeks-heading">
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col">Dose</th>
          </tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (row) => html`<tr aria-current=${row.week === this.week ? 'true' : nothing}>
              <th scope="row">Week ${row.week}${row.week === this.week ? html`<span class="now">This week</span>` : nothing}</th>
              <td>
                <span class="summary">${row.summary}</span>
                ${
                  row.sets.length > 0
                    ? html`<ul class="sets">
                      ${row.sets.map((set) => html`<li>${set}</li>`)}
                    </ul>`
                    : nothing
                }
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-week-table': AqWeekTable;
  }
}
