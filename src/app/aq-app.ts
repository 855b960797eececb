import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared';
import { findEntry, library, type LibraryEntry } from './library';
import { hrefFor, parseRoute, RouteName, type Route } from './router';
import type { AqLibraryPage } from './aq-library-page';
import type { AqWorkoutPage } from './aq-workout-page';
import './aq-library-page';
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
    `,
  ];

  /** The workouts the app offers (the built-in library unless a test gives others). */
  @property({ attribute: false }) entries: readonly LibraryEntry[] = library;

  @state() private _route: Route = parseRoute(location.hash);

  /** The workout we just left, so focus can return to it in the library. */
  private _cameFrom: string | null = null;
  private _navigated = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this._onHashChange);
    this._route = parseRoute(location.hash);
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

  override render() {
    return html`
      <header class="bar">
        <div class="inner"><a href=${hrefFor({ name: RouteName.Library })}>Aquajog</a></div>
      </header>
      <main>
        <div class="inner">${this._page()}</div>
      </main>
    `;
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
      case RouteName.NotFound:
        return html`<aq-workout-page .entry=${null} .workoutId=${route.path}></aq-workout-page>`;
    }
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
    const entry = route.name === RouteName.Workout ? findEntry(this.entries, route.id) : undefined;
    return entry ? `${entry.title}: Aquajog` : 'Not found: Aquajog';
  }

  private async _focusPage(): Promise<void> {
    const page = this.renderRoot.querySelector<AqLibraryPage | AqWorkoutPage>('aq-library-page, aq-workout-page');
    if (page === null) return;
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
