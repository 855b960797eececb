import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { compileOptions, estimateNote, summarise, weekTable } from '../../dsl';
import type { CompileResult, Plan, WeekRow } from '../../dsl';
import { factListStyles, primaryActionStyles, sharedStyles, backLinkStyles } from '../../styles/shared';
import { startEvent, type ChoiceChangeEvent, type WeekChangeEvent } from '../shared/events';
import { curlyQuotes, isClock, splitSource } from '../shared/format';
import { compileSafely, planOf, type LibraryEntry } from '../library/library';
import { hrefFor, RouteName } from '../shell/router';
import { loadChoices, loadProgrammeHint, saveChoices } from '../shared/settings';
import { dayOf } from '../../programme/days';
import { positionOn } from '../../programme/programme';
import './aq-diagnostics';
import './aq-plan-options';
import './aq-timeline';
import './aq-week-table';
import '../mine/aq-workout-actions';
import './aq-profile';

/**
 * One workout: title, notes and source, its total, the choices to make before
 * starting (rounds, week of the plan), the week-by-week table and the whole
 * timeline. Changing a choice recompiles the workout with it.
 *
 * @cssprop --aq-page-max - Widest the content grows.
 */
@customElement('aq-workout-page')
export class AqWorkoutPage extends LitElement {
  static override styles = [
    sharedStyles,
    factListStyles,
    backLinkStyles,
    primaryActionStyles,
    css`
      :host {
        display: grid;
        gap: var(--aq-space-5);
      }
      header {
        display: grid;
        gap: var(--aq-space-3);
      }
      .start {
        display: grid;
        gap: var(--aq-space-2);
      }
      dl {
        column-gap: var(--aq-space-6);
      }
      dd {
        font-size: var(--aq-text-lg);
      }
      dd.total {
        font-size: var(--aq-text-2xl);
        line-height: var(--aq-leading-tight);
      }
      /* A rehab summary is a sentence, not a clock. */
      dd.total.words {
        font-size: var(--aq-text-lg);
      }
      .estimate {
        margin: 0;
        color: var(--aq-color-text-muted);
        font-size: var(--aq-text-sm);
      }
      section {
        display: grid;
        gap: var(--aq-space-3);
      }
    `,
  ];

  /** The workout to show; null shows "not found". */
  @property({ attribute: false }) entry: LibraryEntry | null = null;

  /** The id that was asked for, to say which workout wasn't found. */
  @property() workoutId = '';

  /** The value picked for each range, by choice id. */
  @state() private _chosen: Record<string, number> = {};

  /** The week picked, or null for the plan's default. */
  @state() private _week: number | null = null;

  /** The week the running programme is in, for a workout of it that changes week by week. */
  @state() private _programmeWeek: number | null = null;

