import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { addDays, dayWords, daysBetween, type Day } from '../../programme/days';
import type { CalendarDay } from '../../programme/programme';
import { chartStyles, disclosureStyles, sharedStyles, tableStyles } from '../../styles/shared';
import type { PainRating } from './programme-state';

const W = 320;
const H = 150;
const TOP = 10;
const BOTTOM = 24;
const LEFT = 26;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function cellWords(d: CalendarDay, pain: readonly PainRating[], future: boolean): string {
  const parts = [dayWords(d.day, { weekday: 'long', day: 'numeric', month: 'long' })];
  const p = d.position.kind;
  if (p === 'paused') parts.push('paused');
  else if (p === 'active' && future) parts.push(`${d.due} due`);
  else if (p === 'active') parts.push(`${d.done} of ${d.due} done${d.missed ? ', missed' : ''}`);
  else if (d.done > 0) parts.push(`${d.done} done`);
  if (pain.length) parts.push(`pain ${pain.map((r) => r.pain).join(', ')}`);
  return parts.join(', ');
}

/**
 * A programme's days as a calendar (one row per seven days from its start:
 * sessions done of those due, missed days, pain), and pain over time with the
 * sessions done each day, drawn and as a table. It shows what was recorded:
 * no trend lines, no verdicts.
 *
 * @cssprop --aq-color-highlight - Today's cell.
 * @cssprop --aq-color-link - Pain line and points.
 */
@customElement('aq-programme-calendar')
export class AqProgrammeCalendar extends LitElement {
  static override styles = [
    sharedStyles,
    disclosureStyles,
    chartStyles,
    tableStyles,
    css`
      :host {
        gap: var(--aq-space-4);
      }
      table {
        width: 100%;
        table-layout: fixed;
        background: var(--aq-color-surface);
        font-variant-numeric: tabular-nums;
      }
      caption {
        text-align: start;
        font-size: var(--aq-text-sm);
        color: var(--aq-color-text-muted);
        padding-block-end: var(--aq-space-2);
      }
      /* The calendar: a grid of days, every cell boxed and centred. */
      .days th,
      .days td {
        padding: var(--aq-space-1);
        border: var(--aq-border-width) solid var(--aq-color-border);
        text-align: center;
        font-size: var(--aq-text-sm);
        line-height: 1.2;
        overflow-wrap: anywhere;
      }
      td .date {
        display: block;
        font-weight: 800;
      }
      td.today {
        background: var(--aq-color-highlight);
        outline: 3px solid var(--aq-color-text);
        outline-offset: -3px;
      }
      td.missed .count {
        color: var(--aq-color-error);
        font-weight: 800;
      }
      td.out {
        color: var(--aq-color-text-muted);
      }
      .legend {
        font-size: var(--aq-text-sm);
        color: var(--aq-color-text-muted);
      }
      /* Drawn in a viewBox and scaled to the column, so its labels are set in viewBox units. */
      svg {
        width: 100%;
        height: auto;
        max-height: 14rem;
      }
      svg text {
        font-size: 11px;
      }
      .bar {
        fill: var(--aq-color-surface-alt);
        stroke: var(--aq-color-text-muted);
        stroke-width: 1;
      }
      .line {
        fill: none;
        stroke: var(--aq-color-link);
        stroke-width: 2;
      }
      .point {
        fill: var(--aq-color-link);
      }
      figure {
        margin: 0;
      }
      .table-wrap {
        overflow-x: auto;
      }
      .data {
        font-size: var(--aq-text-sm);
      }
    `,
  ];

  /** Every day from the start, from `calendar()`. */
  @property({ attribute: false }) days: readonly CalendarDay[] = [];
  /** Pain ratings, before and after sessions. */
  @property({ attribute: false }) pain: readonly PainRating[] = [];
  @property() today: Day = '';
  /** How many days the calendar shows (the programme's length at least). */
  @property({ type: Number }) length = 42;

  private _painOn(day: Day): PainRating[] {
    return this.pain.filter((p) => p.day === day);
  }

