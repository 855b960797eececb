/**
 * The one module that owns Aquajog's IndexedDB database.
 *
 * Versions (upgrades are cumulative `if (oldVersion < N)` steps, so a device
 * on any earlier version arrives at the current one with its data):
 *   1. `sessions` (by start time) and `checkpoint` (the run in progress).
 *   2. `workouts` (custom workouts) and a `by-workout` index on sessions.
 *   3. `programmes` (programmes followed day by day, one record each); checkpoints
 *      keyed by their run's id, so two tabs running two workouts never overwrite
 *      each other's (version 2 kept one, under `current`).
 *
 * Every record read back goes through its zod schema; a record that fails is
 * skipped and counted, never allowed to break a page.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Settings } from './settings';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupSchema,
  checkpointSchema,
  customWorkoutSchema,
  programmeRecordSchema,
  sessionSchema,
  type Backup,
  type Checkpoint,
  type CustomWorkout,
  type SessionRecord,
} from './schema';
import type { ProgrammeRecord } from '../programme/programme';

export const DB_NAME = 'aquajog';
export const DB_VERSION = 3;
/** Where version 2 kept its one checkpoint; moved to the run's id on upgrade. */
const LEGACY_CHECKPOINT_KEY = 'current';
/** Largest backup file accepted for import. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export interface AquajogSchema extends DBSchema {
  sessions: {
    key: string;
    value: SessionRecord;
    indexes: { 'by-start': number; 'by-workout': string };
  };
  checkpoint: { key: string; value: Checkpoint };
  workouts: { key: string; value: CustomWorkout; indexes: { 'by-updated': number } };
  programmes: { key: string; value: ProgrammeRecord };
}

export type DbEvent =
  /** Another tab opened a newer version: this connection closed so it could upgrade. */
  | 'blocking'
  /** This tab's upgrade waits for an older tab to close. */
  | 'blocked'
  /** The browser closed the connection (storage cleared, device low on space). */
  | 'terminated';

export interface OpenOptions {
  readonly name?: string;
  readonly onEvent?: (event: DbEvent) => void;
}

/** Upgrades from any earlier version. Exported for the upgrade tests. */
export function upgrade(
  db: IDBPDatabase<AquajogSchema>,
  oldVersion: number,
  tx: IDBPTransaction<AquajogSchema, ('sessions' | 'checkpoint' | 'workouts' | 'programmes')[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
    sessions.createIndex('by-start', 'startedAt');
    db.createObjectStore('checkpoint');
  }
  if (oldVersion < 2) {
    const workouts = db.createObjectStore('workouts', { keyPath: 'id' });
    workouts.createIndex('by-updated', 'updatedAt');
    tx.objectStore('sessions').createIndex('by-workout', 'workoutId');
  }
  if (oldVersion < 3) {
    db.createObjectStore('programmes', { keyPath: 'id' });
    if (oldVersion >= 1) {
      const checkpoints = tx.objectStore('checkpoint');
      void checkpoints.get(LEGACY_CHECKPOINT_KEY).then(async (legacy) => {
        if (!legacy) return;
        const parsed = checkpointSchema.safeParse(legacy);
        if (parsed.success) await checkpoints.put(parsed.data, parsed.data.sessionId);
        await checkpoints.delete(LEGACY_CHECKPOINT_KEY);
      });
    }
  }
}

export interface Page<T> {
  readonly items: T[];
  /** Pass as `before` for the next page; null on the last page. */
  readonly next: number | null;
  /** Records skipped because they failed validation. */
  readonly skipped: number;
}

export interface WeekTotals {
  /** Monday 00:00 local time, epoch ms. */
  readonly weekStart: number;
  readonly poolMinutes: number;
  readonly poolSessions: number;
  readonly rehabSessions: number;
  readonly zoneSeconds: Record<string, number>;
}

export interface PainPoint {
  readonly at: number;
  readonly pain: number;
  readonly title: string;
}

export interface ImportResult {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly workouts: number;
  readonly programmes: number;
  readonly settings: Settings | null;
}

/** A problem with a backup file, with a message for the person who chose it. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * For the writes that must survive a power cut the moment they resolve
 * (finishing a run, an import): flushed to disk before the transaction
 * completes. Checkpoints keep the browser's default (relaxed in Chromium), for
 * speed; `npm run bench -- storage` measures the difference.
 */