  @state() private _compiled: { result: CompileResult | null; error: string | null } | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('entry')) {
      // The choices last used for this workout come back (rounds, holds, week of the plan).
      const remembered = this.entry === null ? { choices: {} } : loadChoices(this.entry.id);
      this._chosen = remembered.choices;
      // A workout of the programme being followed opens at the programme's week: the dose due today.
      this._programmeWeek = this.entry === null ? null : programmeWeek(this.entry);
      this._week = this._programmeWeek ?? remembered.week ?? null;
      // A workout the library found broken (in itself or across its programme) shows why, whatever was chosen.
      const fresh = (Object.keys(this._chosen).length === 0 && this._week === null) || (this.entry !== null && planOf(this.entry) === null);
      this._compiled =
        this.entry === null
          ? null
          : fresh
            ? { result: this.entry.result, error: this.entry.error }
            : compileSafely(this.entry.source, compileOptions(this._chosen, this._week));
      if (this.entry !== null && !fresh && planOf(this._compiled!) === null) {
        // What was remembered no longer fits the workout: start from its defaults.
        this._chosen = {};
        this._week = null;
        this._compiled = { result: this.entry.result, error: this.entry.error };
      }
    } else if ((changed.has('_chosen') || changed.has('_week')) && this.entry !== null && planOf(this.entry) !== null) {
      this._compiled = compileSafely(this.entry.source, compileOptions(this._chosen, this._week));
    }
  }

  override render() {
    const back = html`<a class="back" href=${hrefFor({ name: RouteName.Library })}
      ><span aria-hidden="true">←</span> All workouts</a
    >`;
    const entry = this.entry;
    if (entry === null) {
      return html`${back}
        <h1 tabindex="-1">Workout not found</h1>
        <p>There is no workout called “${this.workoutId}”. It may have been renamed.</p>`;
    }
    const compiled = this._compiled ?? { result: entry.result, error: entry.error };
    const plan = planOf(compiled);
    // When a choice makes the workout invalid (say, too many rounds), keep the
    // default plan's header and options on screen so the athlete can choose again.
    const shown = plan ?? planOf(entry);
    if (shown === null) {
      return html`${back}
        <h1 tabindex="-1">${entry.title}</h1>
        <aq-diagnostics .diagnostics=${compiled.result?.diagnostics ?? []} .error=${compiled.error}></aq-diagnostics>
        ${this._actions(entry)}`;
    }
    const warnings = compiled.result?.diagnostics.filter((d) => d.severity === 'warning') ?? [];
    const { source, notes } = splitSource(shown.notes);
    const total = plan ? summarise(plan) : '–';
    const estimate = plan ? estimateNote(plan) : null;
    return html`
      ${back}
      <header>
        <h1 tabindex="-1">${shown.title}</h1>
        <dl>
          <div>
            <dt>Total</dt>
            <dd class="total tabular ${isClock(total) ? '' : 'words'}" aria-live="polite">${total}</dd>
          </div>
          <div>
            <dt>Intervals</dt>
            <dd class="tabular">${plan ? plan.intervals.length : '–'}</dd>
          </div>
          ${
            shown.when
              ? html`<div>
                <dt>When</dt>
                <dd>${shown.when}</dd>
              </div>`
              : nothing
          }
        </dl>
        ${estimate ? html`<p class="estimate">${estimate}</p>` : nothing}
        ${
          shown.tags.length > 0
            ? html`<ul class="tags" aria-label="Tags">
              ${shown.tags.map((tag) => html`<li class="tag">${tag}</li>`)}
            </ul>`
            : nothing
        }
      </header>
      ${notes.length > 0 ? html`<div class="notes">${notes.map((note) => html`<p>${curlyQuotes(note)}</p>`)}</div>` : nothing}
      ${source ? html`<p class="source">${curlyQuotes(source)}</p>` : nothing}
      ${
        shown.programme
          ? html`<p class="programme">
              Part of the ${shown.programme.name} programme${shown.programme.optional ? ' (an optional extra)' : ''}:
              <a href="#/today">follow it day by day on Today</a>, at each week's dose.${
                this._programmeWeek !== null ? ` Your programme is in week ${this._programmeWeek}: that is the week shown here.` : ''
              }
            </p>`
          : nothing
      }
      <aq-profile .plan=${plan}></aq-profile>
      ${this._options(shown)}
      ${
        plan === null
          ? html`<aq-diagnostics
            heading="These choices don’t make a workout that can be started."
            .diagnostics=${compiled.result?.diagnostics ?? []}
            .error=${compiled.error}
          ></aq-diagnostics>`
          : html`${warnings.length > 0 ? html`<aq-diagnostics heading="Warnings" .diagnostics=${warnings}></aq-diagnostics>` : nothing}
            ${plan.weeks !== null ? html`<aq-week-table .rows=${this._weekRows(entry.source, plan.chosen)} .week=${plan.week}></aq-week-table>` : nothing}
            <div class="start">
              <button class="primary-action" @click=${() =>
                this.dispatchEvent(
                  startEvent({ id: entry.id, plan, source: entry.source, choices: plan.chosen, week: plan.weeks === null ? null : plan.week }),
                )}>Start</button>
              <p class="muted">Put your headphones on first: Settings has a Test sound button.</p>
            </div>
            ${this._actions(entry)}
            <aq-timeline .plan=${plan}></aq-timeline>`
      }
    `;
  }

  /** Moves keyboard focus to the page heading (after navigating here). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** Copy, share; for one's own workouts also edit, rename, delete. */
  private _actions(entry: LibraryEntry) {
    return html`<aq-workout-actions .workoutId=${entry.id} .workoutTitle=${entry.title} .source=${entry.source}></aq-workout-actions>`;
  }

  private _options(plan: Plan) {
    if (plan.choices.length === 0 && (plan.weeks === null || plan.weeks < 2)) return nothing;
    // `plan` may be the default plan standing in for an invalid choice: show what was picked.
    return html`<section aria-labelledby="options-heading">
      <h2 id="options-heading">Options</h2>
      <aq-plan-options
        .choices=${plan.choices}
        .chosen=${{ ...plan.chosen, ...this._chosen }}
        .weeks=${plan.weeks}
        .week=${this._week ?? plan.week}
        @aq-choice-change=${this._onChoice}
        @aq-week-change=${this._onWeek}
      ></aq-plan-options>
    </section>`;
  }

  private _weekRowsCache: { key: string; rows: readonly WeekRow[] } | null = null;

  /** The week-by-week table at the current choices (compiling every week, so cached). */
  private _weekRows(source: string, choices: Readonly<Record<string, number>>): readonly WeekRow[] {
    const key = `${JSON.stringify(choices)}\n${source}`;
    if (this._weekRowsCache?.key !== key) {
      let rows: readonly WeekRow[] = [];
      try {
        rows = weekTable(source, { choices });
      } catch (error) {
        console.error('The week table could not be built', error);
      }
      this._weekRowsCache = { key, rows };
    }
    return this._weekRowsCache.rows;
  }

  private _onChoice(event: ChoiceChangeEvent) {
    this._chosen = { ...this._chosen, [event.detail.id]: event.detail.value };
    this._remember();
  }

  private _onWeek(event: WeekChangeEvent) {
    this._week = event.detail.week;
    this._remember();
  }

  private _remember(): void {
    if (this.entry) saveChoices(this.entry.id, this._week === null ? { choices: this._chosen } : { choices: this._chosen, week: this._week });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-workout-page': AqWorkoutPage;
  }
}

/** The running programme's week today, when `entry` belongs to it and changes week by week; else null. */
function programmeWeek(entry: LibraryEntry): number | null {
  const plan = planOf(entry);
  const hint = loadProgrammeHint();
  if (!plan?.programme || plan.weeks === null || !hint || hint.name !== plan.programme.name) return null;
  const position = positionOn({ ...hint, id: '', ended: null, marks: [], checkIns: [], askPain: false, createdAt: 0, updatedAt: 0 }, dayOf(Date.now()));
  return position.kind === 'active' ? Math.min(position.week, plan.weeks) : null;
}
