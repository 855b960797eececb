import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { cssProps } from '../shared/css-props';
import { formatClock } from '../../dsl';
import type { Interval, Plan, Zone } from '../../dsl';
import { sharedStyles, tableStyles } from '../../styles/shared';
import { amountDetail, amountText, roleText, roundText, sideText, targetText, zoneColor, zoneName } from '../shared/format';

/**
 * The expanded timeline of a plan as a table: one row per interval with its
 * start, duration (or reps, or "Until Done"), zone and target, label, side and
 * round. On narrow screens each row is laid out as a small card; the table
 * keeps its semantics through explicit ARIA roles.
 *
 * @cssprop --aq-zone-* - Zone colours for the swatches (from the plan's zones).
 * @cssprop --aq-color-surface - Row background.
 */
@customElement('aq-timeline')
export class AqTimeline extends LitElement {
  static override styles = [
    sharedStyles,
    tableStyles,
    css`
      :host {
        container-type: inline-size;
      }
      h2 {
        margin-block-end: var(--aq-space-3);
      }
      table {
        width: 100%;
        background: var(--aq-color-surface);
        border-radius: var(--aq-radius-2);
      }
      th {
        color: var(--aq-color-text-muted);
        font-size: var(--aq-text-sm);
        font-weight: 600;
        white-space: nowrap;
      }
      tbody tr:last-child > td {
        border-block-end: none;
      }
      .num,
      .start,
      .duration {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .num {
        color: var(--aq-color-text-muted);
      }
      .zone-name {
        font-weight: 700;
      }
      .step-label {
        display: block;
        font-weight: 600;
      }
      .target {
        white-space: nowrap;
      }
      .target,
      .detail,
      .role,
      .step-note {
        display: block;
        color: var(--aq-color-text-muted);
        font-size: var(--aq-text-sm);
      }
      .round {
        white-space: nowrap;
      }
      .cell-label {
        display: none;
      }

      /* Phones: every row becomes a small card; the header row stays for screen readers. */
      @container (max-width: 40rem) {
        table,
        tbody {
          display: block;
          background: none;
        }
        thead {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
          white-space: nowrap;
        }
        tbody {
          display: grid;
          gap: var(--aq-space-2);
        }
        tr {
          display: grid;
          grid-template-columns: 1.75rem minmax(0, 1fr) auto;
          grid-template-areas:
            'num zone duration'
            'num label label'
            'num side side'
            'num start round';
          column-gap: var(--aq-space-2);
          padding: var(--aq-space-2) var(--aq-space-3);
          border-inline-start: var(--aq-space-2) solid var(--swatch);
          border-radius: var(--aq-radius-1);
          background: var(--aq-color-surface);
        }
        td,
        tbody tr:last-child > td {
          padding: 0;
          border: none;
        }
        .num {
          grid-area: num;
          align-self: center;
        }
        .zone {
          grid-area: zone;
          align-self: center;
        }
        .label {
          grid-area: label;
        }
        .start {
          grid-area: start;
          white-space: normal;
          color: var(--aq-color-text-muted);
          font-size: var(--aq-text-sm);
        }
        .duration {
          grid-area: duration;
          text-align: end;
        }
        .duration .value {
          font-size: var(--aq-text-xl);
          font-weight: 700;
          line-height: var(--aq-leading-tight);
        }
        .side {
          grid-area: side;
          font-weight: 700;
        }
        .round {
          grid-area: round;
          align-self: end;
          white-space: normal;
          color: var(--aq-color-text-muted);
          font-size: var(--aq-text-sm);
          text-align: end;
        }
        .cell-label {
          display: inline;
        }
        /* The row's border already shows the zone colour. */
        .swatch {
          display: none;
        }
        .zone .target {
          display: block;
        }
      }
    `,
  ];

  /** The plan whose intervals to list. */
  @property({ attribute: false }) plan: Plan | null = null;

  /** The heading above the table (a level-2 heading). */
  @property() heading = 'Timeline';

  override render() {
    const plan = this.plan;
    if (plan === null) return nothing;
    const zones = new Map(plan.zones.map((zone) => [zone.name, zone]));
    return html`
      <h2 id="timeline-heading">${this.heading}</h2>
      <table role="table" aria-labelledby="timeline-heading">
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">#</th>
            <th role="columnheader" scope="col">Start</th>
            <th role="columnheader" scope="col">Duration</th>
            <th role="columnheader" scope="col">Zone</th>
            <th role="columnheader" scope="col">Step</th>
            <th role="columnheader" scope="col">Side</th>
            <th role="columnheader" scope="col">Round</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${plan.intervals.map((interval) => this._row(interval, zones.get(interval.zone)))}
        </tbody>
      </table>
    `;
  }

  private _row(interval: Interval, zone: Zone | undefined) {
    const target = targetText(interval.target ?? zone?.target ?? null);
    const detail = amountDetail(interval);
    const role = roleText(interval.role);
    const side = sideText(interval.side);
    const round = roundText(interval.rounds);
    return html`<tr role="row" style=${cssProps({ '--swatch': zoneColor(zone) })}>
      <td role="cell" class="num">${interval.index + 1}</td>
      <td role="cell" class="start">${label('Start ')}<span class="value">${formatClock(interval.start)}</span></td>
      <td role="cell" class="duration">
        <span class="value">${amountText(interval)}</span>
        ${detail ? html`<span class="detail">${detail}</span>` : nothing}
      </td>
      <td role="cell" class="zone">
        <span class="swatch" aria-hidden="true"></span><span class="zone-name">${zoneName(zone, interval.zone)}</span>
        ${target ? html`<span class="target">${target}</span>` : nothing}
      </td>
      <td role="cell" class="label">${this._label(interval, zone, role)}</td>
      <td role="cell" class="side">${side}</td>
      <td role="cell" class="round">${round}</td>
    </tr>`;
  }

  /**
   * The step's own words. The compiler names an unnamed step after its zone
   * or role ("Hard", "Warm-up"); those are already on the row, so only a real
   * label, the role and the step's notes are shown.
   */
  private _label(interval: Interval, zone: Zone | undefined, role: string) {
    const text = interval.label === zoneName(zone, interval.zone) || interval.label === role ? '' : interval.label;
    return html`${text ? html`<span class="step-label">${text}</span>` : nothing}${
      role ? html`<span class="role">${role}</span>` : nothing
    }${interval.notes.map((note) => html`<span class="step-note">${note}</span>`)}`;
  }
}

/** A caption for a cell, shown only in the narrow layout (screen readers have the column header). */
function label(text: string) {
  return html`<span class="cell-label" aria-hidden="true">${text}</span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-timeline': AqTimeline;
  }
}