export const STRICT: IDBTransactionOptions = { durability: 'strict' };

/** Monday 00:00 (local time) of the week containing `t`. */
export function weekStartOf(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  const sinceMonday = (d.getDay() + 6) % 7;
  d.setDate(d.getDate() - sinceMonday);
  return d.getTime();
}

export class Store {
  private constructor(
    private _db: IDBPDatabase<AquajogSchema> | null,
    private readonly _open: () => Promise<IDBPDatabase<AquajogSchema>>,
  ) {}

  static async open(options: OpenOptions = {}): Promise<Store> {
    const name = options.name ?? DB_NAME;
    let store: Store | null = null;
    const open = () =>
      openDB<AquajogSchema>(name, DB_VERSION, {
        upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
        blocked: () => options.onEvent?.('blocked'),
        blocking: () => {
          // Let the newer version upgrade; this tab reopens (and is told to reload) on next use.
          store?._close();
          options.onEvent?.('blocking');
        },
        terminated: () => {
          store?._forget();
          options.onEvent?.('terminated');
        },
      });
    store = new Store(await open(), open);
    return store;
  }

  private _close(): void {
    this._db?.close();
    this._db = null;
  }

  private _forget(): void {
    this._db = null;
  }

  close(): void {
    this._close();
  }

  private async _conn(): Promise<IDBPDatabase<AquajogSchema>> {
    this._db ??= await this._open();
    return this._db;
  }

  // ---- sessions -------------------------------------------------------------

  /** Saves (or replaces, by id) a session. Validated first; throws on a quota error. */
  async saveSession(session: SessionRecord): Promise<void> {
    const record = sessionSchema.parse(session);
    await (await this._conn()).put('sessions', record);
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const raw = await (await this._conn()).get('sessions', id);
    const parsed = sessionSchema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  }

  /** Newest first, `limit` at a time, walking the start-time index: never loads everything. */
  async listSessions(options: { before?: number | null; limit?: number } = {}): Promise<Page<SessionRecord>> {
    const limit = options.limit ?? 20;
    const db = await this._conn();
    const range = options.before == null ? null : IDBKeyRange.upperBound(options.before, true);
    let cursor = await db.transaction('sessions').store.index('by-start').openCursor(range, 'prev');
    const items: SessionRecord[] = [];
    let skipped = 0;
    let last: number | null = null;
    while (cursor && items.length < limit) {
      const parsed = sessionSchema.safeParse(cursor.value);
      if (parsed.success) items.push(parsed.data);
      else skipped++;
      last = cursor.key;
      cursor = await cursor.continue();
    }
    // Sessions that share a start time would be skipped by a strict bound; they
    // can't share one in practice (each starts from its own tap), so the key suffices.
    return { items, next: cursor ? last : null, skipped };
  }

  async countSessions(): Promise<number> {
    return (await this._conn()).count('sessions');
  }

  /** Deletes a session and returns it, so the UI can offer Undo. */
  async deleteSession(id: string): Promise<SessionRecord | null> {
    const db = await this._conn();
    const tx = db.transaction('sessions', 'readwrite');
    const existing = await tx.store.get(id);
    await tx.store.delete(id);
    await tx.done;
    const parsed = sessionSchema.safeParse(existing);
    return parsed.success ? parsed.data : null;
  }