  override render() {
    if (this.days.length === 0) return nothing;
    const start = this.days[0]!.day;
    const count = Math.max(this.length, Math.ceil(this.days.length / 7) * 7);
    const rows = Array.from({ length: Math.ceil(count / 7) }, (_, r) => Array.from({ length: 7 }, (_, c) => addDays(start, r * 7 + c)));
    const byDay = new Map(this.days.map((d) => [d.day, d]));
    return html`
      <table class="days">
        <caption>
          Sessions done of those due each day; ✕ marks a missed day, P the highest pain rated.
        </caption>
        <thead>
          <tr>
            ${rows[0]!.map((d) => html`<th scope="col"><abbr title=${dayWords(d, { weekday: 'long' })}>${dayWords(d, { weekday: 'narrow' })}</abbr></th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr>
              ${row.map((day) => {
                const d = byDay.get(day);
                const pain = this._painOn(day);
                const isToday = day === this.today;
                if (!d) return html`<td class="out"><span class="date">${Number(day.slice(8))}</span></td>`;
                const active = d.position.kind === 'active';
                const future = daysBetween(this.today, day) > 0;
                return html`<td class=${[isToday ? 'today' : '', d.missed ? 'missed' : '', active && !future ? '' : 'out'].join(' ')} aria-current=${isToday ? 'date' : nothing}>
                  <span class="visually-hidden">${cellWords(d, pain, future)}</span>
                  <span aria-hidden="true">
                    <span class="date">${Number(day.slice(8))}</span>
                    ${d.position.kind === 'paused' ? html`<span>‖</span>` : active && !future ? html`<span class="count">${d.done}/${d.due}${d.missed ? ' ✕' : ''}</span>` : nothing}
                    ${pain.length ? html`<span class="pain">P${Math.max(...pain.map((p) => p.pain))}</span>` : nothing}
                  </span>
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
      ${this._trend()}
    `;
  }

  /** Pain (line, left axis 0-10) over the sessions done each day (bars), from the start to today. */
  private _trend() {
    const days = this.days.filter((d) => daysBetween(d.day, this.today) >= 0);
    if (days.length === 0) return nothing;
    const rated = days.filter((d) => this._painOn(d.day).length > 0);
    const n = days.length;
    const step = Math.min(24, (W - LEFT - 4) / n);
    const x = (i: number) => LEFT + step * i + step / 2;
    const plotH = H - TOP - BOTTOM;
    const y = (pain: number) => TOP + plotH * (1 - pain / 10);
    const maxDone = Math.max(1, ...days.map((d) => d.done));
    const barH = (done: number) => (plotH * done) / Math.max(maxDone, 4);
    const points = days.flatMap((d, i) => {
      const pain = this._painOn(d.day);
      return pain.length ? [{ x: x(i), y: y(Math.max(...pain.map((p) => p.pain))) }] : [];
    });
    const summary = rated.length
      ? `Pain rated on ${rated.length} of ${n} days, from ${Math.min(...this.pain.map((p) => p.pain))} to ${Math.max(...this.pain.map((p) => p.pain))} out of 10; ${days.reduce((s, d) => s + d.done, 0)} ${plural(
          days.reduce((s, d) => s + d.done, 0),
          'session',
        )} done.`
      : `No pain rated yet; ${plural(
          days.reduce((s, d) => s + d.done, 0),
          'session',
        )} done.`;
    return html`
      <figure>
        <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${`Pain and sessions per day. ${summary}`}>
          ${[0, 5, 10].map((v) => svg`<line class="grid" x1=${LEFT} x2=${W} y1=${y(v)} y2=${y(v)}></line><text x=${LEFT - 6} y=${y(v) + 4} text-anchor="end">${v}</text>`)}
          ${days.map((d, i) => (d.done > 0 ? svg`<rect class="bar" x=${x(i) - step * 0.35} width=${step * 0.7} y=${TOP + plotH - barH(d.done)} height=${barH(d.done)}></rect>` : nothing))}
          ${points.length > 1 ? svg`<polyline class="line" points=${points.map((p) => `${p.x},${p.y}`).join(' ')}></polyline>` : nothing}
          ${points.map((p) => svg`<circle class="point" cx=${p.x} cy=${p.y} r="3.5"></circle>`)}
          <text x=${LEFT} y=${H - 6}>${dayWords(days[0]!.day, { day: 'numeric', month: 'short' })}</text>
          ${n > 3 ? svg`<text x=${LEFT + step * n} y=${H - 6} text-anchor="end">${dayWords(days[n - 1]!.day, { day: 'numeric', month: 'short' })}</text>` : nothing}
        </svg>
        <figcaption class="legend">Line: highest pain rated each day (0-10). Bars: sessions done. ${summary}</figcaption>
      </figure>
      <details>
        <summary>Pain and sessions as a table</summary>
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Done</th>
                <th scope="col">Pain (0-10)</th>
              </tr>
            </thead>
            <tbody>
              ${[...days].reverse().map((d) => {
                const pain = this._painOn(d.day);
                return html`<tr>
                  <th scope="row">${dayWords(d.day)}</th>
                  <td>${d.position.kind === 'active' ? `${d.done} of ${d.due}` : d.position.kind === 'paused' ? `${d.done} (paused)` : d.done}</td>
                  <td>${pain.length ? pain.map((p) => (p.moment === 'now' ? `${p.pain}` : `${p.pain} ${p.moment}`)).join(', ') : '–'}</td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
      </details>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-programme-calendar': AqProgrammeCalendar;
  }
}
