import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared';
import { compileSafely, findEntry, library, planOf, type LibraryEntry } from './library';
import { summarise } from '../dsl';
import type { Plan } from '../dsl/plan';
import { hrefFor, parseRoute, RouteName, type Route } from './router';
import type { AqLibraryPage } from './aq-library-page';
import type { AqWorkoutPage } from './aq-workout-page';
import type { StartEvent } from './events';
import { applyTheme, loadChoices, loadSettings, saveSettings, type Settings } from './settings';
import { WorkoutSession } from './workout-session';
import './aq-library-page';
import './aq-settings-page';
import './aq-timer-screen';
import './aq-workout-page';

/**
 * The app shell: a header and the page for the current hash route
 * (`#/` library, `#/workout/<id>` a workout). On navigation it updates the
 * document title, scrolls to the top and moves focus to the new page's
 * heading, or back to the workout you came from.
 *
 * @cssprop --aq-page-max - Widest the content grows.
 * @cssprop --aq-color-bg - Page background.
 */
@customElement('aq-app')
export class AqApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        min-height: 100vh;
        min-height: 100dvh;
        background: var(--aq-color-bg);
      }
      .bar {
        border-block-end: var(--aq-border-width) solid var(--aq-color-border);
        background: var(--aq-color-surface);
      }
      .bar a {
        display: inline-flex;
        align-items: center;
        min-height: var(--aq-tap-min);
        color: var(--aq-color-text);
        font-size: var(--aq-text-lg);
        font-weight: 800;
        letter-spacing: 0.02em;
        text-decoration: none;
      }
      .bar,
      main {
        padding-inline: max(var(--aq-space-4), env(safe-area-inset-left))
          max(var(--aq-space-4), env(safe-area-inset-right));
      }
      .inner {
        max-width: var(--aq-page-max);
        margin-inline: auto;
      }
      main {
        padding-block: var(--aq-space-5) var(--aq-space-7);
      }
      .bar .inner {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: var(--aq-space-4);
      }
      .bar a.settings {
        font-size: var(--aq-text-md);
        font-weight: 700;
        color: var(--aq-color-link);
        text-decoration: underline;
      }
      .running {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--aq-space-2);
        margin-block-end: var(--aq-space-4);
        padding: var(--aq-space-3) var(--aq-space-4);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-highlight);
        font-weight: 700;
      }
      .ready {
        display: grid;
        gap: var(--aq-space-4);
        justify-items: start;
      }
      .big {
        min-height: 4.5rem;
        padding: var(--aq-space-3) var(--aq-space-6);
        border: 0;
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-link);
        color: var(--aq-color-surface);
        font: inherit;
        font-size: var(--aq-text-2xl);
        font-weight: 900;
        cursor: pointer;
      }
      .after {
        position: fixed;
        inset-inline: 0;
        bottom: 0;
        display: flex;
        justify-content: center;
        gap: var(--aq-space-3);
        padding: var(--aq-space-4) var(--aq-space-4) max(var(--aq-space-4), env(safe-area-inset-bottom));
      }
      .after a {
        display: inline-flex;
        align-items: center;
        min-height: var(--aq-tap-min);
        padding-inline: var(--aq-space-5);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
        color: var(--aq-color-text);
        font-size: var(--aq-text-lg);
        font-weight: 800;
      }
    `,
  ];

  /** The workouts the app offers (the built-in library unless a test gives others). */
  @property({ attribute: false }) entries: readonly LibraryEntry[] = library;

  @state() private _route: Route = parseRoute(location.hash);
  @state() private _settings: Settings = loadSettings();
  /** The workout being run, if any, and its library id. */
  @state() private _session: { id: string; session: WorkoutSession } | null = null;
  @state() private _runOver = false;

  /** The workout we just left, so focus can return to it in the library. */
  private _cameFrom: string | null = null;
  private _navigated = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this._onHashChange);
    this._route = parseRoute(location.hash);
    applyTheme(this._settings.theme);
    this.addEventListener('aq-start', this._onStart);
    this.addEventListener('aq-settings-change', this._onSettings);
    this.addEventListener('aq-run-end', this._onRunEnd);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this._onHashChange);
    super.disconnectedCallback();
  }

  private readonly _onHashChange = () => {
    const previous = this._route;
    this._cameFrom = previous.name === RouteName.Workout ? previous.id : null;
    this._navigated = true;
    this._route = parseRoute(location.hash);
  };

  /** Starts a workout from the Start tap (audio is unlocked inside the gesture). */
  private readonly _onStart = (event: StartEvent) => {
    this._startRun(event.detail.id, event.detail.plan);
  };

  private _startRun(id: string, plan: Plan): void {
    this._session?.session.dispose();
    const session = new WorkoutSession(plan, this._settings);
    this._session = { id, session };
    this._runOver = false;
    void session.start();
    location.hash = hrefFor({ name: RouteName.Run, id });
  }

  private readonly _onSettings = (event: CustomEvent<Settings>) => {
    this._settings = event.detail;
    saveSettings(this._settings);
    applyTheme(this._settings.theme);
    if (this._session) this._session.session.settings = this._settings;
  };

  private readonly _onRunEnd = () => {
    this._runOver = true;
  };

  override render() {
    if (this._route.name === RouteName.Run && this._session?.id === this._route.id) {
      return html`
        <aq-timer-screen .session=${this._session.session} .hrMax=${this._settings.hrMax}></aq-timer-screen>
        ${this._runOver
          ? html`<nav class="after" aria-label="After the workout">
              <a href=${hrefFor({ name: RouteName.Library })}>All workouts</a>
              <a href=${hrefFor({ name: RouteName.Workout, id: this._session.id })}>This workout</a>
            </nav>`
          : ''}
      `;
    }
    return html`
      <header class="bar">
        <div class="inner">
          <a href=${hrefFor({ name: RouteName.Library })}>Aquajog</a>
          <a class="settings" href=${hrefFor({ name: RouteName.Settings })}>Settings</a>
        </div>
      </header>
      <main>
        <div class="inner">${this._runningBanner()}${this._page()}</div>
      </main>
    `;
  }

  /** A workout still runs while you look elsewhere: one tap back to it. */
  private _runningBanner() {
    const run = this._session;
    if (!run || this._runOver || this._route.name === RouteName.Run) return '';
    return html`<div class="running" role="status">
      <span>${run.session.plan.title} is running.</span>
      <a href=${hrefFor({ name: RouteName.Run, id: run.id })}>Back to the timer</a>
    </div>`;
  }

  private _page() {
    const route = this._route;
    switch (route.name) {
      case RouteName.Library:
        return html`<aq-library-page .entries=${this.entries}></aq-library-page>`;
      case RouteName.Workout:
        return html`<aq-workout-page
          .entry=${findEntry(this.entries, route.id) ?? null}
          .workoutId=${route.id}
        ></aq-workout-page>`;
      case RouteName.Settings:
        return html`<aq-settings-page .settings=${this._settings}></aq-settings-page>`;
      case RouteName.Run:
        return this._readyPage(route.id);
      case RouteName.NotFound:
        return html`<aq-workout-page .entry=${null} .workoutId=${route.path}></aq-workout-page>`;
    }
  }

  /** The timer's address with no run behind it (a reload, a bookmark): start it from here. */
  private _readyPage(id: string) {
    const entry = findEntry(this.entries, id);
    if (!entry) return html`<aq-workout-page .entry=${null} .workoutId=${id}></aq-workout-page>`;
    const remembered = loadChoices(id);
    const plan = compileSafely(entry.source, { choices: remembered.choices, ...(remembered.week ? { week: remembered.week } : {}) });
    const runnable = planOf(plan) ?? planOf(entry);
    return html`<section class="ready">
      <h1 tabindex="-1">${entry.title}</h1>
      ${runnable
        ? html`<p>${summarise(runnable)}</p>
            <button class="big" @click=${() => this._startRun(id, runnable)}>Start</button>`
        : html`<p>This workout has errors and can't be started.</p>`}
      <a href=${hrefFor({ name: RouteName.Workout, id })}>Choices and timeline</a>
    </section>`;
  }

  protected override updated(): void {
    document.title = this._documentTitle();
    if (!this._navigated) return;
    this._navigated = false;
    void this._focusPage();
  }

  private _documentTitle(): string {
    const route = this._route;
    if (route.name === RouteName.Library) return 'Aquajog: workouts';
    if (route.name === RouteName.Settings) return 'Settings: Aquajog';
    const entry = route.name === RouteName.Workout || route.name === RouteName.Run ? findEntry(this.entries, route.id) : undefined;
    return entry ? `${entry.title}: Aquajog` : 'Not found: Aquajog';
  }

  private async _focusPage(): Promise<void> {
    const page = this.renderRoot.querySelector<AqLibraryPage | AqWorkoutPage>('aq-library-page, aq-workout-page');
    if (page === null) {
      const settings = this.renderRoot.querySelector('aq-settings-page');
      if (settings) {
        await settings.updateComplete;
        settings.focusHeading();
      } else this.renderRoot.querySelector<HTMLElement>('.ready h1')?.focus();
      return;
    }
    await page.updateComplete;
    if (page.localName === 'aq-library-page' && this._cameFrom !== null) {
      if ((page as AqLibraryPage).focusWorkout(this._cameFrom)) return;
    }
    window.scrollTo(0, 0);
    page.focusHeading();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-app': AqApp;
  }
}
