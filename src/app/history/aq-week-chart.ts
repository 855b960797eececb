import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { WeekTotals } from '../../storage/db';
import { chartStyles, disclosureStyles, sharedStyles, tableStyles } from '../../styles/shared';
import { cssProps } from '../shared/css-props';
import { compareZones, dayAndMonth, dayText, minutesText, zoneColorOf, zoneLabelOf } from './history-format';
import { WidthController } from './width-controller';

/** Heights of the chart's rows, in CSS pixels. */
const VALUE_ROW = 28;
const PLOT = 120;
const LABEL_ROW = 46;
const REHAB_ROW = 76;

/**
 * Weekly totals as two small bar charts drawn in SVG: pool minutes per week
 * with the rehab sessions of each week under it, and minutes per zone as
 * stacked bars with a text legend. Each chart is an image with a summary for
 * screen readers, and the numbers are also in a table.
 *
 * @cssprop --aq-zone-* - Zone colours of the stacked bars and the legend.
 * @cssprop --aq-color-link - Colour of the pool-minutes bars.
 * @cssprop --aq-color-highlight - Background of the rehab counts.
 */
@customElement('aq-week-chart')
export class AqWeekChart extends LitElement {
  static override styles = [
    sharedStyles,
    disclosureStyles,
    // The charts measure the column's width and draw to it (its SVG scaled down until then); the table scrolls in its own region.
    chartStyles,
    tableStyles,
    css`
      :host {
        gap: var(--aq-space-5);
      }
      figure {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--aq-space-2);
        margin: 0;
      }
      figcaption {
        font-weight: 800;
      }
      text {
        fill: currentColor;
      }
      .muted-text {
        fill: var(--aq-color-text-muted);
      }
      .now {
        font-weight: 800;
      }
      .axis {
        stroke: var(--aq-color-border);
        stroke-width: 1;
      }
      .pool {
        fill: var(--aq-color-link);
      }
      .segment {
        stroke: var(--aq-color-surface);
        stroke-width: 1;
      }
      .count {
        fill: var(--aq-color-highlight);
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-1) var(--aq-space-4);
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: var(--aq-text-sm);
      }
      /*
       * A column per zone doesn't fit a phone, so the table scrolls sideways in
       * its own region (labelled and focusable, so a keyboard can scroll it),
       * with the weeks held at the start and headings wrapped to keep columns
       * narrow. A shadow at the end edge says there is more; a cover that
       * scrolls with the table hides it once the last column is in view.
       */
      .scroll {
        overflow-x: auto;
        background:
          linear-gradient(to left, var(--aq-color-bg) 50%, transparent) right / 1.5rem 100% no-repeat local,
          radial-gradient(farthest-side at 100% 50%, var(--aq-color-border), transparent) right / 0.75rem 100% no-repeat scroll;
      }
      table {
        /* Separate borders, so the sticky week column keeps its own as the rest scrolls under it. */
        border-collapse: separate;
        border-spacing: 0;
        font-variant-numeric: tabular-nums;
        font-size: var(--aq-text-sm);
      }
      th,
      td {
        padding: var(--aq-space-1) var(--aq-space-3);
        text-align: end;
        vertical-align: middle;
        white-space: nowrap;
      }
      th:first-child {
        position: sticky;
        inset-inline-start: 0;
        background: var(--aq-color-bg);
        text-align: start;
      }
      thead th {
        font-size: inherit;
        white-space: normal;
        vertical-align: bottom;
      }
    `,
  ];

  /** One entry per week, oldest first; the last is the current week. */
  @property({ attribute: false }) weeks: readonly WeekTotals[] = [];

  private readonly _size = new WidthController(this, 358);

