import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { dayText, sessionDateText } from '../../../src/app/history/history-format';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/app/shared/settings';
import type { AqHistoryPage } from '../../../src/app/history/aq-history-page';
import { Persistence, type StorageManagerLike } from '../../../src/platform/persistence';
import { Store } from '../../../src/storage/db';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type SessionRecord } from '../../../src/storage/schema';
import '../../../src/app/history/aq-history-page';
import { factText, mount, unmountAll } from '../helpers';

const HOUR = 3600 * 1000;
/** Sessions start on the hour, the newest an hour ago. */
const NOW = Date.now();
const at = (hoursAgo: number) => Math.floor(NOW / HOUR) * HOUR - hoursAgo * HOUR;

function session(i: number, patch: Partial<SessionRecord> = {}): SessionRecord {
  const startedAt = at(1 + i * 13);
  return {
    id: `s${i}`,
    workoutId: 'lactic-acid',
    title: `Lactic acid ${i}`,
    kind: 'pool',
    source: '# Lactic acid\ntags: pool\n\n12x\n  2m sprint\n  1m30s rest\n',
    choices: {},
    week: null,
    startedAt,
    endedAt: startedAt + 4_800_000,
    plannedSeconds: 4800,
    activeSeconds: 4770,
    completed: true,
    endedAtInterval: null,
    intervalCount: 38,
    zoneSeconds: { easy: 2280, sprint: 1440, rest: 1080 },
    rpe: null,
    pain: null,
    note: '',
    updatedAt: startedAt + 4_800_000,
    ...patch,
  };
}

/** Browser storage that says what it's told and records whether it was asked. */
function fakeStorage(persisted: boolean, usage: number, grant: boolean) {
  const calls = { persist: 0 };
  const manager: StorageManagerLike = {
    persisted: async () => persisted,
    persist: async () => {
      calls.persist++;
      persisted = grant;
      return grant;
    },
    estimate: async () => ({ usage, quota: 1e9 }),
  };
  return { persistence: new Persistence(manager), calls };
}

const opened: { store: Store; name: string }[] = [];
async function openStore(sessions: readonly SessionRecord[] = []): Promise<Store> {
  const name = `history-test-${Math.random()}`;
  const store = await Store.open({ name });
  opened.push({ store, name });
  for (const s of sessions) await store.saveSession(s);
  return store;
}

afterEach(async () => {
  unmountAll();
  vi.restoreAllMocks();
  for (const { store, name } of opened.splice(0)) {
    store.close();
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
  }
});

