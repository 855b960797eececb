import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { saveFile } from '../../platform/download';
import { Persistence } from '../../platform/persistence';
import { ImportError, MAX_BACKUP_BYTES, sessionsCsv, weekStartOf, type PainPoint, type Store, type WeekTotals } from '../../storage/db';
import type { SessionRecord } from '../../storage/schema';
import { buttonStyles, sharedStyles } from '../../styles/shared';
import type { AqSessionItem, SaveStatus } from './aq-session-item';
import { settingsImportEvent, type SessionDeleteEvent, type SessionSaveEvent } from '../shared/events';
import { bytesText, exportFileName, importSummary } from './history-format';
import { saveProgrammeHint, type Settings } from '../shared/settings';
import type { ProgrammeRecord } from '../../programme/programme';
import { dayWords } from '../../programme/days';
import './aq-pain-chart';
import './aq-session-item';
import './aq-week-chart';

/** Sessions loaded per page of the list. */
export const PAGE_SIZE = 20;
/** Weeks the charts cover, this one included. */
export const CHART_WEEKS = 8;
/** How long Undo is offered after a delete. */
export const UNDO_MS = 8000;

const DAY_MS = 24 * 60 * 60 * 1000;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A failed write in words a person can act on. */
function problemText(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return 'the device is out of storage space';
  if (error instanceof Error && error.message) return error.message.split('\n')[0]!.slice(0, 200);
  return 'the browser refused';
}

/**
 * History: weekly totals and pain ratings as charts, every session (newest
 * first, a page at a time) with its rating and note, and the athlete's data:
 * whether the browser keeps it, backups out and in, and deleting it all.
 *
 * @fires aq-settings-import - An imported backup carried settings; detail: those settings.
 * @cssprop --aq-tap-min - Minimum size of every button.
 * @cssprop --aq-color-error - Delete buttons and import errors.
 * @cssprop --aq-zone-* - Zone colours in the charts and on each session.
 */
@customElement('aq-history-page')
export class AqHistoryPage extends LitElement {
  static override styles = [
    sharedStyles,
    buttonStyles,
    css`
      /*
       * Every grid here has one column as wide as the page, never as wide as
       * its content (minmax(0, 1fr), not auto): the charts draw to the width
       * they are given, so an auto column that grew to fit them would never
       * let them shrink, and the page would scroll sideways on a small phone.
       */
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--aq-space-6);
        padding-block-end: var(--aq-space-7);
      }
      section {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--aq-space-4);
      }
      .card {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--aq-space-3);
        padding: var(--aq-space-4);
        border: var(--aq-border-width) solid var(--aq-color-border);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
      }
      ul.programmes {
        display: grid;
        gap: var(--aq-space-2);
        margin: 0;
        padding-inline-start: 1.25em;
      }
      ul.programmes a {
        display: inline-flex;
        align-items: center;
        min-height: var(--aq-tap-min);
      }
      ul.sessions {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--aq-space-3);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--aq-space-3);
        align-items: center;
      }
      button,
      .button {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        min-width: var(--aq-tap-min);
      }
      input[type='file']:focus-visible + .button {
        outline: var(--aq-focus-width) solid var(--aq-color-focus);
        outline-offset: 2px;
      }
      /* Live regions stay in the page, so they are announced, but take no room while empty. */
      .live:empty {
        position: absolute;
      }
      .hint {
        color: var(--aq-color-text-muted);
        font-size: var(--aq-text-sm);
      }
      .alert:not(:empty) {
        padding: var(--aq-space-3) var(--aq-space-4);
        border-inline-start: 0.3rem solid var(--aq-color-error);
        border-radius: var(--aq-radius-1);
        background: var(--aq-color-error-surface);
        color: var(--aq-color-text);
        font-weight: 600;
      }
      .kept {
        font-weight: 700;
      }
      .empty {
        color: var(--aq-color-text-muted);
      }
      .toast-region {
        position: fixed;
        inset-inline: 0;
        bottom: 0;
        z-index: 1;
        display: flex;
        justify-content: center;
        padding: 0 var(--aq-space-4) max(var(--aq-space-4), env(safe-area-inset-bottom));
        pointer-events: none;
      }
      .toast {
        display: flex;
        align-items: center;
        gap: var(--aq-space-4);
        padding: var(--aq-space-2) var(--aq-space-2) var(--aq-space-2) var(--aq-space-5);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-text);
        color: var(--aq-color-surface);
        font-weight: 700;
        pointer-events: auto;
      }
      .toast button {
        border-color: var(--aq-color-surface);
        background: transparent;
        color: var(--aq-color-surface);
      }
      dialog {
        max-width: min(30rem, calc(100vw - 2 * var(--aq-space-4)));
        padding: var(--aq-space-5);
        border: var(--aq-border-width) solid var(--aq-color-border);
        border-radius: var(--aq-radius-2);
        background: var(--aq-color-surface);
        color: var(--aq-color-text);
      }
      dialog form {
        display: grid;
        gap: var(--aq-space-4);
      }
    `,
  ];

