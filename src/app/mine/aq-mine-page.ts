import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../../styles/shared';
import type { LibraryEntry } from '../library/library-compile';
import { hrefFor, RouteName } from '../shell/router';
import { mineEntry } from './mine-entry';
import { mine } from './mine-store';
import '../workout/aq-workout-page';

/**
 * One of one's own workouts, shown and started exactly like a built-in one
 * (the workout page), read from the database. A draft with errors shows them
 * and has no Start.
 */
@customElement('aq-mine-page')
export class AqMinePage extends LitElement {
  static override styles = [sharedStyles];

  /** The workout's id (`mine-…`). */
  @property() workoutId = '';

  /** Undefined while loading; null when there is no such workout. */
  @state() private _entry: LibraryEntry | null | undefined = undefined;
  @state() private _problem: string | null = null;
  private _off: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this._off = mine.onChange(() => void this._load());
  }

  override disconnectedCallback(): void {
    this._off?.();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('workoutId')) {
      this._entry = undefined;
      void this._load();
    }
  }

  private async _load(): Promise<void> {
    const id = this.workoutId;
    try {
      const workout = await mine.get(id);
      if (id !== this.workoutId) return;
      // Same text, same entry: the page keeps its choices.
      if (workout && this._entry && this._entry.source === workout.source) return;
      this._entry = workout ? mineEntry(workout) : null;
      this._problem = null;
    } catch (e) {
      this._problem = `Your own workouts can’t be opened on this device right now (${(e as Error)?.name ?? e}).`;
    }
  }

  override render() {
    if (this._problem) return html`<h1 tabindex="-1">Your workout</h1><p role="alert">${this._problem}</p>`;
    if (this._entry === undefined) return html`<h1 tabindex="-1">Opening…</h1>`;
    if (this._entry === null) {
      return html`<h1 tabindex="-1">Workout not found</h1>
        <p>This workout isn’t on this device any more. <a href=${hrefFor({ name: RouteName.Library })}>All workouts</a></p>`;
    }
    return html`<aq-workout-page .entry=${this._entry} .workoutId=${this.workoutId}></aq-workout-page>`;
  }

  /** Moves keyboard focus to the page heading (after navigating here). */
  async focusHeading(): Promise<void> {
    const page = this.renderRoot.querySelector('aq-workout-page');
    if (page) {
      await page.updateComplete;
      page.focusHeading();
    } else this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-mine-page': AqMinePage;
  }
}
