import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PainPoint } from '../../storage/db';
import { chartStyles, disclosureStyles, sharedStyles, tableStyles } from '../../styles/shared';
import { dayAndMonth, dayText, sessionDateText } from './history-format';
import { WidthController } from './width-controller';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const AXIS = 30;
const TOP = 12;
const PLOT = 150;
const LABEL_ROW = 46;
/**
 * Least distance between the centres of two month names: a three-letter month
 * at --aq-text-sm (16 px) is about 30 px wide, and they need a gap to read as two.
 */
const MONTH_SPACING = 42;
/** Beyond this many ratings the spoken summary gives the range, and the table the detail. */
const SPOKEN_LIMIT = 12;

/** A session's date and its time ("Wed, Nov 18" and "9:12 AM", which sessionDateText joins with ", "), so each can be kept on one line. */
function whenParts(at: number): [date: string, time: string] {
  const text = sessionDateText(at);
  const cut = text.lastIndexOf(', ');
  return cut === -1 ? [text, ''] : [text.slice(0, cut), text.slice(cut + 2)];
}

/**
 * Pain ratings (0 to 10) over a period as points joined by a line, drawn in
 * SVG, with a summary for screen readers and the ratings in a table. It shows
 * what was recorded and nothing more: no trend lines, no judgements.
 *
 * @cssprop --aq-color-link - Colour of the line and points.
 * @cssprop --aq-color-border - Grid lines.
 */
@customElement('aq-pain-chart')
export class AqPainChart extends LitElement {
  static override styles = [
    sharedStyles,
    disclosureStyles,
    // Until the first measurement the SVG is drawn at a guessed width and scaled down (chartStyles'
    // max-width); its height stays, so the redraw at the measured width doesn't resize the host again.
    chartStyles,
    tableStyles,
    css`
      :host {
        gap: var(--aq-space-2);
      }
      .line {
        fill: none;
        stroke: var(--aq-color-link);
        stroke-width: 2;
        stroke-linejoin: round;
      }
      .point {
        fill: var(--aq-color-link);
        stroke: var(--aq-color-surface);
        stroke-width: 2;
      }
      .empty {
        color: var(--aq-color-text-muted);
      }
      /* Three columns that fit a 320 px phone: the date and the time each kept whole, titles wrapped anywhere. */
      table {
        font-size: var(--aq-text-sm);
      }
      th,
      td {
        padding: var(--aq-space-1) var(--aq-space-2);
      }
      .nowrap {
        white-space: nowrap;
      }
      td.workout {
        overflow-wrap: anywhere;
      }
      td.pain {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** The ratings to show, oldest first. */
  @property({ attribute: false }) points: readonly PainPoint[] = [];

  /** Start of the period shown (epoch ms, a Monday 00:00 for week ticks). */
  @property({ type: Number }) from = 0;

  /** End of the period shown (epoch ms). */
  @property({ type: Number }) to = 0;

  private readonly _size = new WidthController(this, 358);

  override render() {
    const points = this.points;
    if (points.length === 0) return html`<p class="empty">No pain ratings yet</p>`;
    return html`
      ${this._chart()}
      <details>
        <summary>Pain ratings as a table</summary>
        <table>
          <caption class="visually-hidden">Pain ratings, 0 to 10</caption>
          <thead>
            <tr><th scope="col">When</th><th scope="col">Workout</th><th scope="col">Pain</th></tr>
          </thead>
          <tbody>
            ${[...points].reverse().map((p) => {
              const [date, time] = whenParts(p.at);
              return html`<tr>
                  <td><span class="nowrap">${date}</span>${time ? html`, <span class="nowrap">${time}</span>` : nothing}</td>
                  <td class="workout">${p.title}</td>
                  <td class="pain">${p.pain}</td>
                </tr>`;
            })}
          </tbody>
        </table>
      </details>
    `;
  }

  private _chart() {
    const points = [...this.points].sort((a, b) => a.at - b.at);
    const width = this._size.width;
    const height = TOP + PLOT + LABEL_ROW;
    const from = Math.min(this.from || points[0]!.at, points[0]!.at);
    const to = Math.max(this.to || points.at(-1)!.at, points.at(-1)!.at);
    const span = Math.max(1, to - from);
    const inner = width - AXIS - 12;
    const x = (t: number) => AXIS + 6 + ((t - from) / span) * inner;
    const y = (pain: number) => TOP + PLOT - (pain / 10) * PLOT;
    const ticks: number[] = [];
    for (let t = from; t <= to; t += WEEK_MS) ticks.push(t);
    // A month is named under its first week, or the first after it with room to read it apart from the last name.
    let lastMonth = '';
    let lastMonthX = -Infinity;
    return html`<svg role="img" aria-label=${this._summary(points)} width=${width} height=${height} viewBox="0 0 ${width} ${height}">
      ${[0, 5, 10].map(
        (v) => svg`<line class="grid" x1=${AXIS} x2=${width} y1=${y(v) + 0.5} y2=${y(v) + 0.5}></line>
          <text x=${AXIS - 8} y=${y(v) + 5} text-anchor="end">${v}</text>`,
      )}
      ${ticks.map((t) => {
        const { day, month } = dayAndMonth(t);
        const showMonth = month !== lastMonth && x(t) - lastMonthX >= MONTH_SPACING;
        if (showMonth) {
          lastMonth = month;
          lastMonthX = x(t);
        }
        return svg`<text x=${x(t)} y=${TOP + PLOT + 20} text-anchor="middle">${day}</text>
          ${showMonth ? svg`<text x=${x(t)} y=${TOP + PLOT + 40} text-anchor="middle">${month}</text>` : nothing}`;
      })}
      ${
        points.length > 1
          ? svg`<polyline class="line" points=${points.map((p) => `${x(p.at).toFixed(1)},${y(p.pain).toFixed(1)}`).join(' ')}></polyline>`
          : nothing
      }
      ${points.map((p) => svg`<circle class="point" data-pain=${p.pain} cx=${x(p.at)} cy=${y(p.pain)} r="6"></circle>`)}
    </svg>`;
  }

  /** What the chart shows, in words: every rating, or the range when there are many. */
  private _summary(points: readonly PainPoint[]): string {
    const intro = `Pain ratings from 0 (no pain) to 10 (worst pain), ${points.length} rating${points.length === 1 ? '' : 's'}`;
    const rating = (p: PainPoint) => `${p.pain} on ${dayText(p.at)}`;
    if (points.length <= SPOKEN_LIMIT) return `${intro}: ${points.map(rating).join(', ')}.`;
    const values = points.map((p) => p.pain);
    return `${intro}. First ${rating(points[0]!)}, latest ${rating(points.at(-1)!)}; lowest ${Math.min(...values)}, highest ${Math.max(...values)}. Every rating is in the table below.`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-pain-chart': AqPainChart;
  }
}
