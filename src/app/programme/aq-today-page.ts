import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { addDays, dayOf, dayWords, daysBetween, parseDay, startOfDay, type Day } from '../../programme/days';
import {
  calendar,
  doseText,
  dueOn,
  lastDay,
  missedBefore,
  pendingChoice,
  positionOn,
  type Due,
  type ProgrammeDef,
  type ProgrammeRecord,
} from '../../programme/programme';
import { saveFile } from '../../platform/download';
import type { Store } from '../../storage/db';
import { buttonStyles, fieldStyles, noticeStyles, primaryActionStyles, sharedStyles } from '../../styles/shared';
import type { LibraryEntry } from '../library/library-compile';
import { workoutHref } from '../shell/router';
import { startEvent } from '../shared/events';
import { curlyQuotes, splitSource } from '../shared/format';
import { mineEntry } from '../mine/mine-entry';
import { ProgrammeState } from './programme-state';
import './aq-programme-calendar';
import '../workout/aq-week-table';

const PAIN = Array.from({ length: 11 }, (_, i) => i);

/** Default reminder times for `n` sessions a day: spread over the waking day. */
function defaultTimes(n: number): string[] {
  const spread: Record<number, string[]> = { 1: ['18:00'], 2: ['08:00', '18:00'], 3: ['08:00', '13:00', '19:00'] };
  return spread[n] ?? Array.from({ length: n }, (_, i) => `${String(8 + Math.round((12 * i) / Math.max(1, n - 1))).padStart(2, '0')}:00`);
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Today: the programme being followed, day by day. Which week and day it is,
 * what is due today at this week's dose (each startable with one tap into the
 * timer, or checked off by hand with Undo), optional extras, what was missed
 * on earlier days, pain check-ins, the weeks (repeat or move on), the
 * calendar and the dose table, reminders as a calendar file, and pause, end
 * or start again. With no programme running it offers to start one.
 *
 * Everything it shows is recorded: a finished run checks itself off (it is
 * counted from History), and every change is saved at once.
 *
 * @fires aq-start - Start a session at today's dose (from the tap itself).
 */