  /** The database. The page loads when it is set. */
  @property({ attribute: false }) store: Store | null = null;

  /** The settings, included in a backup. */
  @property({ attribute: false }) settings: Settings | null = null;

  /** The clock: which weeks the charts show, and when an edit was made. */
  @property({ attribute: false }) now: () => number = () => Date.now();

  /** The browser's persistent-storage API (replaced in tests). */
  @property({ attribute: false }) persistence: Persistence = new Persistence();

  /** How long Undo stays offered after a delete, in ms. */
  @property({ type: Number }) undoMs = UNDO_MS;

  @state() private _sessions: SessionRecord[] = [];
  /** Start time to continue the list from; null when every session is loaded. */
  @state() private _next: number | null = null;
  @state() private _count: number | null = null;
  @state() private _loaded = false;
  /** Programmes followed on this device, newest first. */
  @state() private _programmes: readonly ProgrammeRecord[] = [];
  @state() private _loadingMore = false;
  @state() private _skipped = 0;
  @state() private _weeks: WeekTotals[] = [];
  @state() private _pain: PainPoint[] = [];
  @state() private _chartFrom = 0;
  @state() private _chartTo = 0;
  /** A problem reading the list. */
  @state() private _alert = '';
  /** Outcome of the last export or import, next to their buttons. */
  @state() private _backupStatus = '';
  @state() private _backupError = '';
  @state() private _deleteAllStatus = '';
  @state() private _deleteAllError = '';
  @state() private _saveMessages: ReadonlyMap<string, SaveStatus> = new Map();
  /** A short message at the bottom of the screen, with Undo for a session just deleted. */
  @state() private _toast: { text: string; undo: SessionRecord | null } | null = null;
  @state() private _persisted: boolean | null = null;
  @state() private _usage: number | null = null;
  @state() private _persistMessage = '';