async function showHistory(store: Store, props: Partial<AqHistoryPage> = {}): Promise<AqHistoryPage> {
  const el = await mount('aq-history-page', { store, settings: DEFAULT_SETTINGS, persistence: fakeStorage(false, 0, false).persistence, ...props });
  await expect.element(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  return el;
}

const articles = () => page.getByRole('article');
const article = (title: string) => page.getByRole('article', { name: new RegExp(`^${title} `) });
const shownTitles = () =>
  articles()
    .elements()
    .map((a) => a.querySelector('h3')?.textContent);

/** Every session the store holds, newest first, through its pages. */
async function allSessions(store: Store): Promise<SessionRecord[]> {
  const out: SessionRecord[] = [];
  let before: number | null = null;
  do {
    const p = await store.listSessions({ before, limit: 50 });
    out.push(...p.items);
    before = p.next;
  } while (before !== null);
  return out;
}

/** Captures what the page hands to the browser to download. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) files.push({ name: this.download, blob });
  });
  return files;
}

function backupFile(backup: Backup, name = 'aquajog-backup.json'): File {
  return new File([JSON.stringify(backup)], name, { type: 'application/json' });
}

describe('<aq-history-page>', () => {
  it('lists sessions newest first with date, planned and actual time, completion, zones and ratings', async () => {
    const store = await openStore([
      session(2),
      session(0, { completed: false, endedAtInterval: 12, activeSeconds: 1500, zoneSeconds: { easy: 900, sprint: 600 } }),
      session(1, { kind: 'rehab', title: 'Fredericson strength 1', rpe: 6, pain: 3, note: '<b>Knee</b> fine on the stairs' }),
    ]);
    await showHistory(store);
    await expect.poll(shownTitles).toEqual(['Lactic acid 0', 'Fredericson strength 1', 'Lactic acid 2']);

    const newest = article('Lactic acid 0');
    await expect.element(newest).toHaveTextContent(sessionDateText(session(0).startedAt));
    await expect.element(newest.getByText(factText('Planned', '1:20:00'))).toBeVisible();
    await expect.element(newest.getByText(factText('Actual', '25:00'))).toBeVisible();
    await expect.element(newest.getByText('Ended early at interval 12 of 38')).toBeVisible();
    const zones = newest.getByRole('list', { name: 'Time per zone' }).getByRole('listitem');
    expect(zones.elements().map((z) => z.textContent?.trim())).toEqual(['Easy 15:00', 'Sprint 10:00']);

    const rehab = article('Fredericson strength 1');
    await expect.element(rehab.getByText('Completed')).toBeVisible();
    await expect.element(rehab.getByText(factText('RPE', '6'))).toBeVisible();
    await expect.element(rehab.getByText(factText('Pain', '3'))).toBeVisible();
    // A note is text, never markup.
    await expect.element(rehab.getByText('<b>Knee</b> fine on the stairs')).toBeVisible();
  });

  it('opens a session to show what it ran in words, with the exact text behind its own disclosure', async () => {
    const source = '# Pyramid\ntags: pool\n> Source: RunnersConnect.\n4-6x\n  1m hard\n  between 1m rest\n';
    const store = await openStore([session(0, { title: 'Pyramid', source, choices: { '4:1': 5 } })]);
    await showHistory(store);
    const item = article('Pyramid');
    await item.getByText('Details and edit').click();
    const ran = item.getByRole('region', { name: 'What it ran' });
    await expect.element(ran).toBeVisible();
    await expect.element(ran.getByText('9:00', { exact: true })).toBeVisible();
    await expect.element(item.getByRole('list', { name: 'Choices' })).toHaveTextContent('Rounds 5');
    const steps = item.getByRole('list', { name: 'Steps' });
    await expect.element(steps).toHaveTextContent(/5 rounds:\s*Hard: 1 min\s*Between: 1 min, rest/);
    // The workout language stays out of sight until asked for.
    await expect.element(item.getByLabelText('Workout text')).not.toBeVisible();
    await expect.element(item.getByText(/4-6x/)).not.toBeVisible();
    await item.getByText('Exact workout text (the workout language)').click();
    await expect.element(item.getByLabelText('Workout text')).toBeVisible();
    // Exactly as it ran, line breaks and indentation included.
    expect(item.getByLabelText('Workout text').element().textContent).toBe(source);
  });

  it('describes a rehab session in words', async () => {
    const source = '# Hip strength extras\ntags: rehab\n15 reps "Clamshell" each side\n30s rest\n10 reps hold 5s "Glute bridge"\n';
    const store = await openStore([session(0, { title: 'Hip strength extras', kind: 'rehab', source })]);
    await showHistory(store);
    const item = article('Hip strength extras');
    await item.getByText('Details and edit').click();
    await expect.element(item.getByText('2 exercises (15 reps each side, 10 reps with 5 s holds), about 4 min')).toBeVisible();
    await expect
      .element(item.getByRole('list', { name: 'Steps' }))
      .toHaveTextContent(/Clamshell: 15 reps each side\s*Rest: 30 s\s*Glute bridge: 10 reps with 5 s holds/);
  });

  it('says when a session’s text can no longer be read, and still offers the text', async () => {
    const store = await openStore([session(0, { title: 'Odd', source: '# Odd\n1m sprnt\n' })]);
    await showHistory(store);
    const item = article('Odd');
    await item.getByText('Details and edit').click();
    await expect.element(item.getByText("This workout's text can no longer be read as steps.")).toBeVisible();
    await item.getByText('Exact workout text (the workout language)').click();
    expect(item.getByLabelText('Workout text').element().textContent).toBe('# Odd\n1m sprnt\n');
  });

  it('loads 20 at a time, and Show more brings the next page', async () => {
    const store = await openStore(Array.from({ length: 25 }, (_, i) => session(i)));
    await showHistory(store);
    await expect.poll(() => articles().elements().length).toBe(20);
    await expect.element(page.getByText('20 of 25 sessions shown.')).toBeVisible();
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => articles().elements().length).toBe(25);
    expect(shownTitles().at(-1)).toBe('Lactic acid 24');
    await expect.element(page.getByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('deletes a session and Undo brings it back', async () => {
    const store = await openStore([session(0), session(1), session(2)]);
    await showHistory(store);
    const middle = article('Lactic acid 1');
    await middle.getByText('Details and edit').click();
    await middle.getByRole('button', { name: 'Delete session' }).click();

    await expect.poll(shownTitles).toEqual(['Lactic acid 0', 'Lactic acid 2']);
    await expect.element(page.getByRole('status').getByText('Session deleted')).toBeVisible();
    expect(await store.getSession('s1')).toBeNull();

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(shownTitles).toEqual(['Lactic acid 0', 'Lactic acid 1', 'Lactic acid 2']);
    expect(await store.getSession('s1')).toEqual(session(1));
    await expect.element(page.getByRole('status').getByText('Session restored')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('stops offering Undo after a while, and the session stays deleted', async () => {
    const store = await openStore([session(0), session(1)]);
    await showHistory(store, { undoMs: 300 });
    const first = article('Lactic acid 0');
    await first.getByText('Details and edit').click();
    await first.getByRole('button', { name: 'Delete session' }).click();
    await expect.element(page.getByRole('button', { name: 'Undo' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(await store.countSessions()).toBe(1);
  });

  it('saves an edited RPE, pain and note', async () => {
    const store = await openStore([session(0)]);
    await showHistory(store);
    const item = article('Lactic acid 0');
    await item.getByText('Details and edit').click();
    await item.getByRole('combobox', { name: 'Effort (RPE 1-10)' }).selectOptions('7');
    await item.getByRole('combobox', { name: 'Pain (0-10)' }).selectOptions('2');
    await item.getByRole('textbox', { name: 'Note' }).fill('Felt strong; left hip tight');
    await item.getByRole('button', { name: 'Save' }).click();

    await expect.element(item.getByRole('status')).toHaveTextContent('Saved.');
    const saved = await store.getSession('s0');
    expect(saved).toMatchObject({ rpe: 7, pain: 2, note: 'Felt strong; left hip tight' });
    expect(saved!.updatedAt).toBeGreaterThan(session(0).updatedAt);
    await expect.element(item.getByText(factText('RPE', '7'))).toBeVisible();
    await expect.element(item.getByText('Felt strong; left hip tight', { exact: true }).first()).toBeVisible();

    // And back to "not rated".
    await item.getByRole('combobox', { name: 'Pain (0-10)' }).selectOptions('Not rated');
    await item.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await store.getSession('s0'))?.pain).toBeNull();
  });

  it('says so when an edit could not be saved, and keeps what was typed', async () => {
    const store = await openStore([session(0)]);
    await showHistory(store);
    vi.spyOn(store, 'saveSession').mockRejectedValueOnce(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const item = article('Lactic acid 0');
    await item.getByText('Details and edit').click();
    await item.getByRole('textbox', { name: 'Note' }).fill('Cramp in the left calf');
    await item.getByRole('button', { name: 'Save' }).click();
    await expect.element(item.getByRole('status')).toHaveTextContent('Not saved: the device is out of storage space. Try again.');
    await expect.element(item.getByRole('textbox', { name: 'Note' })).toHaveValue('Cramp in the left calf');
    expect((await store.getSession('s0'))!.note).toBe('');

    // Typing again clears the stale message; the second try lands.
    await item.getByRole('textbox', { name: 'Note' }).fill('Cramp in the left calf, gone by the end');
    await expect.poll(() => item.getByRole('status').element().textContent!.trim()).toBe('');
    await item.getByRole('button', { name: 'Save' }).click();
    await expect.element(item.getByRole('status')).toHaveTextContent('Saved.');
    expect((await store.getSession('s0'))!.note).toBe('Cramp in the left calf, gone by the end');
  });

  it('imports a valid backup: adds its sessions, merges by id and passes its settings on', async () => {
    const store = await openStore([session(0), session(1)]);
    await showHistory(store);
    const settings: Settings = { ...DEFAULT_SETTINGS, volume: 0.5, theme: 'dark' };
    const imported: Settings[] = [];
    document.addEventListener('aq-settings-import', (e) => imported.push(e.detail), { once: true });
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: NOW,
      sessions: [
        session(0),
        session(1, { note: 'Edited on the other phone', updatedAt: session(1).updatedAt + 1000 }),
        session(5, { title: 'From the old phone' }),
        session(6, { title: 'Also from the old phone' }),
      ],
      workouts: [],
      settings,
    };
    await page.getByLabelText('Import backup').upload(backupFile(backup));

    await expect.element(page.getByText('Imported 4 sessions (2 new, 1 updated, 1 already here). Settings restored.')).toBeVisible();
    await expect.poll(shownTitles).toEqual(['Lactic acid 0', 'Lactic acid 1', 'From the old phone', 'Also from the old phone']);
    await expect.element(article('Lactic acid 1').getByText('Edited on the other phone')).toBeVisible();
    expect(imported).toEqual([settings]);
    expect(await store.countSessions()).toBe(4);
  });

  it('refuses a corrupt file with a clear message and changes nothing', async () => {
    const store = await openStore([session(0), session(1)]);
    await showHistory(store);
    const before = await allSessions(store);
    const imported = vi.fn();
    document.addEventListener('aq-settings-import', imported);

    const good = JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: NOW, sessions: [session(7)], workouts: [], settings: null });
    await page.getByLabelText('Import backup').upload(new File([good.slice(0, -20)], 'cut-short.json'));
    await expect.element(page.getByRole('alert').filter({ hasText: 'not valid JSON' })).toHaveTextContent(/Nothing was changed/);

    await page.getByLabelText('Import backup').upload(new File(['{"name":"someone else\'s file"}'], 'other.json'));
    await expect.element(page.getByRole('alert').filter({ hasText: 'This is not an Aquajog backup file.' })).toBeVisible();

    expect(await allSessions(store)).toEqual(before);
    expect(shownTitles()).toEqual(['Lactic acid 0', 'Lactic acid 1']);
    expect(imported).not.toHaveBeenCalled();
    document.removeEventListener('aq-settings-import', imported);
  });

  it('exports a backup file that imports cleanly elsewhere', async () => {
    const sessions = [session(0, { note: 'Line one\nline "two"' }), session(1, { kind: 'rehab', pain: 4 })];
    const store = await openStore(sessions);
    const settings: Settings = { ...DEFAULT_SETTINGS, hrMax: 190 };
    await showHistory(store, { settings });
    const files = captureDownloads();

    await page.getByRole('button', { name: 'Export backup' }).click();
    await expect.poll(() => files.length).toBe(1);
    const [file] = files;
    expect(file!.name).toMatch(/^aquajog-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await expect.element(page.getByText(`Exported 2 sessions to ${file!.name}.`)).toBeVisible();

    const text = await file!.blob.text();
    const elsewhere = await openStore();
    const result = await elsewhere.importBackup(text);
    expect(result).toMatchObject({ added: 2, updated: 0, unchanged: 0, settings });
    expect(await allSessions(elsewhere)).toEqual(await allSessions(store));
    // And back into the same device: nothing doubles.
    expect(await store.importBackup(text)).toMatchObject({ added: 0, unchanged: 2 });
  });

  it('exports the sessions as CSV for a spreadsheet', async () => {
    const store = await openStore([session(0, { rpe: 8 }), session(1)]);
    await showHistory(store);
    const files = captureDownloads();
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect.poll(() => files.length).toBe(1);
    expect(files[0]!.name).toMatch(/^aquajog-sessions-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await files[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = (await files[0]!.blob.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^date,start_time,workout,/);
    expect(lines[2]).toContain('Lactic acid 0');
  });

  it('draws the weekly totals and the pain ratings with summaries for screen readers', async () => {
    const now = new Date(2026, 10, 18, 12, 0).getTime(); // a Wednesday
    const on = (month: number, day: number, hour: number) => new Date(2026, month, day, hour, 0).getTime();
    const store = await openStore([
      session(0, { startedAt: on(10, 17, 7), activeSeconds: 3000 }),
      session(1, { startedAt: on(10, 12, 7), activeSeconds: 4800 }),
      session(2, { startedAt: on(10, 16, 8), kind: 'rehab', pain: 2, title: 'Fredericson strength', zoneSeconds: { work: 600 } }),
      session(3, { startedAt: on(10, 9, 8), kind: 'rehab', pain: 4, title: 'Fredericson strength', zoneSeconds: { work: 600 } }),
      // Before the eight weeks: in neither chart.
      session(4, { startedAt: on(8, 20, 8), kind: 'rehab', pain: 9 }),
    ]);
    await showHistory(store, { now: () => now });
    await expect.element(page.getByRole('heading', { level: 2, name: 'Last 8 weeks' })).toBeVisible();
    const firstWeek = dayText(on(8, 28, 0));
    await expect
      .element(page.getByRole('img', { name: 'Pool minutes per week', exact: false }))
      .toHaveAccessibleName(
        `Pool minutes per week, from the week of ${firstWeek} to this week: 0, 0, 0, 0, 0, 0, 80, 50. ` + 'Rehab sessions per week: 0, 0, 0, 0, 0, 0, 1, 1.',
      );
    await expect
      .element(page.getByRole('img', { name: /^Minutes in each zone per week/ }))
      .toHaveAccessibleName(
        `Minutes in each zone per week, from the week of ${firstWeek} to this week: 0, 0, 0, 0, 0, 0, 90, 90 in all. ` +
          'Minutes per zone over these weeks: Rest 36, Easy 76, Work 20, Sprint 48.',
      );
    await expect.element(page.getByRole('list', { name: 'Zones' })).toHaveTextContent(/Rest\s*36 min.*Easy\s*76 min.*Work\s*20 min.*Sprint\s*48 min/);
    await expect
      .element(page.getByRole('img', { name: /^Pain ratings/ }))
      .toHaveAccessibleName(`Pain ratings from 0 (no pain) to 10 (worst pain), 2 ratings: 4 on ${dayText(on(10, 9, 8))}, 2 on ${dayText(on(10, 16, 8))}.`);
  });

  it('fits a 320 px phone with sessions: the charts shrink to the column and nothing scrolls sideways', async () => {
    await page.viewport(320, 640);
    try {
      const store = await openStore(
        Array.from({ length: 12 }, (_, i) =>
          session(
            i,
            i % 3
              ? {
                  kind: 'rehab',
                  title: 'Fredericson strength',
                  pain: 2 + (i % 5),
                  note: 'Tight after the stairs; https://example.org/a-long-link-with-no-spaces-at-all',
                }
              : {},
          ),
        ),
      );
      // The app's page padding on a phone: 16 px each side.
      const frame = document.createElement('div');
      frame.style.cssText = 'padding-inline: 16px';
      document.body.style.margin = '0';
      document.body.append(frame);
      const el = document.createElement('aq-history-page');
      Object.assign(el, { store, settings: DEFAULT_SETTINGS, persistence: fakeStorage(false, 0, false).persistence });
      frame.append(el);
      await expect.element(page.getByRole('img', { name: /^Pain ratings/ })).toBeVisible();
      const svgs = () => [...el.renderRoot.querySelectorAll('aq-week-chart, aq-pain-chart')].flatMap((c) => [...c.shadowRoot!.querySelectorAll('svg')]);
      await expect.poll(() => svgs().map((s) => s.getAttribute('width'))).toEqual(['288', '288', '288']);
      await page.getByText('Weekly totals as a table').click();
      await page.getByText('Pain ratings as a table').click();
      await article('Fredericson strength').first().getByText('Details and edit').click();
      await expect.element(article('Fredericson strength').first().getByRole('button', { name: 'Delete session' })).toBeVisible();
      expect(document.documentElement.scrollWidth).toBe(320);
      for (const button of page
        .getByRole('button')
        .elements()
        .filter((b) => b.checkVisibility())) {
        expect(button.getBoundingClientRect().right, button.textContent ?? '').toBeLessThanOrEqual(320 - 16 + 0.5);
      }
    } finally {
      document.body.style.margin = '';
      await page.viewport(390, 844);
    }
  });

  it('says when there is nothing yet', async () => {
    const store = await openStore();
    await showHistory(store);
    await expect.element(page.getByText('No sessions yet. Finish or end a workout and it appears here.')).toBeVisible();
    await expect.element(page.getByRole('img')).not.toBeInTheDocument();
    // Import stays on offer, to restore a backup on a new phone.
    await expect.element(page.getByLabelText('Import backup')).toBeInTheDocument();
  });

  it('shows whether storage is kept and how much is used, and asks to keep it only when tapped', async () => {
    const store = await openStore([session(0)]);
    const { persistence, calls } = fakeStorage(false, 1.2 * 1024 * 1024, true);
    const el = await showHistory(store, { persistence });
    await expect.element(page.getByText('1.2 MB used')).toBeVisible();
    await expect.element(page.getByText(/^Not guaranteed/)).toBeVisible();
    await expect.element(page.getByText(/Safari especially/)).toBeVisible();
    expect(calls.persist).toBe(0);

    await page.getByRole('button', { name: 'Keep my data' }).click();
    await expect.element(page.getByText(/^Kept:/)).toBeVisible();
    expect(calls.persist).toBe(1);
    await expect.element(page.getByRole('button', { name: 'Keep my data' })).not.toBeInTheDocument();
    // The app can also ask after the first workout is saved.
    expect(await el.requestPersistence()).toBe(true);
  });

  it('explains a refusal to keep the data', async () => {
    const store = await openStore();
    const { persistence } = fakeStorage(false, 2048, false);
    await showHistory(store, { persistence });
    await page.getByRole('button', { name: 'Keep my data' }).click();
    await expect.element(page.getByText(/The browser said no for now/)).toBeVisible();
    await expect.element(page.getByText(/^Not guaranteed/)).toBeVisible();
  });

  it('deletes all data only after confirmation', async () => {
    const store = await openStore([session(0), session(1)]);
    await showHistory(store);
    await page.getByRole('button', { name: 'Delete all data' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete all data?' });
    await expect.element(dialog).toBeVisible();
    await expect.element(dialog).toHaveTextContent(/can't be undone/);
    await expect.element(dialog).toHaveTextContent(/export a backup first/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.element(dialog).not.toBeInTheDocument();
    expect(await store.countSessions()).toBe(2);

    await page.getByRole('button', { name: 'Delete all data' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete everything' }).click();
    await expect.element(page.getByText('No sessions yet. Finish or end a workout and it appears here.')).toBeVisible();
    await expect.element(page.getByRole('status').getByText('All sessions, programmes and your own workouts were deleted from this device.')).toBeVisible();
    expect(await store.countSessions()).toBe(0);
  });

  it('gives every button a tap target of at least --aq-tap-min', async () => {
    const store = await openStore(Array.from({ length: 21 }, (_, i) => session(i)));
    await showHistory(store);
    await expect.poll(() => articles().elements().length).toBe(20);
    const min = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--aq-tap-min')) * 16;
    // The file input is hidden behind its label, which is the tap target (checked below).
    const buttons = page
      .getByRole('button')
      .elements()
      .filter((b) => b.localName !== 'input' && (b as HTMLElement).offsetParent !== null);
    expect(buttons.length).toBeGreaterThan(3);
    for (const b of buttons) expect(b.getBoundingClientRect().height, b.textContent ?? '').toBeGreaterThanOrEqual(min - 0.5);
    expect(page.getByText('Import backup', { exact: true }).element().getBoundingClientRect().height).toBeGreaterThanOrEqual(min - 0.5);
  });
});
