import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { buttonStyles, noticeStyles, primaryActionStyles, sharedStyles } from '../../styles/shared';
import builtInCards from 'virtual:aquajog-library';
import type { Plan } from '../../dsl/plan';
import type { TimerStatus } from '../../engine/timer';
import type { Installer } from '../../platform/install';
import type { SwBridge } from '../../platform/sw-bridge';
import type { Store, DbEvent } from '../../storage/db';
import type { Checkpoint } from '../../storage/schema';
import type { AqHistoryPage } from '../history/aq-history-page';
import type { AqLibraryPage } from '../library/aq-library-page';
import type { AqSettingsPage } from '../settings/aq-settings-page';
import type { AqTodayPage } from '../programme/aq-today-page';
import type { AqWorkoutPage } from '../workout/aq-workout-page';
import type { ReaddressEvent, StartEvent } from '../shared/events';
import type { LibraryCard } from '../library/library-card';
import { hrefFor, parseRoute, RouteName, type Route } from './router';
import type { RunInfo, RunRecorder } from '../run/run-recorder';
import type { KeepAs, Runs } from '../run/runs';
import { applyTheme, loadChoices, loadSettings, loadTodayHint, saveSettings, type Settings } from '../shared/settings';
import type { WorkoutSession } from '../run/workout-session';
import '../library/aq-library-page';
import { isMineId } from '../mine/mine-id';

/** The chunks of one's own workouts' page, the editor and a shared link's preview. */
const OWN_PAGES = {
  editor: () => import('../editor/aq-editor-page'),
  shared: () => import('../share/aq-shared-preview'),
  'mine-page': () => import('../mine/aq-mine-page'),
} as const;

type Library = typeof import('../library/library');
type RunKit = typeof import('./run-kit');
type SessionKit = typeof import('./session-kit');

/** Kept in History as completed or ended early (KeepAs, without loading its module). */
const KEEP_COMPLETED: KeepAs = 'completed';
const KEEP_ENDED_EARLY: KeepAs = 'ended-early';
const RUNNING: TimerStatus = 'running';
const PAUSED: TimerStatus = 'paused';

/**
 * The app shell: a header and the page for the current hash route
 * (`#/` library, `#/workout/<id>` a workout). On navigation it updates the
 * document title, scrolls to the top and moves focus to the new page's
 * heading, or back to the workout you came from.
 *
 * The first page is the library, from cards compiled at build time. Everything
 * else loads on demand (and is precached, so offline too): the database and
 * runs right after the first paint (run-kit.ts), the workout page with what
 * running needs (session-kit.ts), History and Settings on first visit.
 *
 * @cssprop --aq-page-max - Widest the content grows.
 * @cssprop --aq-color-bg - Page background.
 */