  /** Bumped on every full reload, so answers to an older one are dropped. */
  private _generation = 0;
  private _chartGeneration = 0;
  private _undoTimer: ReturnType<typeof setTimeout> | null = null;
  private _busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._readStorage();
  }

  override disconnectedCallback(): void {
    this._clearUndoTimer();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) void this._reload();
  }

  override render() {
    const empty = this._loaded && this._sessions.length === 0 && this._next === null;
    return html`
      <h1 tabindex="-1">History</h1>
      <p class="alert live" role="alert">${this._alert}</p>
      ${this.store === null ? html`<p class="empty">Opening your history…</p>` : nothing}
      ${this._loaded && !empty ? this._charts() : nothing}
      ${this._programmes.length ? this._programmeList() : nothing}
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" tabindex="-1">Sessions</h2>
        ${empty ? html`<p class="empty">No sessions yet. Finish or end a workout and it appears here.</p>` : this._list()}
      </section>
      ${this._dataSection()}
      <div class="toast-region" role="status">${this._toastView()}</div>
      ${this._confirmDialog()}
    `;
  }

  /** Each programme followed: when, how far, and what was checked and rated (the detail is on Today). */
  private _programmeList() {
    return html`<section aria-labelledby="programmes-heading">
      <h2 id="programmes-heading">Programmes</h2>
      <ul class="programmes">
        ${this._programmes.map(
          (p) => html`<li>
            <strong>${p.name} programme</strong>: started ${dayWords(p.start, { day: 'numeric', month: 'short', year: 'numeric' })},
            ${p.status === 'ended' && p.ended ? `ended ${dayWords(p.ended, { day: 'numeric', month: 'short', year: 'numeric' })}` : p.status === 'paused' ? 'paused' : 'running'};
            ${p.marks.length} done without the timer, ${p.checkIns.length} pain check-in${p.checkIns.length === 1 ? '' : 's'}.
            ${p.status === 'ended' ? nothing : html`<a href="#/today">Today</a>`}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private _charts() {
    return html`
      <section aria-labelledby="weeks-heading">
        <h2 id="weeks-heading">Last ${CHART_WEEKS} weeks</h2>
        <aq-week-chart .weeks=${this._weeks}></aq-week-chart>
      </section>
      <section aria-labelledby="pain-heading">
        <h2 id="pain-heading">Pain ratings</h2>
        <p class="hint">The pain you rated after sessions, 0 (none) to 10 (worst), over the last ${CHART_WEEKS} weeks.</p>
        <aq-pain-chart .points=${this._pain} .from=${this._chartFrom} .to=${this._chartTo}></aq-pain-chart>
      </section>
    `;
  }

  private _list() {
    if (!this._loaded) return this.store ? html`<p class="empty">Loading…</p>` : nothing;
    return html`
      <ul class="sessions">
        ${repeat(
          this._sessions,
          (s) => s.id,
          (s) => {
            return html`<li>
              <aq-session-item
                data-id=${s.id}
                .session=${s}
                .status=${this._saveMessages.get(s.id) ?? null}
                @aq-session-save=${this._onSave}
                @aq-session-delete=${this._onDelete}
              ></aq-session-item>
            </li>`;
          },
        )}
      </ul>
      ${
        this._skipped > 0
          ? html`<p class="hint">${plural(this._skipped, 'stored session')} could not be read and ${this._skipped === 1 ? 'is' : 'are'} left out.</p>`
          : nothing
      }
      ${this._count !== null && this._next !== null ? html`<p class="hint">${this._sessions.length} of ${plural(this._count, 'session')} shown.</p>` : nothing}
      ${
        this._next !== null
          ? html`<div class="row"><button type="button" @click=${this._showMore} ?disabled=${this._loadingMore}>Show more</button></div>`
          : nothing
      }
    `;
  }

  private _dataSection() {
    const canAsk = this.persistence.supported;
    return html`<section aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <div class="card" role="group" aria-labelledby="storage-heading">
        <h3 id="storage-heading">Storage on this device</h3>
        <p class=${this._persisted ? 'kept' : ''}>${
          this._persisted === true
            ? 'Kept: the browser will not clear Aquajog’s data to make space.'
            : this._persisted === false || canAsk
              ? 'Not guaranteed: the browser may clear Aquajog’s data to make space.'
              : 'This browser does not say whether it keeps Aquajog’s data.'
        }</p>
        ${this._usage !== null ? html`<p class="tabular">${bytesText(this._usage)} used</p>` : nothing}
        <p class="hint">Browsers (Safari especially) may clear data of sites that aren't installed. Export a backup now and then: it's your safety net.</p>
        ${
          this._persisted !== true && canAsk
            ? html`<div class="row"><button type="button" @click=${() => void this.requestPersistence()}>Keep my data</button></div>`
            : nothing
        }
        <p class="hint live" role="status">${this._persistMessage}</p>
      </div>
      <div class="card" role="group" aria-labelledby="backup-heading">
        <h3 id="backup-heading">Backup</h3>
        <p class="hint">A backup holds every session, your own workouts and your settings, in one file.</p>
        <div class="row">
          <button type="button" @click=${this._exportBackup}>Export backup</button>
          <button type="button" @click=${this._exportCsv}>Export CSV</button>
          <input id="import" class="visually-hidden" type="file" accept=".json,application/json" @change=${this._onImportFile} />
          <label for="import" class="button">Import backup</label>
        </div>
        <p class="live" role="status">${this._backupStatus}</p>
        <p class="alert live" role="alert">${this._backupError}</p>
      </div>
      <div class="card" role="group" aria-labelledby="delete-all-heading">
        <h3 id="delete-all-heading">Delete all data</h3>
        <p class="hint">Removes every session and your own workouts from this device.</p>
        <div class="row"><button type="button" class="danger" @click=${this._confirmDeleteAll}>Delete all data</button></div>
        <p class="live" role="status">${this._deleteAllStatus}</p>
        <p class="alert live" role="alert">${this._deleteAllError}</p>
      </div>
    </section>`;
  }

  private _toastView() {
    const toast = this._toast;
    if (toast === null) return nothing;
    return html`<div
      class="toast"
      @pointerenter=${this._holdUndo}
      @pointerleave=${this._releaseUndo}
      @focusin=${this._onToastFocus}
      @focusout=${this._releaseUndo}
    >
      <span>${toast.text}</span>
      ${toast.undo ? html`<button type="button" @click=${this._undoDelete}>Undo</button>` : nothing}
    </div>`;
  }

  private _confirmDialog() {
    return html`<dialog aria-labelledby="confirm-title" aria-describedby="confirm-text" @close=${this._onConfirmClose}>
      <form method="dialog">
        <h2 id="confirm-title">Delete all data?</h2>
        <p id="confirm-text">
          Every session, your own workouts and any workout in progress will be deleted from this device. This can't be
          undone. If you might want them back, export a backup first. Your settings stay.
        </p>
        <div class="row">
          <button value="delete" class="danger">Delete everything</button>
          <button value="cancel" autofocus>Cancel</button>
        </div>
      </form>
    </dialog>`;
  }

  /** Moves keyboard focus to the page heading (after navigating here). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /**
   * Asks the browser to keep Aquajog's data (`navigator.storage.persist()`),
   * then shows the answer. Call it from a tap, or after the first workout is
   * saved, never on page load. Resolves to the browser's answer (null: it
   * can't be asked).
   */
  async requestPersistence(): Promise<boolean | null> {
    const granted = await this.persistence.persist();
    this._persistMessage =
      granted === true
        ? 'Done: the browser will keep Aquajog’s data.'
        : granted === false
          ? 'The browser said no for now. Browsers decide by their own rules; installing Aquajog to the home screen usually helps. Until then, export a backup now and then.'
          : 'This browser can’t be asked to keep the data. Export a backup now and then.';
    await this._readStorage();
    if (granted === true) this._persisted = true;
    return granted;
  }

  // ---- loading ------------------------------------------------------------------

  /** Loads the first page, the count and the charts again (after a store change, import or delete all). */
  private async _reload(): Promise<void> {
    const store = this.store;
    const generation = ++this._generation;
    this._saveMessages = new Map();
    if (store === null) {
      this._loaded = false;
      this._sessions = [];
      this._next = null;
      return;
    }
    try {
      // The list first; the count and the charts fill in after it (they read more).
      const page = await store.listSessions({ limit: PAGE_SIZE });
      if (generation !== this._generation) return;
      this._sessions = page.items;
      this._next = page.next;
      this._skipped = page.skipped;
      this._loaded = true;
      const [count, programmes] = await Promise.all([store.countSessions(), store.listProgrammes(), this._refreshCharts()]);
      if (generation !== this._generation) return;
      this._count = count;
      this._programmes = [...programmes].reverse();
      // After an import or Delete all, the app opens on Today exactly when a programme runs.
      const running = programmes.filter((p) => p.status !== 'ended').sort((a, b) => b.createdAt - a.createdAt)[0];
      saveProgrammeHint(running && running.status !== 'ended' ? { ...running, status: running.status } : null);
    } catch (error) {
      if (generation === this._generation) this._alert = `History could not be read: ${problemText(error)}.`;
    }
  }

  private async _refreshCharts(): Promise<void> {
    const store = this.store;
    if (store === null) return;
    const generation = ++this._chartGeneration;
    const now = this.now();
    const weeks = await store.weeklyTotals(CHART_WEEKS, now);
    const from = weeks[0]?.weekStart ?? weekStartOf(now - (CHART_WEEKS - 1) * 7 * DAY_MS);
    const pain = await store.painTrend(from);
    if (generation !== this._chartGeneration) return;
    this._weeks = weeks;
    this._pain = pain;
    this._chartFrom = from;
    this._chartTo = now;
  }

  private async _readStorage(): Promise<void> {
    const [persisted, usage] = await Promise.all([this.persistence.persisted(), this.persistence.usage()]);
    this._persisted = persisted;
    this._usage = usage;
  }

  private async _showMore(): Promise<void> {
    const store = this.store;
    if (store === null || this._next === null || this._loadingMore) return;
    const generation = this._generation;
    const shown = this._sessions.length;
    this._loadingMore = true;
    try {
      const page = await store.listSessions({ before: this._next, limit: PAGE_SIZE });
      if (generation !== this._generation) return;
      const known = new Set(this._sessions.map((s) => s.id));
      this._sessions = [...this._sessions, ...page.items.filter((s) => !known.has(s.id))];
      this._next = page.next;
      this._skipped += page.skipped;
      await this.updateComplete;
      // Keyboard and screen-reader users continue from the first new session.
      this._item(this._sessions[shown]?.id)?.focusToggle();
    } catch (error) {
      this._alert = `More sessions could not be read: ${problemText(error)}.`;
    } finally {
      this._loadingMore = false;
    }
  }

  private _item(id: string | undefined): AqSessionItem | null {
    if (id === undefined) return null;
    return this.renderRoot.querySelector<AqSessionItem>(`aq-session-item[data-id="${CSS.escape(id)}"]`);
  }

  // ---- editing and deleting one session ------------------------------------------

  private async _onSave(event: SessionSaveEvent): Promise<void> {
    const store = this.store;
    if (store === null) return;
    const before = this._sessions.find((s) => s.id === event.detail.session.id);
    // Strictly newer than the stored copy, so an import of an older backup never undoes the edit.
    const record: SessionRecord = { ...event.detail.session, updatedAt: Math.max(this.now(), (before?.updatedAt ?? 0) + 1) };
    try {
      await store.saveSession(record);
      this._sessions = this._sessions.map((s) => (s.id === record.id ? record : s));
      this._setSaveMessage(record.id, 'Saved.', false);
      void this._refreshCharts();
    } catch (error) {
      this._setSaveMessage(record.id, `Not saved: ${problemText(error)}. Try again.`, true);
    }
  }

  private _setSaveMessage(id: string, text: string, error: boolean): void {
    const messages = new Map(this._saveMessages);
    messages.set(id, { text, error });
    this._saveMessages = messages;
  }

  private async _onDelete(event: SessionDeleteEvent): Promise<void> {
    const store = this.store;
    if (store === null) return;
    const { id } = event.detail;
    try {
      const record = await store.deleteSession(id);
      this._sessions = this._sessions.filter((s) => s.id !== id);
      if (this._count !== null) this._count = Math.max(0, this._count - 1);
      this._showToast('Session deleted', record);
      void this._refreshCharts();
      await this.updateComplete;
      const undo = this.renderRoot.querySelector<HTMLElement>('.toast button');
      if (undo) undo.focus();
      else this._focusSessions();
    } catch (error) {
      this._showToast(`The session could not be deleted: ${problemText(error)}.`, null);
    }
  }

  /** Shows a message at the bottom for a few seconds; with a record, it offers Undo. */
  private _showToast(text: string, undo: SessionRecord | null): void {
    this._toast = { text, undo };
    this._startUndoTimer();
  }

  private _startUndoTimer(): void {
    this._clearUndoTimer();
    this._undoTimer = setTimeout(() => this._dismissUndo(), this.undoMs);
  }

  private _clearUndoTimer(): void {
    if (this._undoTimer !== null) clearTimeout(this._undoTimer);
    this._undoTimer = null;
  }

  /** The offer stays while a pointer is on it, or keyboard focus is in it. */
  private _holdUndo(): void {
    this._clearUndoTimer();
  }

  private _releaseUndo(event: Event): void {
    const toast = event.currentTarget as HTMLElement;
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (event.type === 'focusout' && next !== null && toast.contains(next)) return;
    if (this._toast !== null) this._startUndoTimer();
  }

  private _onToastFocus(event: FocusEvent): void {
    // Focus moved here by the page after a tap doesn't hold the offer; a keyboard user's does.
    if ((event.target as HTMLElement).matches(':focus-visible')) this._holdUndo();
  }

  private _dismissUndo(): void {
    this._clearUndoTimer();
    const hadFocus = this.renderRoot.querySelector('.toast')?.contains((this.renderRoot as ShadowRoot).activeElement) ?? false;
    this._toast = null;
    if (hadFocus) this._focusSessions();
  }

  private _focusSessions(): void {
    this.renderRoot.querySelector<HTMLElement>('#sessions-heading')?.focus();
  }

  private async _undoDelete(): Promise<void> {
    const store = this.store;
    const record = this._toast?.undo;
    if (store === null || !record) return;
    this._clearUndoTimer();
    try {
      await store.saveSession(record);
    } catch (error) {
      this._showToast(`The session could not be restored: ${problemText(error)}. Try Undo again.`, record);
      return;
    }
    // Back in its place if that place is on a page already shown; later pages bring it otherwise.
    const inShownRange = this._next === null || record.startedAt >= this._next;
    if (inShownRange && !this._sessions.some((s) => s.id === record.id)) {
      const at = this._sessions.findIndex((s) => s.startedAt < record.startedAt);
      const sessions = [...this._sessions];
      sessions.splice(at === -1 ? sessions.length : at, 0, record);
      this._sessions = sessions;
    }
    if (this._count !== null) this._count++;
    this._showToast('Session restored', null);
    void this._refreshCharts();
    await this.updateComplete;
    const item = this._item(record.id);
    if (item) {
      await item.updateComplete;
      item.focusToggle();
    } else this._focusSessions();
  }

  // ---- backup ----------------------------------------------------------------------

  private async _exportBackup(): Promise<void> {
    const store = this.store;
    if (store === null || this._busy) return;
    this._busy = true;
    this._backupStatus = '';
    this._backupError = '';
    try {
      const backup = await store.exportAll(this.settings);
      const name = exportFileName('backup', 'json', this.now());
      saveFile(new Blob([JSON.stringify(backup)], { type: 'application/json' }), name);
      this._backupStatus = `Exported ${plural(backup.sessions.length, 'session')} to ${name}.`;
    } catch (error) {
      this._backupError = `The backup could not be made: ${problemText(error)}.`;
    } finally {
      this._busy = false;
    }
  }

  private async _exportCsv(): Promise<void> {
    const store = this.store;
    if (store === null || this._busy) return;
    this._busy = true;
    this._backupStatus = '';
    this._backupError = '';
    try {
      const { sessions } = await store.exportAll(null);
      const name = exportFileName('sessions', 'csv', this.now());
      // The byte-order mark tells spreadsheets the file is UTF-8 (notes with accents, emoji).
      saveFile(new Blob(['\uFEFF', sessionsCsv(sessions)], { type: 'text/csv;charset=utf-8' }), name);
      this._backupStatus = `Exported ${plural(sessions.length, 'session')} to ${name}.`;
    } catch (error) {
      this._backupError = `The CSV could not be made: ${problemText(error)}.`;
    } finally {
      this._busy = false;
    }
  }

  private async _onImportFile(event: Event): Promise<void> {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    const store = this.store;
    if (!file || store === null || this._busy) return;
    this._busy = true;
    this._backupStatus = '';
    this._backupError = '';
    try {
      // A UTF-8 file has at most 3 bytes per character: anything this big can't be within the limit.
      if (file.size > 3 * MAX_BACKUP_BYTES) throw new ImportError('This file is too large to be an Aquajog backup. Nothing was changed.');
      const result = await store.importBackup(await file.text());
      this._backupStatus = importSummary(result);
      if (result.settings !== null) this.dispatchEvent(settingsImportEvent(result.settings));
      await this._reload();
      void this._readStorage();
    } catch (error) {
      this._backupError = error instanceof ImportError ? error.message : `The backup could not be imported: ${problemText(error)}. Nothing was changed.`;
    } finally {
      this._busy = false;
      // The same file can be chosen again (after fixing it, or to retry).
      input.value = '';
    }
  }

  // ---- delete all ------------------------------------------------------------------

  private _confirmDeleteAll(): void {
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  private async _onConfirmClose(event: Event): Promise<void> {
    const dialog = event.currentTarget as HTMLDialogElement;
    const confirmed = dialog.returnValue === 'delete';
    dialog.returnValue = '';
    const store = this.store;
    if (!confirmed || store === null) return;
    try {
      await store.clearAll();
      this._toast = null;
      this._clearUndoTimer();
      this._backupStatus = '';
      this._backupError = '';
      this._deleteAllError = '';
      await this._reload();
      void this._readStorage();
      this._deleteAllStatus = 'All sessions, programmes and your own workouts were deleted from this device.';
    } catch (error) {
      this._deleteAllError = `The data could not be deleted: ${problemText(error)}.`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aq-history-page': AqHistoryPage;
  }
}