  override render() {
    const weeks = this.weeks;
    if (weeks.length === 0) return nothing;
    const zones = [...new Set(weeks.flatMap((w) => Object.keys(w.zoneSeconds)))].sort(compareZones);
    const zoneTotals = zones.map((zone) => ({ zone, seconds: weeks.reduce((sum, w) => sum + (w.zoneSeconds[zone] ?? 0), 0) }));
    return html`
      <figure>
        <figcaption id="pool-caption">Pool minutes and rehab sessions per week</figcaption>
        ${this._poolChart()}
      </figure>
      <figure>
        <figcaption id="zone-caption">Minutes in each zone per week</figcaption>
        ${zones.length === 0 ? html`<p class="muted">No time in any zone in these weeks.</p>` : this._zoneChart(zones)}
        ${
          zones.length === 0
            ? nothing
            : html`<ul class="legend" aria-label="Zones">
              ${zoneTotals.map(
                ({ zone, seconds }) => html`<li>
                  <span class="swatch" style=${cssProps({ '--swatch': zoneColorOf(zone) })}></span>${zoneLabelOf(zone)}
                  <span class="muted tabular">${minutesText(seconds / 60)} min</span>
                </li>`,
              )}
            </ul>`
        }
      </figure>
      <details>
        <summary>Weekly totals as a table</summary>
        <div class="scroll" role="region" aria-label="Weekly totals table" tabindex="0">
          <table>
            <caption class="visually-hidden">Weekly totals, minutes</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col">Pool min</th>
                <th scope="col">Pool sessions</th>
                <th scope="col">Rehab sessions</th>
                ${zones.map((zone) => html`<th scope="col">${zoneLabelOf(zone)} min</th>`)}
              </tr>
            </thead>
            <tbody>
              ${[...weeks].reverse().map(
                (w, i) => html`<tr>
                  <th scope="row">${i === 0 ? 'This week' : dayText(w.weekStart)}</th>
                  <td>${minutesText(w.poolMinutes)}</td>
                  <td>${w.poolSessions}</td>
                  <td>${w.rehabSessions}</td>
                  ${zones.map((zone) => html`<td>${minutesText((w.zoneSeconds[zone] ?? 0) / 60)}</td>`)}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>
    `;
  }

  /** Where each week's column sits: its centre and the width of its bar. */
  private _columns(): { slot: number; bar: number; centre: (i: number) => number } {
    const slot = this._size.width / this.weeks.length;
    return { slot, bar: Math.max(4, Math.min(40, slot * 0.6)), centre: (i) => slot * i + slot / 2 };
  }

  private _poolChart() {
    const weeks = this.weeks;
    const width = this._size.width;
    const { bar, centre } = this._columns();
    const max = Math.max(1, ...weeks.map((w) => w.poolMinutes));
    const base = VALUE_ROW + PLOT;
    const height = base + LABEL_ROW + REHAB_ROW;
    const label = `Pool minutes per week, from the week of ${dayText(weeks[0]!.weekStart)} to this week: ${weeks
      .map((w) => minutesText(w.poolMinutes))
      .join(', ')}. Rehab sessions per week: ${weeks.map((w) => w.rehabSessions).join(', ')}.`;
    return html`<svg role="img" aria-label=${label} width=${width} height=${height} viewBox="0 0 ${width} ${height}">
      ${weeks.map((w, i) => {
        const h = w.poolMinutes > 0 ? Math.max(2, (w.poolMinutes / max) * PLOT) : 0;
        const x = centre(i);
        return svg`<g data-week=${w.weekStart}>
          <rect class="pool" data-bar="pool" x=${x - bar / 2} y=${base - h} width=${bar} height=${h} rx="2"></rect>
          <text class=${w.poolMinutes > 0 ? '' : 'muted-text'} x=${x} y=${base - h - 8} text-anchor="middle">${minutesText(w.poolMinutes)}</text>
          ${w.rehabSessions > 0 ? svg`<circle class="count" cx=${x} cy=${base + LABEL_ROW + 52} r="14"></circle>` : nothing}
          <text class=${w.rehabSessions > 0 ? '' : 'muted-text'} data-rehab=${w.rehabSessions} x=${x} y=${base + LABEL_ROW + 58} text-anchor="middle">${w.rehabSessions}</text>
        </g>`;
      })}
      <line class="axis" x1="0" x2=${width} y1=${base + 0.5} y2=${base + 0.5}></line>
      ${this._weekLabels(base)}
      <text class="muted-text" x="0" y=${base + LABEL_ROW + 22}>Rehab sessions</text>
    </svg>`;
  }

  private _zoneChart(zones: readonly string[]) {
    const weeks = this.weeks;
    const width = this._size.width;
    const { bar, centre } = this._columns();
    const minutes = weeks.map((w) => zones.reduce((sum, z) => sum + (w.zoneSeconds[z] ?? 0), 0) / 60);
    const max = Math.max(1, ...minutes);
    const base = VALUE_ROW + PLOT;
    const height = base + LABEL_ROW;
    const totals = zones.map((zone) => `${zoneLabelOf(zone)} ${minutesText(weeks.reduce((sum, w) => sum + (w.zoneSeconds[zone] ?? 0), 0) / 60)}`).join(', ');
    const label = `Minutes in each zone per week, from the week of ${dayText(weeks[0]!.weekStart)} to this week: ${minutes
      .map(minutesText)
      .join(', ')} in all. Minutes per zone over these weeks: ${totals}.`;
    return html`<svg role="img" aria-label=${label} width=${width} height=${height} viewBox="0 0 ${width} ${height}">
      ${weeks.map((w, i) => {
        const x = centre(i) - bar / 2;
        let top = base;
        const segments = zones.map((zone) => {
          const seconds = w.zoneSeconds[zone] ?? 0;
          if (seconds <= 0) return nothing;
          const h = (seconds / 60 / max) * PLOT;
          top -= h;
          return svg`<rect class="segment" data-zone=${zone} x=${x} y=${top} width=${bar} height=${h}
            style=${cssProps({ fill: zoneColorOf(zone) })}></rect>`;
        });
        return svg`<g data-week=${w.weekStart}>
          ${segments}
          <text class=${minutes[i]! > 0 ? '' : 'muted-text'} x=${centre(i)} y=${top - 8} text-anchor="middle">${minutesText(minutes[i]!)}</text>
        </g>`;
      })}
      <line class="axis" x1="0" x2=${width} y1=${base + 0.5} y2=${base + 0.5}></line>
      ${this._weekLabels(base)}
    </svg>`;
  }

  /** Two lines under each column: the day the week starts, and the month where it changes. */
  private _weekLabels(base: number) {
    const { centre } = this._columns();
    let lastMonth = '';
    return this.weeks.map((w, i) => {
      const { day, month } = dayAndMonth(w.weekStart);
      const showMonth = month !== lastMonth;
      lastMonth = month;
      const now = i === this.weeks.length - 1;
      return svg`<text class=${now ? 'now' : 'muted-text'} x=${centre(i)} y=${base + 20} text-anchor="middle">${day}</text>
        ${showMonth ? svg`<text class="muted-text" x=${centre(i)} y=${base + 40} text-anchor="middle">${month}</text>` : nothing}`;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-week-chart': AqWeekChart;
  }
}