@customElement('aq-app')
export class AqApp extends LitElement {
  static override styles = [
    sharedStyles,
    // Ordinary buttons (Save as ended early, Discard, Start again) look as they do everywhere else.
    buttonStyles,
    primaryActionStyles,
    noticeStyles,
    css`
      :host {
        min-height: 100vh;
        min-height: 100dvh;
        background: var(--aq-color-bg);
      }
      .bar {
        /* A little air above and below the Install button, which is as tall as the bar's links. */
        padding-block: var(--aq-space-1);
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
      /* On a narrow phone the links go under the name, on one line of their own (the tap targets keep them apart). */
      .bar .inner {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        column-gap: var(--aq-space-4);
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
      /* Always in the page flow (after a workout, at the top of the review), so it never covers a heading or a button. */
      .toast {
        max-width: var(--aq-page-max);
        margin-inline: auto;
        margin-block-end: var(--aq-space-4);
      }
      /* Right beside the links (or at the end of the name's line when they wrap under it). */
      .install {
        margin-inline-start: auto;
      }
      .toast button,
      .install {
        min-height: var(--aq-tap-min);
        padding-inline: var(--aq-space-3);
        border: 2px solid var(--aq-color-link);
        border-radius: var(--aq-radius-1);
        background: var(--aq-color-surface-alt);
        color: var(--aq-color-text);
        font: inherit;
        font-weight: 700;
      }
      /* Install, History and Settings fit one line at 320 px; wrapping stays as the fallback for larger text. */
      .links {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        align-items: center;
        column-gap: var(--aq-space-3);
      }
      .problem {
        margin-block-end: var(--aq-space-4);
      }
      .resume {
        display: grid;
        gap: var(--aq-space-3);
        margin-block-end: var(--aq-space-5);
        padding: var(--aq-space-4);
        border: 3px solid var(--aq-color-link);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
      }
      /* Side by side where they fit; on a phone each wrapped button fills its line. */
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-3);
      }
      .actions > button {
        flex: 1 1 auto;
        max-width: 100%;
      }
      /* "Save as completed" at the page's biggest size is wider than a 320 px card: a size down keeps it inside. */
      .actions .primary-action {
        padding-inline: var(--aq-space-4);
        font-size: var(--aq-text-xl);
        line-height: var(--aq-leading-tight);
      }
      /*
       * After the workout the timer is only its heading (a band in the last zone's colour), and the review
       * follows it in the page's flow: never under or over the heading however many lines it takes, and
       * one background all the way down.
       */
      aq-timer-screen.over {
        min-height: 0;
      }
      .review {
        display: grid;
        /* One column as wide as the screen, whatever the form inside would like (320 px phones). */
        grid-template-columns: minmax(0, 1fr);
        gap: var(--aq-space-4);
        max-width: var(--aq-page-max);
        margin-inline: auto;
        padding: var(--aq-space-4) max(var(--aq-space-4), env(safe-area-inset-right)) var(--aq-space-7)
          max(var(--aq-space-4), env(safe-area-inset-left));
      }
      .ready {
        display: grid;
        gap: var(--aq-space-4);
        justify-items: start;
      }
      /* Side by side where both fit, else one above the other, each as wide as the column: never past its edges. */
      .after {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: var(--aq-space-3);
        padding-block: var(--aq-space-4) max(var(--aq-space-4), env(safe-area-inset-bottom));
      }
      .after a {
        flex: 1 1 auto;
        max-width: 20rem;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        min-height: var(--aq-tap-min);
        padding-inline: var(--aq-space-5);
        text-align: center;
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
        color: var(--aq-color-text);
        font-size: var(--aq-text-lg);
        font-weight: 800;
      }
    `,
  ];

  /** The library page's cards (the built-in library, compiled at build time). */
  @property({ attribute: false }) cards: readonly LibraryCard[] = builtInCards;

  @state() private _route: Route = parseRoute(location.hash);
  @state() private _settings: Settings = loadSettings();
  /** The workout being run, if any, and its library id. */
  @state() private _session: { id: string; session: WorkoutSession } | null = null;
  @state() private _runOver = false;
  @state() private _recorder: RunRecorder | null = null;
  /** The database, once open; null while opening or if the browser refuses it. */
  @state() private _store: Store | null = null;
  @state() private _storeProblem: string | null = null;
  /** A short-lived message (a cut-off run that was kept in History). */
  @state() private _notice: string | null = null;
  /** A part of the app that could not be loaded. */
  @state() private _loadProblem: string | null = null;
  /** Opening the database, recording runs and keeping cut-off ones: all outside the shell (once loaded). */
  private _runs: Runs | null = null;
  /** The modules loaded on demand, once they are here. */
  @state() private _library: Library | null = null;
  @state() private _runKit: RunKit | null = null;
  @state() private _sessionKit: SessionKit | null = null;
  /** The workout page, the library and the session have all arrived (the page's Start needs all three). */
  @state() private _workoutPageReady = false;
  @state() private _todayPageReady = false;
  private readonly _loading = new Map<string, Promise<unknown>>();
  /** A run that was cut off (reload, crash) and can be resumed. */
  @state() private _interrupted: Checkpoint | null = null;

  /** Installing to the home screen (set by the entry module). */
  @property({ attribute: false }) installer: Installer | null = null;
  /** The service worker bridge (set by the entry module). */
  @property({ attribute: false }) sw: SwBridge | null = null;
  @state() private _platformTick = 0;
  private _offPlatform: (() => void)[] = [];