  /** Sessions that started in [from, to), oldest first (a programme's days). */
  async sessionsBetween(from: number, to: number): Promise<SessionRecord[]> {
    const raw = await (await this._conn()).getAllFromIndex('sessions', 'by-start', IDBKeyRange.bound(from, to, false, true));
    return raw.flatMap((r) => {
      const parsed = sessionSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Everything: sessions, the checkpoint, custom workouts and programmes. */
  async clearAll(): Promise<void> {
    const db = await this._conn();
    const tx = db.transaction(['sessions', 'checkpoint', 'workouts', 'programmes'], 'readwrite');
    await Promise.all([
      tx.objectStore('sessions').clear(),
      tx.objectStore('checkpoint').clear(),
      tx.objectStore('workouts').clear(),
      tx.objectStore('programmes').clear(),
      tx.done,
    ]);
  }

  // ---- programmes ----------------------------------------------------------------

  /** Saves a programme's record (validated first), durably: a check-off is a promise kept. */
  async saveProgramme(record: ProgrammeRecord): Promise<void> {
    const parsed = programmeRecordSchema.parse(record);
    const tx = (await this._conn()).transaction('programmes', 'readwrite', STRICT);
    await Promise.all([tx.store.put(parsed), tx.done]);
  }

  /** Every programme run on this device, oldest first; a damaged record is skipped. */
  async listProgrammes(): Promise<ProgrammeRecord[]> {
    const all = await (await this._conn()).getAll('programmes');
    return all
      .flatMap((r) => {
        const parsed = programmeRecordSchema.safeParse(r);
        return parsed.success ? [parsed.data] : [];
      })
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  // ---- the run in progress ----------------------------------------------------

  /** Saves a run's checkpoint under its own id: a run in another tab keeps its own. */
  async saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
    const parsed = checkpointSchema.parse(checkpoint);
    await (await this._conn()).put('checkpoint', parsed, parsed.sessionId);
  }

  /** Every run's checkpoint, newest first; a damaged one is skipped. */
  async loadCheckpoints(): Promise<Checkpoint[]> {
    const all = await (await this._conn()).getAll('checkpoint');
    return all
      .flatMap((raw) => {
        const parsed = checkpointSchema.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      })
      .sort((a, b) => b.savedAt - a.savedAt);
  }

  /** The newest checkpoint, or null. */
  async loadCheckpoint(): Promise<Checkpoint | null> {
    return (await this.loadCheckpoints())[0] ?? null;
  }

  /** Clears one run's checkpoint (another tab's stays), or every one when no run is named. */
  async clearCheckpoint(sessionId?: string): Promise<void> {
    const db = await this._conn();
    if (sessionId === undefined) await db.clear('checkpoint');
    else await db.delete('checkpoint', sessionId);
  }

  /**
   * Saves a finished or ended session and clears its checkpoint in one
   * transaction: either both happen or neither, so nothing is lost or doubled.
   * Strict durability: it is on disk before this resolves, so a phone that
   * loses power right after still has it.
   */
  async finishRun(session: SessionRecord): Promise<void> {
    const record = sessionSchema.parse(session);
    const db = await this._conn();
    const tx = db.transaction(['sessions', 'checkpoint'], 'readwrite', STRICT);
    const existing = await tx.objectStore('sessions').get(record.id);
    // A second tab finishing the same run must not overwrite notes added since.
    if (!existing || existing.updatedAt <= record.updatedAt) await tx.objectStore('sessions').put(record);
    await tx.objectStore('checkpoint').delete(record.id);
    await tx.done;
  }

  // ---- totals -------------------------------------------------------------------

  /** Totals for the last `weeks` weeks (oldest first), reading only their sessions. */
  async weeklyTotals(weeks: number, now = Date.now()): Promise<WeekTotals[]> {
    const first = weekStartOf(now) - (weeks - 1) * 7 * DAY_MS;
    const totals: WeekTotals[] = [];
    for (let w = 0; w < weeks; w++) {
      totals.push({ weekStart: weekStartOf(first + w * 7 * DAY_MS + DAY_MS), poolMinutes: 0, poolSessions: 0, rehabSessions: 0, zoneSeconds: {} });
    }
    const db = await this._conn();
    let cursor = await db.transaction('sessions').store.index('by-start').openCursor(IDBKeyRange.lowerBound(first));
    while (cursor) {
      const parsed = sessionSchema.safeParse(cursor.value);
      if (parsed.success) {
        const s = parsed.data;
        const w = totals.findIndex((t, i) => s.startedAt >= t.weekStart && (i === totals.length - 1 || s.startedAt < totals[i + 1]!.weekStart));
        const t = totals[w] as { -readonly [K in keyof WeekTotals]: WeekTotals[K] } | undefined;
        if (t) {
          if (s.kind === 'pool') {
            t.poolMinutes += s.activeSeconds / 60;
            t.poolSessions++;
          } else if (s.kind === 'rehab') t.rehabSessions++;
          for (const [zone, sec] of Object.entries(s.zoneSeconds)) t.zoneSeconds[zone] = (t.zoneSeconds[zone] ?? 0) + sec;
        }
      }
      cursor = await cursor.continue();
    }
    return totals;
  }

  /** Pain ratings of rehab sessions since `since`, oldest first. */
  async painTrend(since: number): Promise<PainPoint[]> {
    const db = await this._conn();
    const out: PainPoint[] = [];
    let cursor = await db.transaction('sessions').store.index('by-start').openCursor(IDBKeyRange.lowerBound(since));
    while (cursor) {
      const parsed = sessionSchema.safeParse(cursor.value);
      if (parsed.success && parsed.data.kind === 'rehab' && parsed.data.pain !== null)
        out.push({ at: parsed.data.startedAt, pain: parsed.data.pain, title: parsed.data.title });
      cursor = await cursor.continue();
    }
    return out;
  }

  // ---- custom workouts ------------------------------------------------------------

  async saveWorkout(workout: CustomWorkout): Promise<void> {
    await (await this._conn()).put('workouts', customWorkoutSchema.parse(workout));
  }

  async listWorkouts(): Promise<CustomWorkout[]> {
    const all = await (await this._conn()).getAllFromIndex('workouts', 'by-updated');
    return all.flatMap((w) => {
      const parsed = customWorkoutSchema.safeParse(w);
      return parsed.success ? [parsed.data] : [];
    });
  }

  async getWorkout(id: string): Promise<CustomWorkout | null> {
    const parsed = customWorkoutSchema.safeParse(await (await this._conn()).get('workouts', id));
    return parsed.success ? parsed.data : null;
  }

  /** Deletes one custom workout; returns it (for Undo), or null if there was none. */
  async deleteWorkout(id: string): Promise<CustomWorkout | null> {
    const db = await this._conn();
    const tx = db.transaction('workouts', 'readwrite', STRICT);
    const parsed = customWorkoutSchema.safeParse(await tx.store.get(id));
    await tx.store.delete(id);
    await tx.done;
    return parsed.success ? parsed.data : null;
  }

  // ---- export and import -------------------------------------------------------------

  /** Everything as one backup document (sessions oldest first). */
  async exportAll(settings: Settings | null): Promise<Backup> {
    const db = await this._conn();
    const tx = db.transaction(['sessions', 'workouts', 'programmes']);
    // One request for all of them (a cursor costs a round trip per record), every store at once.
    const [stored, storedWorkouts, storedProgrammes] = await Promise.all([
      tx.objectStore('sessions').index('by-start').getAll(),
      tx.objectStore('workouts').getAll(),
      tx.objectStore('programmes').getAll(),
    ]);
    const sessions: SessionRecord[] = [];
    for (const raw of stored) {
      const parsed = sessionSchema.safeParse(raw);
      if (parsed.success) sessions.push(parsed.data);
    }
    const workouts = storedWorkouts.flatMap((w) => {
      const parsed = customWorkoutSchema.safeParse(w);
      return parsed.success ? [parsed.data] : [];
    });
    const programmes = storedProgrammes.flatMap((p) => {
      const parsed = programmeRecordSchema.safeParse(p);
      return parsed.success ? [parsed.data] : [];
    });
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: Date.now(), sessions, workouts, settings, programmes };
  }

  /**
   * Imports a backup file's text: validated whole first, then merged by id in
   * one transaction (the newer copy of a record wins). A corrupt, foreign or
   * oversized file throws an ImportError and changes nothing.
   */
  async importBackup(text: string): Promise<ImportResult> {
    const backup = parseBackup(text);
    const db = await this._conn();
    const tx = db.transaction(['sessions', 'workouts', 'programmes'], 'readwrite', STRICT);
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const sessions = tx.objectStore('sessions');
    // Every read is issued at once, then every write: the requests pipeline in
    // the one transaction instead of waiting a round trip each.
    const existing = await Promise.all(backup.sessions.map((s) => sessions.get(s.id)));
    const writes: Promise<unknown>[] = [];
    backup.sessions.forEach((s, i) => {
      const old = existing[i];
      if (!old) {
        writes.push(sessions.put(s));
        added++;
      } else if (old.updatedAt < s.updatedAt) {
        writes.push(sessions.put(s));
        updated++;
      } else unchanged++;
    });
    const workouts = tx.objectStore('workouts');
    const existingWorkouts = await Promise.all(backup.workouts.map((w) => workouts.get(w.id)));
    backup.workouts.forEach((w, i) => {
      const old = existingWorkouts[i];
      if (!old || old.updatedAt < w.updatedAt) writes.push(workouts.put(w));
    });
    const programmes = tx.objectStore('programmes');
    const incoming = backup.programmes ?? [];
    const existingProgrammes = await Promise.all(incoming.map((p) => programmes.get(p.id)));
    incoming.forEach((p, i) => {
      const old = existingProgrammes[i];
      if (!old) writes.push(programmes.put(p));
      else {
        // The same programme followed on two devices: the newer copy's weeks and status, and every check-off and check-in of both.
        const [newer, older] = old.updatedAt < p.updatedAt ? [p, old] : [old, p];
        const union = <T extends { id: string }>(a: readonly T[], b: readonly T[]) => [...a, ...b.filter((x) => !a.some((y) => y.id === x.id))];
        const merged = { ...newer, marks: union(newer.marks, older.marks), checkIns: union(newer.checkIns, older.checkIns) };
        if (merged.marks.length !== old.marks.length || merged.checkIns.length !== old.checkIns.length || newer === p) writes.push(programmes.put(merged));
      }
    });
    await Promise.all([...writes, tx.done]);
    return { added, updated, unchanged, workouts: backup.workouts.length, programmes: incoming.length, settings: backup.settings };
  }
}

/** Reads and validates a backup file's text; throws ImportError with a clear message. */
export function parseBackup(text: string): Backup {
  if (text.length > MAX_BACKUP_BYTES) {
    throw new ImportError(`This file is too large to be an Aquajog backup (over ${MAX_BACKUP_BYTES / 1024 / 1024} MB). Nothing was changed.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const where = /position (\d+)/.exec(String(e))?.[1];
    throw new ImportError(`This file is not valid JSON${where ? ` (near character ${where})` : ''}: it may be damaged. Nothing was changed.`);
  }
  if (!json || typeof json !== 'object' || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new ImportError('This is not an Aquajog backup file. Nothing was changed.');
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    throw new ImportError(
      `This backup was made by a newer version of Aquajog (backup format ${version}; this app reads format ${BACKUP_VERSION}). Update the app first (reload it while online, then accept the update), then import again. Nothing was changed.`,
    );
  }
  if (version !== BACKUP_VERSION && version !== 1) {
    throw new ImportError(
      `This backup is from a different version of Aquajog (format ${String((json as { version?: unknown }).version)}). Nothing was changed.`,
    );
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') : '';
    throw new ImportError(
      `This backup is damaged: ${path.replace(/^\./, '') || 'the file'} ${issue ? `is not valid (${issue.message})` : 'is not valid'}. Nothing was changed.`,
    );
  }
  const ids = new Set<string>();
  for (const s of parsed.data.sessions) {
    if (ids.has(s.id)) throw new ImportError(`This backup lists session ${s.id} twice. Nothing was changed.`);
    ids.add(s.id);
  }
  return parsed.data;
}

/** CSV of sessions for a spreadsheet: one row each, RFC 4180 quoting. */
export function sessionsCsv(sessions: readonly SessionRecord[]): string {
  const zones = [...new Set(sessions.flatMap((s) => Object.keys(s.zoneSeconds)))].sort();
  const header = [
    'date',
    'start_time',
    'workout',
    'kind',
    'planned_min',
    'actual_min',
    'completed',
    'ended_at_interval',
    'rpe',
    'pain',
    'note',
    ...zones.map((z) => `${z}_min`),
  ];
  const q = (v: string | number | null | boolean) => {
    const text = v === null ? '' : String(v);
    // Leading = + - @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const rows = sessions.map((s) => {
    const d = new Date(s.startedAt);
    return [
      `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
      `${pad(d.getHours())}:${pad(d.getMinutes())}`,
      s.title,
      s.kind,
      (s.plannedSeconds / 60).toFixed(1),
      (s.activeSeconds / 60).toFixed(1),
      s.completed,
      s.endedAtInterval,
      s.rpe,
      s.pain,
      s.note,
      ...zones.map((z) => ((s.zoneSeconds[z] ?? 0) / 60).toFixed(1)),
    ]
      .map(q)
      .join(',');
  });
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}