@customElement('aq-today-page')
export class AqTodayPage extends LitElement {
  static override styles = [
    sharedStyles,
    buttonStyles,
    primaryActionStyles,
    noticeStyles,
    fieldStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--aq-space-6);
      }
      section {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--aq-space-3);
      }
      header {
        display: grid;
        gap: var(--aq-space-2);
      }
      .where {
        font-size: var(--aq-text-xl);
        font-weight: 800;
      }
      ul.items {
        display: grid;
        gap: var(--aq-space-3);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .item {
        display: grid;
        gap: var(--aq-space-2);
        padding: var(--aq-space-4);
        border: var(--aq-border-width) solid var(--aq-color-border);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
      }
      .item.done {
        border-color: var(--aq-color-text);
        border-width: 2px;
      }
      .status {
        font-weight: 700;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-3);
      }
      .actions > button {
        flex: 1 1 auto;
      }
      .item .primary-action {
        min-height: var(--aq-tap-min);
        font-size: var(--aq-text-lg);
        padding-inline: var(--aq-space-5);
      }
      .pain fieldset {
        min-width: 0;
        margin: 0;
        padding: var(--aq-space-3);
        border: 2px solid var(--aq-color-link);
        border-radius: var(--aq-radius-2);
        display: grid;
        gap: var(--aq-space-2);
      }
      .pain legend {
        font-weight: 700;
        padding-inline: var(--aq-space-1);
      }
      .scale {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(2.75rem, 1fr));
        gap: var(--aq-space-2);
      }
      .scale button {
        min-width: 0;
        padding: 0;
        font-variant-numeric: tabular-nums;
      }
      .ends {
        display: flex;
        justify-content: space-between;
        font-size: var(--aq-text-sm);
        color: var(--aq-color-text-muted);
      }
      .guidance {
        padding: var(--aq-space-3) var(--aq-space-4);
        border-inline-start: 4px solid var(--aq-color-link);
        background: var(--aq-color-surface);
        display: grid;
        gap: var(--aq-space-2);
      }
      .missed li {
        overflow-wrap: anywhere;
      }
      .toast span {
        flex: 1 1 12rem;
      }
      .times {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-3);
      }
      .check {
        display: flex;
        align-items: center;
        gap: var(--aq-space-3);
        min-height: var(--aq-tap-min);
      }
      .check input {
        width: 1.5rem;
        height: 1.5rem;
      }
      fieldset.bare {
        min-width: 0;
        margin: 0;
        padding: 0;
        border: 0;
      }
      .wide {
        flex-basis: 100%;
      }
      ul.plain {
        margin: 0;
        padding-inline-start: 1.25em;
      }
    `,
  ];

  @property({ attribute: false }) store: Store | null = null;
  @property({ attribute: false }) entries: readonly LibraryEntry[] = [];

  @state() private _state: ProgrammeState | null = null;
  @state() private _problem: string | null = null;
  /** The workout whose Start is waiting for a pain rating. */
  @state() private _asking: string | null = null;
  /** Just checked off by hand: Undo, and the pain after. */
  @state() private _undo: { markId: string; title: string; workoutId: string } | null = null;
  @state() private _confirm: 'end' | 'restart' | null = null;
  @state() private _startDay: Day = '';
  @state() private _times: Record<string, string[]> = {};
  @state() private _lastPain: number | null = null;

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if ((changed.has('store') || changed.has('entries')) && this.store && this.entries.length && !this._state) {
      const state = new ProgrammeState(this.store, this.entries);
      this._startDay = state.today();
      this._state = state;
      void this._reload();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back from a run (or another tab): count what was done since.
    if (this._state) void this._reload();
    document.addEventListener('visibilitychange', this._onVisible);
    this._atMidnight();
  }

  override disconnectedCallback(): void {
    document.removeEventListener('visibilitychange', this._onVisible);
    clearTimeout(this._midnight);
    super.disconnectedCallback();
  }

  private _midnight: ReturnType<typeof setTimeout> | undefined;

  /** Left open past midnight, Today turns to the new day by itself. */
  private _atMidnight(): void {
    clearTimeout(this._midnight);
    const now = Date.now();
    const next = startOfDay(addDays(dayOf(now), 1));
    this._midnight = setTimeout(
      () => {
        void this._reload();
        this._atMidnight();
      },
      Math.min(next - now + 1000, 2 ** 31 - 1),
    );
  }

  private readonly _onVisible = () => {
    if (document.visibilityState === 'visible') void this._reload();
  };

  private async _reload(): Promise<void> {
    const state = this._state;
    if (!state) return;
    try {
      // One's own workouts can join (or start) a programme too.
      const mine = await this.store!.listWorkouts();
      state.setEntries([...this.entries, ...mine.map(mineEntry)]);
      await state.load();
      this._problem = null;
    } catch (e) {
      this._problem = `Couldn't read the programme (${(e as Error).name ?? e}). Reload to try again.`;
    }
    this.requestUpdate();
  }

  /** Runs a change and saves it; a failure is said, and nothing is lost on screen. */
  private async _do(change: (state: ProgrammeState) => Promise<unknown>): Promise<void> {
    const state = this._state;
    if (!state) return;
    try {
      await change(state);
      this._problem = null;
    } catch (e) {
      this._problem = `Couldn't save that (${(e as Error).name ?? e}). Nothing was changed; try again.`;
    }
    this.requestUpdate();
  }

  override render() {
    const state = this._state;
    if (!state) return html`<h1 tabindex="-1">Today</h1><p>${this.store ? 'Opening…' : 'Opening storage…'}</p>`;
    const record = state.current;
    const def = record ? state.def(record.name) : undefined;
    return html`
      ${this._problem ? html`<p class="problem" role="alert">${this._problem}</p>` : nothing}
      ${record && def ? this._following(state, def, record) : this._startForm(state)}
    `;
  }

  // ---- no programme running ------------------------------------------------------

  private _startForm(state: ProgrammeState, restart = false) {
    const today = state.today();
    return html`<section aria-labelledby="start-heading">
      ${restart ? html`<h2 id="start-heading">Start again</h2>` : html`<h1 id="start-heading" tabindex="-1">Today</h1>`}
      ${restart ? nothing : html`<p>No programme is running. Start one to see each day's dose, check sessions off and follow your pain over the weeks.</p>`}
      ${state.defs.map(
        (def) => html`<div class="item">
          <h2>${def.name} programme</h2>
          <p>${this._defSummary(def)}</p>
          ${this._guidance(state, def)}
          <form class="actions" @submit=${(e: Event) => this._start(e, def.name)}>
            <label class="field"
              >Start date
              <input type="date" name="start" .value=${this._startDay || today} max=${addDays(today, 60)} required @change=${(e: Event) => (this._startDay = (e.target as HTMLInputElement).value)} />
            </label>
            <button class="primary-action" type="submit">${restart ? 'Start again from this date' : 'Start the programme'}</button>
          </form>
          <p class="muted">A past date starts you partway: someone already three weeks in picks the day they began.</p>
        </div>`,
      )}
    </section>`;
  }

  private _defSummary(def: ProgrammeDef): string {
    const counted = def.members.filter((m) => !m.optional).map((m) => `${m.title}${m.when ? ` (${m.when})` : ''}`);
    const extras = def.members.filter((m) => m.optional).length;
    return `${def.weeks} weeks: ${counted.join(' and ')}${extras ? `, with ${count(extras, 'optional extra')}` : ''}.`;
  }

  private async _start(e: Event, name: string): Promise<void> {
    e.preventDefault();
    const day = parseDay(this._startDay || this._state!.today());
    if (!day) {
      this._problem = 'Pick a start date.';
      return;
    }
    this._confirm = null;
    await this._do((s) => s.start(name, day));
    await this.updateComplete;
    this.focusHeading();
  }

  // ---- following a programme ------------------------------------------------------

  private _following(state: ProgrammeState, def: ProgrammeDef, record: ProgrammeRecord) {
    const today = state.today();
    const runs = state.runs();
    const position = positionOn(record, today);
    const dues = dueOn(def, record, today, runs);
    const counted = dues.filter((d) => !d.member.optional);
    const extras = dues.filter((d) => d.member.optional);
    const missed = missedBefore(def, record, today, runs);
    const pains = state.pains(record);
    const days = calendar(def, record, today, runs, pains);
    const last = lastDay(record);
    let where: string;
    if (position.kind === 'active') where = `Week ${position.week} of ${record.weeks}, day ${position.day}`;
    else if (position.kind === 'paused' || record.status === 'paused') where = 'Paused';
    else if (position.kind === 'before') where = `Starts ${dayWords(record.start, { weekday: 'long', day: 'numeric', month: 'long' })}`;
    else where = 'All weeks done';
    return html`
      <header>
        <h1 tabindex="-1">Today</h1>
        <p class="where">${where}</p>
        <p>${def.name} programme · ${dayWords(today, { weekday: 'long', day: 'numeric', month: 'long' })}${last && position.kind === 'active' ? html` · last day ${dayWords(last)}` : nothing}</p>
      </header>
      ${this._undo ? this._undoToast(record) : nothing}
      ${
        record.status === 'paused'
          ? html`<section aria-labelledby="paused-heading">
              <h2 id="paused-heading">Paused</h2>
              <p>Nothing is due while the programme is paused, and no day counts as missed. Resume where you left off.</p>
              <div class="actions"><button class="primary-action" @click=${() => void this._do((s) => s.resume())}>Resume the programme</button></div>
            </section>`
          : nothing
      }
      ${
        position.kind === 'finished'
          ? html`<section aria-labelledby="finished-heading">
              <h2 id="finished-heading">All ${record.weeks} weeks done</h2>
              <p>Every week of the programme is behind you. End it to keep it in History, or start again.</p>
            </section>`
          : nothing
      }
      ${position.kind === 'active' ? this._dueSection(state, record, counted, position.week, 'Due today', 'due-heading') : nothing}
      ${position.kind === 'active' && extras.length ? this._dueSection(state, record, extras, position.week, 'Optional extras', 'extras-heading') : nothing}
      ${this._guidance(state, def)}
      ${
        missed.length
          ? html`<section aria-labelledby="missed-heading" class="missed">
              <h2 id="missed-heading">Missed</h2>
              <p>Sessions not done on earlier days. They are not added to today's: each day has its own dose.</p>
              <ul class="plain">
                ${this._missedByDay(missed).map(([day, text]) => html`<li><strong>${dayWords(day)}</strong>: ${text}</li>`)}
              </ul>
            </section>`
          : nothing
      }
      ${this._painSection(state, record)}
      ${position.kind === 'active' || position.kind === 'finished' ? this._weeksSection(state, record, today) : nothing}
      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">Calendar</h2>
        <aq-programme-calendar .days=${days} .pain=${pains} .today=${today} .length=${record.weeks * 7}></aq-programme-calendar>
      </section>
      ${def.members
        .filter((m) => m.progresses && !m.optional && new Set(state.weekRows(m.workoutId).map((r) => r.summary)).size > 1)
        .map(
          (m) =>
            html`<aq-week-table
              .rows=${state.weekRows(m.workoutId)}
              .week=${position.kind === 'active' ? position.week : 0}
              heading=${`${m.title}: week by week`}
            ></aq-week-table>`,
        )}
      ${this._reminders(state, def)}
      ${this._manage(state, record)}
    `;
  }

  private _missedByDay(missed: ReturnType<typeof missedBefore>): [Day, string][] {
    const byDay = new Map<Day, string[]>();
    for (const m of missed) byDay.set(m.day, [...(byDay.get(m.day) ?? []), `${m.title} ${m.done} of ${m.target}`]);
    return [...byDay].reverse().map(([day, parts]) => [day, parts.join(', ')]);
  }

  private _dueSection(state: ProgrammeState, record: ProgrammeRecord, dues: readonly Due[], week: number, title: string, id: string) {
    return html`<section aria-labelledby=${id}>
      <h2 id=${id}>${title}</h2>
      <ul class="items">
        ${dues.map((due) => this._dueItem(state, record, due, week))}
      </ul>
    </section>`;
  }

  private _dueItem(state: ProgrammeState, record: ProgrammeRecord, due: Due, week: number) {
    const m = due.member;
    const plan = state.planAt(m.workoutId, week);
    const dose = plan ? doseText(plan) : null;
    const target = due.target;
    let status: string;
    if (due.weekly) status = `${due.done} of ${target} this week`;
    else if (target === 0 && m.schedule?.kind === 'days') status = `Not due today (${m.when})`;
    else if (target === 0) status = due.done ? `${due.done} done today` : 'Whenever you like';
    else if (due.upTo > target) status = `${due.done} done (at least ${target}, up to ${due.upTo})`;
    else status = `${Math.min(due.done, target)} of ${target} done`;
    const complete = target > 0 && due.done >= target;
    const headingId = `item-${m.workoutId}`;
    return html`<li class="item ${complete ? 'done' : ''}" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${m.title}${dose && m.progresses ? `: ${dose}` : ''}</h3>
      ${dose && !m.progresses ? html`<p>${dose}</p>` : nothing}
      <p class="status" id=${`${headingId}-status`}>${complete ? '✓ ' : ''}${status}</p>
      ${m.when && !due.weekly && target > 0 ? html`<p class="muted">${m.when}${m.progresses ? `, week ${week}'s dose` : ''}</p>` : nothing}
      ${
        this._asking === m.workoutId
          ? this._painAsk(`Pain before ${m.title}`, (pain) => this._startRun(state, m.workoutId, week, pain >= 0 ? pain : null), 'Start without rating')
          : html`<div class="actions">
              <button
                class=${complete || m.optional ? '' : 'primary-action'}
                aria-label=${`Start ${m.title}`}
                aria-describedby=${`${headingId}-status`}
                @click=${() => this._onStart(state, record, m.workoutId, week)}
              >
                Start
              </button>
              <button aria-label=${`Done without the timer: ${m.title}`} aria-describedby=${`${headingId}-status`} @click=${() => void this._markDone(m.workoutId, m.title)}>
                Done without the timer
              </button>
            </div>`
      }
      <a href=${workoutHref(m.workoutId)}>About ${m.title}</a>
    </li>`;
  }

  private _onStart(state: ProgrammeState, record: ProgrammeRecord, workoutId: string, week: number): void {
    if (record.askPain) this._asking = workoutId;
    else this._startRun(state, workoutId, week, null);
  }

  /** From the tap itself (audio unlocks inside the gesture); the rating is saved as it starts. */
  private _startRun(state: ProgrammeState, workoutId: string, week: number, pain: number | null): void {
    this._asking = null;
    const plan = state.planAt(workoutId, week);
    if (!plan) {
      this._problem = "This workout has errors and can't be started.";
      return;
    }
    if (pain !== null) void this._do((s) => s.checkIn(pain, 'before', workoutId));
    this.dispatchEvent(
      startEvent({ id: workoutId, plan, source: state.source(workoutId), choices: plan.chosen, week: plan.weeks === null ? null : plan.week }),
    );
  }

  private async _markDone(workoutId: string, title: string): Promise<void> {
    await this._do(async (s) => {
      const markId = await s.mark(workoutId);
      this._undo = { markId, title, workoutId };
    });
  }

  private _undoToast(record: ProgrammeRecord) {
    const undo = this._undo!;
    return html`<div class="toast">
      <span role="status">${undo.title} checked off.</span>
      <button
        @click=${() => {
          this._undo = null;
          void this._do((s) => s.unmark(undo.markId));
        }}
      >
        Undo
      </button>
      <button @click=${() => (this._undo = null)}>OK</button>
      ${
        record.askPain
          ? html`<div class="pain wide">
              ${this._painAsk(`Pain after ${undo.title}`, (pain) => {
                this._undo = null;
                void this._do((s) => s.checkIn(pain, 'after', undo.workoutId));
              })}
            </div>`
          : nothing
      }
    </div>`;
  }

  /** Eleven buttons, 0 to 10: one tap. */
  private _painAsk(legend: string, pick: (pain: number) => void, skip?: string) {
    return html`<div class="pain">
      <fieldset>
        <legend>${legend} (0 none, 10 worst)</legend>
        <div class="scale">
          ${PAIN.map((n) => html`<button type="button" aria-label=${`Pain ${n} of 10`} @click=${() => pick(n)}>${n}</button>`)}
        </div>
        <div class="ends" aria-hidden="true"><span>No pain</span><span>Worst</span></div>
        ${
          skip
            ? html`<div class="actions">
                <button type="button" @click=${() => pick(-1)}>${skip}</button>
                <button type="button" @click=${() => (this._asking = null)}>Cancel</button>
              </div>`
            : nothing
        }
      </fieldset>
    </div>`;
  }

  private _painSection(state: ProgrammeState, record: ProgrammeRecord) {
    const todays = state.pains(record).filter((p) => p.day === state.today());
    return html`<section aria-labelledby="pain-heading">
      <h2 id="pain-heading">Pain</h2>
      ${
        todays.length
          ? html`<p>Today: ${todays.map((p) => (p.moment === 'now' ? `${p.pain}` : `${p.pain} ${p.moment} a session`)).join(', ')}.</p>`
          : html`<p>Nothing rated today.</p>`
      }
      ${this._painAsk('How is the pain right now?', (pain) => {
        this._lastPain = pain;
        void this._do((s) => s.checkIn(pain, 'now', null));
      })}
      ${this._lastPain !== null && this._lastPain > 0 ? html`<p role="status">Rated ${this._lastPain}. ${this._stopIfItHurts(state, record)}</p>` : nothing}
      <label class="check">
        <input type="checkbox" .checked=${record.askPain} @change=${(e: Event) => void this._do((s) => s.setAskPain((e.target as HTMLInputElement).checked))} />
        Ask for pain before and after each session
      </label>
    </section>`;
  }

  /** The programme's own words about pain, from its workouts' notes. */
  private _stopIfItHurts(state: ProgrammeState, record: ProgrammeRecord): string {
    const def = state.def(record.name);
    const line = def?.members.flatMap((m) => state.notes(m.workoutId)).find((n) => /stop if it hurts/i.test(n));
    const sentence = line ? /[^.]*stop if it hurts[^.]*\./i.exec(line)?.[0]?.trim() : null;
    return sentence ? `The programme's guidance: ${sentence}` : '';
  }

  /** The counted workouts' notes with their sources: the programme's guidance, as its source gives it. */
  private _guidance(state: ProgrammeState, def: ProgrammeDef) {
    const parts = def.members.filter((m) => !m.optional).map((m) => splitSource(state.notes(m.workoutId)));
    const rest = [...new Set(parts.flatMap((p) => p.notes))];
    const sources = [...new Set(parts.flatMap((p) => (p.source ? [p.source] : [])))];
    if (!rest.length && !sources.length) return nothing;
    return html`<aside class="guidance" aria-label="Guidance from the source">
      ${rest.map((n) => html`<p>${curlyQuotes(n)}</p>`)}
      ${sources.map((source) => html`<p class="source">${curlyQuotes(source)}</p>`)}
      <p class="muted">Aquajog shows the source's guidance; it does not diagnose or set your dose. Ask a physio about your own case.</p>
    </aside>`;
  }

  private _weeksSection(state: ProgrammeState, record: ProgrammeRecord, today: Day) {
    const p = positionOn(record, today);
    const pending = pendingChoice(record, today);
    const week = p.kind === 'active' ? p.week : record.weeks;
    const weekEnds = p.kind === 'active' ? addDays(today, 6 - p.offset) : null;
    return html`<section aria-labelledby="weeks-heading">
      <h2 id="weeks-heading">Your weeks</h2>
      ${
        pending
          ? html`<p role="status">
              ${
                daysBetween(today, pending.from) > 0
                  ? `From ${dayWords(pending.from)}: week ${pending.week}${pending.week === week ? ' again' : ''}.`
                  : `Moved on to week ${pending.week} today.`
              }
              <button @click=${() => void this._do((s) => s.undoChoice())}>Undo this choice</button>
            </p>`
          : p.kind === 'active'
            ? html`<p>Week ${week} runs until ${dayWords(weekEnds!)}${week < record.weeks ? `, then week ${week + 1}` : ', the last week'}.</p>`
            : nothing
      }
      <div class="actions">
        ${p.kind === 'active' ? html`<button @click=${() => void this._do((s) => s.repeatWeek())}>Repeat week ${week} next week</button>` : nothing}
        ${p.kind === 'active' && week < record.weeks ? html`<button @click=${() => void this._do((s) => s.moveOn())}>Move on to week ${week + 1} today</button>` : nothing}
      </div>
      <p class="muted">The dose follows the week you choose. How fast to progress is for you and your physio to decide.</p>
    </section>`;
  }

  private _reminders(state: ProgrammeState, def: ProgrammeDef) {
    const members = def.members.filter((m) => !m.optional && m.schedule);
    return html`<section aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Reminders</h2>
      <p>Add the sessions to your phone's calendar, and it reminds you at these times, even offline.</p>
      ${members.map((m) => {
        const n = m.schedule?.kind === 'daily' ? m.schedule.min : 1;
        const times = this._times[m.workoutId] ?? defaultTimes(n);
        return html`<fieldset class="bare">
          <legend><strong>${m.title}</strong> (${m.when})</legend>
          <div class="times">
            ${times.map(
              (t, i) =>
                html`<label class="field"
                  >${n > 1 ? `Session ${i + 1}` : 'Time'}
                  <input
                    type="time"
                    .value=${t}
                    @change=${(e: Event) => {
                      const next = [...times];
                      next[i] = (e.target as HTMLInputElement).value;
                      this._times = { ...this._times, [m.workoutId]: next };
                    }}
                /></label>`,
            )}
          </div>
        </fieldset>`;
      })}
      <div class="actions"><button @click=${() => this._downloadIcs(state, def)}>Add to calendar (.ics file)</button></div>
    </section>`;
  }

  private _downloadIcs(state: ProgrammeState, def: ProgrammeDef): void {
    const times: Record<string, string[]> = {};
    for (const m of def.members)
      if (!m.optional && m.schedule)
        times[m.workoutId] = (this._times[m.workoutId] ?? defaultTimes(m.schedule.kind === 'daily' ? m.schedule.min : 1)).filter(Boolean);
    const text = state.ics(times);
    if (!text) return;
    saveFile(new Blob([text], { type: 'text/calendar' }), `${def.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-programme.ics`);
  }

  private _manage(state: ProgrammeState, record: ProgrammeRecord) {
    return html`<section aria-labelledby="manage-heading">
      <h2 id="manage-heading">The programme</h2>
      <p>Started ${dayWords(record.start, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}.</p>
      <div class="actions">
        ${record.status === 'active' ? html`<button @click=${() => void this._do((s) => s.pause())}>Pause</button>` : nothing}
        <button @click=${() => (this._confirm = 'restart')}>Start again…</button>
        <button class="danger" @click=${() => (this._confirm = 'end')}>End the programme…</button>
      </div>
      ${
        this._confirm === 'end'
          ? html`<div class="guidance" role="group" aria-labelledby="end-q">
              <p id="end-q"><strong>End the ${record.name} programme?</strong> Its check-offs and pain ratings stay in History.</p>
              <div class="actions">
                <button
                  class="danger"
                  @click=${() => {
                    this._confirm = null;
                    void this._do((s) => s.end());
                  }}
                >
                  End it
                </button>
                <button @click=${() => (this._confirm = null)}>Keep going</button>
              </div>
            </div>`
          : nothing
      }
      ${this._confirm === 'restart' ? this._startForm(state, true) : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-today-page': AqTodayPage;
  }
}