  /** The workout we just left (its page or its editor), so focus can return to its card in the library. */
  private _cameFrom: string | null = null;
  private _navigated = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this._onHashChange);
    // Opening the app (no address of its own) while a programme runs lands on Today.
    if ((location.hash === '' || location.hash === '#') && loadTodayHint()) history.replaceState(history.state, '', hrefFor({ name: RouteName.Today }));
    this._route = parseRoute(location.hash);
    applyTheme(this._settings.theme);
    this.addEventListener('aq-start', this._onStart);
    this.addEventListener('aq-settings-change', this._onSettings);
    this.addEventListener('aq-run-end', this._onRunEnd);
    this.addEventListener('aq-settings-import', this._onSettingsImport);
    this.addEventListener('aq-readdress', this._onReaddress);
    // After the first paint: the database, so an interrupted run is offered and it is open before any Start.
    this._kick(this.updateComplete.then(() => this._openStore()));
  }

  /** Loads a module once; the element re-renders when it arrives. */
  private _once<T>(key: string, load: () => Promise<T>, keep: (module: T) => void): Promise<T> {
    let loading = this._loading.get(key) as Promise<T> | undefined;
    if (!loading) {
      loading = load().then(
        (module) => {
          keep(module);
          this._loadProblem = null;
          return module;
        },
        (e: unknown) => {
          // Precached, so this is rare (a storage failure, a broken deploy): say so, and try again next time.
          this._loading.delete(key);
          this._loadProblem = `Part of Aquajog couldn't load (${(e as Error)?.message ?? e}). Reload to try again.`;
          throw e;
        },
      );
      this._loading.set(key, loading);
    }
    return loading;
  }

  /** Starts loading without waiting; a failure is shown by `_once`. */
  private _kick(loading: Promise<unknown>): void {
    loading.catch(() => undefined);
  }

  private _loadRunKit(): Promise<RunKit> {
    return this._once(
      'runs',
      () => import('./run-kit'),
      (kit) => {
        this._runs ??= kit.openRuns(
          (e) => this._onDbEvent(e),
          (checkpoint, as) => {
            this._notice = `${checkpoint.title}, which was interrupted, was saved to History as ${as === KEEP_COMPLETED ? 'completed' : 'ended early'}.`;
          },
        );
        this._runKit = kit;
      },
    );
  }

  private _loadSessionKit(): Promise<SessionKit> {
    return this._once(
      'session',
      () => Promise.all([import('./session-kit'), this._loadRunKit()]).then(([kit]) => kit),
      (kit) => (this._sessionKit = kit),
    );
  }

  private _loadLibrary(): Promise<Library> {
    return this._once(
      'library',
      () => import('../library/library'),
      (library) => (this._library = library),
    );
  }

  private _loadWorkoutPage(): Promise<unknown> {
    return this._once(
      'workout-page',
      () => Promise.all([import('../workout/aq-workout-page'), this._loadLibrary(), this._loadSessionKit()]),
      () => (this._workoutPageReady = true),
    );
  }

  /** Today needs the library (each week's dose) and the session code (its Start taps straight into the timer). */
  private _loadTodayPage(): Promise<unknown> {
    return this._once(
      'today-page',
      () => Promise.all([import('../programme/aq-today-page'), this._loadLibrary(), this._loadSessionKit()]),
      () => (this._todayPageReady = true),
    );
  }

  private async _openStore(): Promise<void> {
    await this._loadRunKit();
    const runs = this._runs!;
    runs.onOpen((store) => {
      // A run may have opened it after a first failure.
      this._store = store;
      if (this._storeProblem?.startsWith("History can't")) this._storeProblem = null;
    });
    try {
      await runs.openStore();
    } catch (e) {
      this._storeProblem = `History can't be saved on this device right now (${(e as Error).name ?? e}). Workouts still run.`;
      return;
    }
    await this._checkInterrupted();
  }

  private _onDbEvent(e: DbEvent): void {
    if (e === 'blocking') this._storeProblem = 'Aquajog was updated in another tab. Reload this tab to keep saving.';
    else if (e === 'blocked') this._storeProblem = 'Close other Aquajog tabs so this one can update its storage.';
  }

  /** Offers to resume a run the last page load didn't finish, unless another tab is running it. */
  private async _checkInterrupted(): Promise<void> {
    const checkpoint = await this._runs?.interrupted().catch(() => null);
    // A run started before the database opened keeps that checkpoint in History itself.
    if (!checkpoint || this._session) return;
    this._interrupted = checkpoint;
    // Resume needs the session: have it ready before the tap.
    this._kick(this._loadSessionKit());
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('installer') || changed.has('sw')) {
      this._offPlatform.forEach((off) => off());
      this._offPlatform = [this.installer?.onChange(() => this._platformTick++), this.sw?.onChange(() => this._platformTick++)].filter(
        (off): off is () => void => off !== undefined,
      );
    }
  }

  /** A workout is running or paused: no update prompt now. */
  private get _busy(): boolean {
    const status = this._session?.session.timer.state().status;
    return status === RUNNING || status === PAUSED;
  }

  private _offlineTimer: ReturnType<typeof setTimeout> | null = null;

  /** "Update available" (only when idle) and "Ready to work offline" (for a few seconds). */
  private _swToasts() {
    const sw = this.sw;
    if (!sw) return '';
    if (sw.offlineReady && this._offlineTimer === null) {
      this._offlineTimer = setTimeout(() => sw.dismissOfflineReady(), 8000);
    }
    if (sw.needRefresh && !this._busy) {
      return html`<div class="toast" role="status">
        <span>Update available.</span>
        <button @click=${() => void sw.applyUpdate()}>Reload</button>
        <button @click=${() => sw.dismissUpdate()}>Later</button>
      </div>`;
    }
    // Nothing covers the timer's buttons mid-workout.
    if (sw.offlineReady && !this._busy) {
      return html`<div class="toast" role="status">
        <span>Ready to work offline.</span>
        <button @click=${() => sw.dismissOfflineReady()}>OK</button>
      </div>`;
    }
    return '';
  }

  override disconnectedCallback(): void {
    this._offPlatform.forEach((off) => off());
    this._offPlatform = [];
    window.removeEventListener('hashchange', this._onHashChange);
    super.disconnectedCallback();
  }

  /** The address the page on screen said it is taking (aq-readdress): that hash change is no navigation. */
  private _readdress: string | null = null;
  private readonly _onReaddress = (event: ReaddressEvent) => {
    this._readdress = event.detail;
  };

  private readonly _onHashChange = () => {
    const previous = this._route;
    const same = this._readdress !== null && location.hash === this._readdress;
    this._readdress = null;
    this._route = parseRoute(location.hash);
    // A new workout's first Save gives its editor an address: the person stays where they are on it.
    if (same) return;
    this._cameFrom = previous.name === RouteName.Workout || previous.name === RouteName.Edit ? previous.id : null;
    this._navigated = true;
  };

  /** Starts a workout from the Start tap (audio is unlocked inside the gesture). */
  private readonly _onStart = (event: StartEvent) => {
    const { id, plan, source, choices, week } = event.detail;
    this._startRun({ sessionId: newId(), workoutId: id, source, choices, week }, plan);
  };

  private _startRun(info: RunInfo, plan: Plan, events?: Checkpoint['events']): void {
    const kit = this._sessionKit;
    const runs = this._runs;
    if (!kit || !runs) {
      // Only if Start comes before its own page's code (never in practice: it loads with the page).
      this._kick(this._loadSessionKit().then(() => this._startRun(info, plan, events)));
      return;
    }
    this._endRun();
    const session = new kit.WorkoutSession(plan, this._settings, kit.wallClock, events ?? []);
    this._session = { id: info.workoutId, session };
    // Recorded from this instant, whether or not the database has opened yet.
    this._recorder = runs.record(info, plan, session.timer, session.pulse);
    this._recorder.onChange(() => this.requestUpdate());
    this._runOver = false;
    this._interrupted = null;
    if (events) void session.continueRun();
    else void session.start();
    location.hash = hrefFor({ name: RouteName.Run, id: info.workoutId });
  }

  /** Lets go of the previous run's session and recorder (a saved run's recorder finishes its write). */
  private _endRun(): void {
    this._session?.session.dispose();
    this._recorder?.dispose();
    this._session = null;
    this._recorder = null;
  }

  /** Resume: rebuild the run from its events; the clock says where it is now. */
  private _resume(checkpoint: Checkpoint): void {
    const kit = this._runKit;
    if (!kit) return;
    const plan = kit.rebuildPlan(checkpoint);
    if (!plan) {
      this._storeProblem = "That workout can't be rebuilt any more; it was saved as ended early.";
      void this._keep(checkpoint, KEEP_ENDED_EARLY);
      return;
    }
    this._startRun(kit.runInfoOf(checkpoint), plan, checkpoint.events);
  }

  /** Keeps a cut-off run in History (as completed when by the clock it was over). */
  private async _keep(checkpoint: Checkpoint, as: KeepAs): Promise<void> {
    this._interrupted = null;
    try {
      await this._runs!.keep(checkpoint, as);
      this._notice = `Saved to History as ${as === KEEP_COMPLETED ? 'completed' : 'ended early'}.`;
      // Another cut-off run (two tabs killed at once) is offered next.
      await this._checkInterrupted();
    } catch (e) {
      this._storeProblem = `Couldn't save it (${(e as Error).name}). It is still kept to resume.`;
      this._interrupted = checkpoint;
    }
  }

  private async _discard(checkpoint: Checkpoint): Promise<void> {
    this._interrupted = null;
    await this._runs?.discard(checkpoint).catch(() => undefined);
    await this._checkInterrupted();
  }

  private readonly _onSettingsImport = (event: CustomEvent<Settings>) => {
    this._onSettings(event);
  };

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
        <aq-timer-screen
          class=${this._runOver ? 'over' : ''}
          .session=${this._session.session}
          .hrMax=${this._settings.hrMax}
          .saveProblem=${this._runOver ? null : (this._recorder?.error ?? null)}
        ></aq-timer-screen>
        ${
          this._runOver
            ? html`<section class="review" aria-labelledby="review-heading">
              <h2 id="review-heading" class="visually-hidden">How it went</h2>
              ${this._swToasts()}
              ${
                this._recorder
                  ? html`<aq-session-review .recorder=${this._recorder} ?rehab=${this._session.session.plan.tags.includes('rehab')}></aq-session-review>`
                  : ''
              }
              <nav class="after" aria-label="After the workout">
                ${loadTodayHint() ? html`<a href=${hrefFor({ name: RouteName.Today })}>Today</a>` : ''}
                <a href=${hrefFor({ name: RouteName.Library })}>All workouts</a>
                <a href=${hrefFor({ name: RouteName.History })}>History</a>
              </nav>
            </section>`
            : ''
        }
      `;
    }
    return html`
      <header class="bar">
        <div class="inner">
          <a href=${hrefFor({ name: RouteName.Library })}>Aquajog</a>
          ${
            // Beside the name, not among the links: on a 320 px phone the name and Install share a line and the links the next.
            this.installer?.canPrompt && !this.installer.installed
              ? html`<button class="install" @click=${() => void this.installer?.prompt()}>Install</button>`
              : ''
          }
          <nav class="links" aria-label="Main">
            ${loadTodayHint() || this._route.name === RouteName.Today ? html`<a class="settings" href=${hrefFor({ name: RouteName.Today })}>Today</a>` : ''}
            <a class="settings" href=${hrefFor({ name: RouteName.History })}>History</a>
            <a class="settings" href=${hrefFor({ name: RouteName.Settings })}>Settings</a>
          </nav>
        </div>
      </header>
      <main>
        <div class="inner">${this._swToasts()}${this._problemBanner()}${this._noticeBanner()}${this._resumeOffer()}${this._runningBanner()}${this._page()}</div>
      </main>
    `;
  }

  private _problemBanner() {
    const problem = this._loadProblem ?? this._storeProblem;
    return problem ? html`<p class="problem" role="alert">${problem}</p>` : '';
  }

  private _noticeBanner() {
    return this._notice
      ? html`<div class="toast" role="status">
          <span>${this._notice}</span>
          <button @click=${() => (this._notice = null)}>OK</button>
        </div>`
      : '';
  }

  /** A run cut off by a reload, a killed tab or a flat battery: resume, keep or discard it. */
  private _resumeOffer() {
    const cp = this._interrupted;
    if (!cp || !this._runs) return '';
    const { plan, over, state } = this._runs.assess(cp, Date.now());
    const where = plan && state?.interval ? `${state.interval.label}, interval ${state.index + 1} of ${plan.intervals.length}` : '';
    return html`<section class="resume" role="region" aria-labelledby="resume-heading">
      <h2 id="resume-heading">${cp.title} was interrupted</h2>
      <p>
        ${
          !plan
            ? "This workout can't be rebuilt any more."
            : over
              ? 'By the clock it would be over by now.'
              : `By the clock it is at ${where}${state?.status === PAUSED ? ' (paused)' : ''}.`
        }
      </p>
      <div class="actions">
        ${!plan || over ? '' : html`<button class="primary-action" @click=${() => this._resume(cp)}>Resume</button>`}
        ${over ? html`<button class="primary-action" @click=${() => void this._keep(cp, KEEP_COMPLETED)}>Save as completed</button>` : ''}
        <button @click=${() => void this._keep(cp, KEEP_ENDED_EARLY)}>Save as ended early</button>
        <button @click=${() => void this._discard(cp)}>Discard</button>
      </div>
    </section>`;
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
        return html`<aq-library-page .entries=${this.cards}></aq-library-page>`;
      case RouteName.Workout: {
        if (isMineId(route.id)) return this._ownPage(html`<aq-mine-page .workoutId=${route.id}></aq-mine-page>`);
        this._kick(this._loadWorkoutPage());
        const library = this._library;
        // Its Start needs the session code at hand (audio unlocks inside the tap): both arrive together.
        if (!library || !this._workoutPageReady) return this._opening(this.cards.find((card) => card.id === route.id)?.title);
        return html`<aq-workout-page .entry=${library.findEntry(library.library, route.id) ?? null} .workoutId=${route.id}></aq-workout-page>`;
      }
      case RouteName.Today:
        this._kick(this._loadTodayPage());
        if (!this._library || !this._todayPageReady) return this._opening('Today');
        return this._store
          ? html`<aq-today-page .store=${this._store} .entries=${this._library.library}></aq-today-page>`
          : html`<h1 tabindex="-1">Today</h1>
              <p>${this._storeProblem ?? 'Opening…'}</p>`;
      case RouteName.Settings:
        void this._load('settings');
        return html`<aq-settings-page .settings=${this._settings} .installer=${this.installer}></aq-settings-page>`;
      case RouteName.History:
        void this._load('history');
        return this._store
          ? html`<aq-history-page .store=${this._store} .settings=${this._settings}></aq-history-page>`
          : html`<h1 tabindex="-1">History</h1>
              <p>${this._storeProblem ?? 'Opening…'}</p>`;
      case RouteName.Run:
        // One's own workout with no run behind it (a reload): its page, with its Start.
        if (isMineId(route.id)) return this._ownPage(html`<aq-mine-page .workoutId=${route.id}></aq-mine-page>`);
        this._kick(this._loadWorkoutPage());
        return this._library && this._workoutPageReady
          ? this._readyPage(this._library, route.id)
          : this._opening(this.cards.find((card) => card.id === route.id)?.title);
      case RouteName.Edit:
        return this._ownPage(html`<aq-editor-page .workoutId=${route.id}></aq-editor-page>`);
      case RouteName.Shared:
        return this._ownPage(html`<aq-shared-preview .payload=${route.payload}></aq-shared-preview>`);
      case RouteName.NotFound:
        this._kick(this._loadWorkoutPage());
        return this._library && this._workoutPageReady ? html`<aq-workout-page .entry=${null} .workoutId=${route.path}></aq-workout-page>` : this._opening();
    }
  }

  /**
   * One's own workouts, the editor and a shared link's preview: each in a chunk of its own,
   * loaded on first visit. A Mine workout's page also loads what Start needs, as a built-in's does.
   */
  private _ownPage(page: ReturnType<typeof html>) {
    const name = this._route.name;
    const key = name === RouteName.Edit ? 'editor' : name === RouteName.Shared ? 'shared' : 'mine-page';
    if (key === 'mine-page') this._kick(this._loadWorkoutPage());
    this._kick(this._once<unknown>(key, OWN_PAGES[key], () => undefined));
    return page;
  }

  /** While a page's code arrives (a few ms from the precache): its heading, so nothing jumps. */
  private _opening(title?: string) {
    return html`<h1 tabindex="-1">${title ?? 'Opening…'}</h1>`;
  }

  /**
   * History and Settings load on first visit, keeping the first page small. The
   * service worker precaches their chunks, so this works offline too. Their
   * elements upgrade in place when the chunk arrives.
   */
  private _load(page: 'history' | 'settings'): Promise<unknown> {
    return page === 'history' ? import('../history/aq-history-page') : import('../settings/aq-settings-page');
  }

  /** The timer's address with no run behind it (a reload, a bookmark): start it from here. */
  private _readyPage(library: Library, id: string) {
    const entry = library.findEntry(library.library, id);
    if (!entry) return html`<aq-workout-page .entry=${null} .workoutId=${id}></aq-workout-page>`;
    const remembered = loadChoices(id);
    const plan = library.compileSafely(entry.source, library.compileOptions(remembered.choices, remembered.week));
    // Never a workout the library found broken (in itself or across its programme), whatever was remembered.
    const runnable = library.planOf(entry) === null ? null : (library.planOf(plan) ?? library.planOf(entry));
    // The interrupted run of this workout is offered above: no second big Start beside Resume.
    const offered = this._interrupted?.workoutId === id;
    return html`<section class="ready">
      <h1 tabindex="-1">${entry.title}</h1>
      ${
        runnable
          ? html`<p>${library.summarise(runnable)}</p>
            <button
              class=${offered ? '' : 'primary-action'}
              @click=${() =>
                this._startRun(
                  { sessionId: newId(), workoutId: id, source: entry.source, choices: runnable.chosen, week: runnable.weeks === null ? null : runnable.week },
                  runnable,
                )}
            >
              ${offered ? 'Start again from the beginning' : 'Start'}
            </button>`
          : html`<p>This workout has errors and can't be started.</p>`
      }
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
    if (route.name === RouteName.Today) return 'Today: Aquajog';
    if (route.name === RouteName.History) return 'History: Aquajog';
    if (route.name === RouteName.Edit) return 'Editor: Aquajog';
    if (route.name === RouteName.Shared) return 'Shared workout: Aquajog';
    if ((route.name === RouteName.Workout || route.name === RouteName.Run) && isMineId(route.id))
      return `${this._session?.id === route.id ? this._session.session.plan.title : 'My workout'}: Aquajog`;
    const card = route.name === RouteName.Workout || route.name === RouteName.Run ? this.cards.find((c) => c.id === route.id) : undefined;
    return card ? `${card.title}: Aquajog` : 'Not found: Aquajog';
  }

  private async _focusPage(): Promise<void> {
    const name = this._route.name;
    if (name === RouteName.Workout || name === RouteName.NotFound || name === RouteName.Run) {
      await this._loadWorkoutPage();
      await this.updateComplete;
    }
    if (name === RouteName.Today) {
      await this._loadTodayPage().catch(() => undefined);
      await this.updateComplete;
      const today = this.renderRoot.querySelector<AqTodayPage>('aq-today-page');
      window.scrollTo(0, 0);
      if (today) {
        await today.updateComplete;
        today.focusHeading();
      } else this.renderRoot.querySelector<HTMLElement>('main h1')?.focus();
      return;
    }
    const own = this.renderRoot.querySelector<HTMLElement & { focusHeading(): unknown }>('aq-mine-page, aq-editor-page, aq-shared-preview');
    if (own) {
      await customElements.whenDefined(own.localName);
      await (own as HTMLElement as LitElement).updateComplete;
      window.scrollTo(0, 0);
      await own.focusHeading();
      return;
    }
    const page = this.renderRoot.querySelector<AqLibraryPage | AqWorkoutPage>('aq-library-page, aq-workout-page');
    if (this._route.name === RouteName.History || this._route.name === RouteName.Settings) {
      await this._load(this._route.name === RouteName.History ? 'history' : 'settings');
      await customElements.whenDefined(this._route.name === RouteName.History ? 'aq-history-page' : 'aq-settings-page');
    }
    if (page === null) {
      const other = this.renderRoot.querySelector<AqSettingsPage | AqHistoryPage>('aq-settings-page, aq-history-page');
      if (other) {
        await other.updateComplete;
        window.scrollTo(0, 0);
        other.focusHeading();
      } else this.renderRoot.querySelector<HTMLElement>('.ready h1')?.focus();
      return;
    }
    await page.updateComplete;
    if (page.localName === 'aq-library-page' && this._cameFrom !== null) {
      const route = this._route;
      // One's own workouts' cards come a moment after the page: this may wait for them.
      if ((await (page as AqLibraryPage).focusWorkout(this._cameFrom)) || this._route !== route) return;
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

/** A new session id: random, so two tabs or two devices never collide. */
function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
