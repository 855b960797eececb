import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/app/shared/settings';
import { DB_VERSION, ImportError, MAX_BACKUP_BYTES, sessionsCsv, Store, weekStartOf, type DbEvent } from '../../src/storage/db';
import type { ProgrammeRecord } from '../../src/programme/programme';
import { BACKUP_FORMAT, type SessionRecord } from '../../src/storage/schema';

let n = 0;
const stores: Store[] = [];
async function fresh(onEvent?: (e: DbEvent) => void): Promise<{ store: Store; name: string }> {
  const name = `aquajog-test-${++n}`;
  const store = await Store.open(onEvent ? { name, onEvent } : { name });
  stores.push(store);
  return { store, name };
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const DAY = 24 * 3600 * 1000;

function programme(id: string, patch: Partial<ProgrammeRecord> = {}): ProgrammeRecord {
  return {
    id,
    name: 'Fredericson',
    weeks: 6,
    start: '2026-11-30',
    status: 'active',
    segments: [{ from: '2026-11-30', week: 1, offset: 0 }],
    pauses: [],
    ended: null,
    marks: [],
    checkIns: [],
    askPain: true,
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  };
}
const T0 = new Date(2026, 10, 2, 7, 30).getTime(); // a Monday morning, local time

function session(i: number, patch: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: `s${i}`,
    workoutId: 'lactic-acid',
    title: 'Lactic acid',
    kind: 'pool',
    source: '# Lactic acid\n12x\n  2m sprint\n',
    choices: {},
    week: null,
    startedAt: T0 + i * 60_000,
    endedAt: T0 + i * 60_000 + 4_800_000,
    plannedSeconds: 4800,
    activeSeconds: 4800,
    completed: true,
    endedAtInterval: null,
    intervalCount: 38,
    zoneSeconds: { easy: 2280, sprint: 1440, rest: 1080 },
    rpe: null,
    pain: null,
    note: '',
    updatedAt: T0 + i * 60_000 + 4_800_000,
    ...patch,
  };
}

/** Every record in every store, as raw JSON: "byte for byte" for the rollback test. */
async function dump(name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const out: Record<string, unknown> = {};
  for (const storeName of [...db.objectStoreNames]) {
    out[storeName] = await new Promise((resolve) => {
      const req = db.transaction(storeName).objectStore(storeName).getAll();
      req.onsuccess = () => resolve(req.result);
    });
  }
  db.close();
  return JSON.stringify(out);
}

describe('sessions', () => {
  it('saves, reads back and lists newest first, a page at a time by index', async () => {
    const { store } = await fresh();
    for (let i = 0; i < 45; i++) await store.saveSession(session(i));
    const first = await store.listSessions({ limit: 20 });
    expect(first.items.map((s) => s.id)).toEqual(Array.from({ length: 20 }, (_, k) => `s${44 - k}`));
    const second = await store.listSessions({ before: first.next, limit: 20 });
    expect(second.items[0]!.id).toBe('s24');
    const third = await store.listSessions({ before: second.next, limit: 20 });
    expect(third.items.map((s) => s.id)).toEqual(['s4', 's3', 's2', 's1', 's0']);
    expect(third.next).toBeNull();
    expect(await store.countSessions()).toBe(45);
  });

  it('refuses to save an invalid session', async () => {
    const { store } = await fresh();
    await expect(store.saveSession(session(1, { rpe: 11 }))).rejects.toThrow();
    expect(await store.countSessions()).toBe(0);
  });

  it('skips a corrupt record instead of failing the page', async () => {
    const { store, name } = await fresh();
    await store.saveSession(session(1));
    store.close();
    const db = await new Promise<IDBDatabase>((r) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => r(req.result);
    });
    await new Promise((r) => {
      const tx = db.transaction('sessions', 'readwrite');
      tx.objectStore('sessions').put({ id: 'bad', startedAt: T0 + 999_999, workoutId: 'x', title: 42 });
      tx.oncomplete = r;
    });
    db.close();
    const again = await Store.open({ name });
    stores.push(again);
    const page = await again.listSessions();
    expect(page.items.map((s) => s.id)).toEqual(['s1']);
    expect(page.skipped).toBe(1);
    expect(await again.getSession('bad')).toBeNull();
  });

  it('deletes a session and hands it back for Undo', async () => {
    const { store } = await fresh();
    await store.saveSession(session(1));
    const deleted = await store.deleteSession('s1');
    expect(await store.getSession('s1')).toBeNull();
    await store.saveSession(deleted!);
    expect(await store.getSession('s1')).toEqual(session(1));
  });

  it('deletes everything', async () => {
    const { store } = await fresh();
    await store.saveSession(session(1));
    await store.saveCheckpoint({ sessionId: 'run', workoutId: 'w', title: 'W', source: '# W\n1m', choices: {}, week: null, events: [], index: 0, savedAt: T0 });
    await store.saveWorkout({ id: 'w1', title: 'Mine', source: '# Mine\n1m', createdAt: T0, updatedAt: T0 });
    await store.clearAll();
    expect(await store.countSessions()).toBe(0);
    expect(await store.loadCheckpoint()).toBeNull();
    expect(await store.listWorkouts()).toEqual([]);
  });
});

describe('the run in progress', () => {
  const checkpoint = {
    sessionId: 'run-1',
    workoutId: 'lactic-acid',
    title: 'Lactic acid',
    source: '# L\n1m',
    choices: { '6': 12 },
    week: null,
    events: [{ type: 'start' as const, at: T0 }],
    index: 3,
    savedAt: T0,
  };

  it('keeps a checkpoint and clears it only for its own run', async () => {
    const { store } = await fresh();
    await store.saveCheckpoint(checkpoint);
    expect(await store.loadCheckpoint()).toEqual(checkpoint);
    await store.clearCheckpoint('another-run');
    expect(await store.loadCheckpoint()).not.toBeNull();
    await store.clearCheckpoint('run-1');
    expect(await store.loadCheckpoint()).toBeNull();
  });

  it('keeps each run its own checkpoint: two tabs never overwrite each other, and finishing one leaves the other', async () => {
    const { store } = await fresh();
    const other = { ...checkpoint, sessionId: 'run-2', workoutId: 'pyramid', savedAt: T0 + 5000 };
    await store.saveCheckpoint(checkpoint);
    await store.saveCheckpoint(other);
    await store.saveCheckpoint({ ...checkpoint, index: 4, savedAt: T0 + 6000 });
    expect((await store.loadCheckpoints()).map((c) => [c.sessionId, c.index])).toEqual([
      ['run-1', 4],
      ['run-2', 3],
    ]);
    await store.finishRun(session(1, { id: 'run-1' }));
    expect((await store.loadCheckpoints()).map((c) => c.sessionId)).toEqual(['run-2']);
    await store.clearCheckpoint();
    expect(await store.loadCheckpoints()).toEqual([]);
  });

  it('saves the finished session and clears its checkpoint together; a second finish does not double it', async () => {
    const { store } = await fresh();
    await store.saveCheckpoint(checkpoint);
    const done = session(1, { id: 'run-1' });
    await store.finishRun(done);
    // The athlete adds a note; then a second tab finishes the same run late.
    await store.saveSession({ ...done, note: 'Felt strong', updatedAt: done.updatedAt + 1000 });
    await store.finishRun(done);
    expect(await store.countSessions()).toBe(1);
    expect((await store.getSession('run-1'))!.note).toBe('Felt strong');
    expect(await store.loadCheckpoint()).toBeNull();
  });

  it('commits finishing a run, imports and programme changes with strict durability; checkpoints stay relaxed', async () => {
    const { store } = await fresh();
    const asked: { stores: string; durability: string | undefined }[] = [];
    const real = IDBDatabase.prototype.transaction;
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, names, mode, options) {
      if (mode === 'readwrite') asked.push({ stores: [names].flat().join('+'), durability: options?.durability });
      return real.call(this, names, mode, options);
    });
    try {
      await store.saveCheckpoint(checkpoint);
      await store.finishRun(session(1, { id: 'run-1' }));
      const backup = await store.exportAll(null);
      await store.importBackup(JSON.stringify({ ...backup, sessions: [session(2)] }));
      await store.saveProgramme(programme('p1'));
    } finally {
      spy.mockRestore();
    }
    expect(asked).toEqual([
      { stores: 'checkpoint', durability: undefined },
      { stores: 'sessions+checkpoint', durability: 'strict' },
      { stores: 'sessions+workouts+programmes', durability: 'strict' },
      { stores: 'programmes', durability: 'strict' },
    ]);
  });
});

describe('weekly totals and pain', () => {
  it('adds up pool minutes, rehab sessions and zones per week, reading only those weeks', async () => {
    const { store } = await fresh();
    await store.saveSession(session(1, { startedAt: T0 - 14 * DAY })); // outside the window
    await store.saveSession(session(2, { startedAt: T0 + DAY }));
    await store.saveSession(session(3, { startedAt: T0 + 2 * DAY, activeSeconds: 1800, zoneSeconds: { easy: 1800 } }));
    await store.saveSession(session(4, { kind: 'rehab', startedAt: T0 + 3 * DAY, activeSeconds: 300, zoneSeconds: { work: 300 }, pain: 3 }));
    await store.saveSession(session(5, { kind: 'rehab', startedAt: T0 - 6 * DAY, zoneSeconds: { work: 200 }, pain: 5 }));
    const weeks = await store.weeklyTotals(2, T0 + 4 * DAY);
    expect(weeks.map((w) => w.weekStart)).toEqual([weekStartOf(T0 - 7 * DAY), weekStartOf(T0)]);
    expect(weeks[0]).toMatchObject({ poolMinutes: 0, rehabSessions: 1, zoneSeconds: { work: 200 } });
    expect(weeks[1]).toMatchObject({
      poolMinutes: 80 + 30,
      poolSessions: 2,
      rehabSessions: 1,
      zoneSeconds: { easy: 2280 + 1800, sprint: 1440, rest: 1080, work: 300 },
    });
    expect((await store.painTrend(T0 - 30 * DAY)).map((p) => p.pain)).toEqual([5, 3]);
  });

  it('starts weeks on Monday, local time', () => {
    const sunday = new Date(2026, 10, 8, 23, 0).getTime();
    expect(new Date(weekStartOf(sunday)).getDay()).toBe(1);
    expect(new Date(weekStartOf(sunday)).getDate()).toBe(2);
  });
});

describe('programmes', () => {
  it('saves durably, lists oldest first, skips a damaged record and refuses an invalid one', async () => {
    const { store, name } = await fresh();
    await store.saveProgramme(programme('b', { createdAt: T0 + 1 }));
    await store.saveProgramme(programme('a'));
    await expect(store.saveProgramme(programme('c', { start: '30/11/2026' }))).rejects.toThrow();
    const raw = await new Promise<IDBDatabase>((r) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => r(req.result);
    });
    await new Promise<void>((r) => {
      const tx = raw.transaction('programmes', 'readwrite');
      tx.objectStore('programmes').put({ id: 'broken', name: 7 });
      tx.oncomplete = () => r();
    });
    raw.close();
    expect((await store.listProgrammes()).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('are in the backup, merged by the newer copy, and cleared with everything', async () => {
    const a = await fresh();
    await a.store.saveProgramme(programme('p1', { marks: [{ id: 'm1', workoutId: 'fredericson-strength', day: '2026-11-30', at: T0 }], updatedAt: T0 + 5 }));
    const backup = await a.store.exportAll(null);
    expect(backup.programmes).toHaveLength(1);
    const b = await fresh();
    await b.store.saveProgramme(programme('p1', { updatedAt: T0 + 1 }));
    expect(await b.store.importBackup(JSON.stringify(backup))).toMatchObject({ programmes: 1 });
    expect((await b.store.listProgrammes())[0]!.marks).toHaveLength(1);
    // An older copy never overwrites a newer one.
    await b.store.importBackup(JSON.stringify({ ...backup, programmes: [programme('p1', { updatedAt: T0 })] }));
    expect((await b.store.listProgrammes())[0]!.marks).toHaveLength(1);
    // Followed on two devices: each one's check-offs and check-ins are kept, the newer copy's weeks win.
    const pain = { id: 'c1', day: '2026-11-30', at: T0, moment: 'before' as const, pain: 2, workoutId: null };
    await b.store.importBackup(
      JSON.stringify({
        ...backup,
        programmes: [
          programme('p1', { updatedAt: T0 + 9, status: 'paused', marks: [{ id: 'm2', workoutId: 'icing', day: '2026-12-01', at: T0 + 9 }], checkIns: [pain] }),
        ],
      }),
    );
    const [merged] = await b.store.listProgrammes();
    expect(merged!.status).toBe('paused');
    expect(merged!.marks.map((m) => m.id).sort()).toEqual(['m1', 'm2']);
    expect(merged!.checkIns).toEqual([pain]);
    await b.store.clearAll();
    expect(await b.store.listProgrammes()).toEqual([]);
  });

  it('imports a format 1 backup, which has no programmes', async () => {
    const { store } = await fresh();
    const v1 = { format: BACKUP_FORMAT, version: 1, exportedAt: T0, sessions: [session(1)], workouts: [], settings: null };
    expect(await store.importBackup(JSON.stringify(v1))).toMatchObject({ added: 1, programmes: 0 });
  });

  it('reads settings from a backup written before the music choice existed as cues first, and refuses a wrong one', async () => {
    const { store } = await fresh();
    const { mixWithMusic: _, ...older } = DEFAULT_SETTINGS;
    const v1 = { format: BACKUP_FORMAT, version: 1, exportedAt: T0, sessions: [], workouts: [], settings: { ...older, volume: 0.4 } };
    expect((await store.importBackup(JSON.stringify(v1))).settings).toEqual({ ...DEFAULT_SETTINGS, volume: 0.4, mixWithMusic: false });
    const wrong = { ...v1, settings: { ...older, mixWithMusic: 'yes' } };
    await expect(store.importBackup(JSON.stringify(wrong))).rejects.toThrow(ImportError);
  });

  it('rejects a backup whose programme is damaged, naming where, and changes nothing', async () => {
    const { store } = await fresh();
    const bad = {
      format: BACKUP_FORMAT,
      version: 2,
      exportedAt: T0,
      sessions: [session(1)],
      workouts: [],
      settings: null,
      programmes: [programme('p', { segments: [] })],
    };
    await expect(store.importBackup(JSON.stringify(bad))).rejects.toThrow(/programmes\[0\]\.segments/);
    expect(await store.countSessions()).toBe(0);
  });
});

describe('export and import', () => {
  it('round-trips everything through one file', async () => {
    const a = await fresh();
    for (let i = 0; i < 5; i++) await a.store.saveSession(session(i));
    await a.store.saveWorkout({ id: 'w1', title: 'Mine', source: '# Mine\n1m', createdAt: T0, updatedAt: T0 });
    const backup = await a.store.exportAll({ ...DEFAULT_SETTINGS, hrMax: 185 });
    const text = JSON.stringify(backup);
    const b = await fresh();
    const result = await b.store.importBackup(text);
    expect(result).toMatchObject({ added: 5, updated: 0, unchanged: 0, workouts: 1 });
    expect(result.settings?.hrMax).toBe(185);
    expect((await b.store.exportAll(null)).sessions).toEqual(backup.sessions);
  });

  it('merges by id without duplicates; the newer copy wins', async () => {
    const { store } = await fresh();
    await store.saveSession(session(1));
    await store.saveSession(session(2, { note: 'mine, newer', updatedAt: T0 + 10 * DAY }));
    const backup = await store.exportAll(null);
    backup.sessions = [session(1, { note: 'edited elsewhere', updatedAt: T0 + 20 * DAY }), session(2, { note: 'older', updatedAt: T0 }), session(3)];
    const result = await store.importBackup(JSON.stringify(backup));
    expect(result).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(await store.countSessions()).toBe(3);
    expect((await store.getSession('s1'))!.note).toBe('edited elsewhere');
    expect((await store.getSession('s2'))!.note).toBe('mine, newer');
    // Importing the same file again changes nothing.
    expect(await store.importBackup(JSON.stringify(backup))).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
  });

  const bad: [string, string | (() => string), RegExp][] = [
    ['corrupt JSON', '{"format": "aquajog-backup", "sessions": [', /not valid JSON/],
    ['a foreign file', JSON.stringify({ type: 'FeatureCollection', features: [] }), /not an Aquajog backup/],
    ['an unknown older version', JSON.stringify({ format: BACKUP_FORMAT, version: 0 }), /different version/],
    [
      'a newer version',
      JSON.stringify({ format: BACKUP_FORMAT, version: 99 }),
      /made by a newer version of Aquajog \(backup format 99; this app reads format 2\)\. Update the app first/,
    ],
    [
      'a damaged record',
      () =>
        JSON.stringify({
          format: BACKUP_FORMAT,
          version: 1,
          exportedAt: T0,
          sessions: [session(7), { ...session(8), rpe: 'hard' }],
          workouts: [],
          settings: null,
        }),
      /sessions\[1\]\.rpe/,
    ],
    [
      'duplicate ids',
      () => JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: T0, sessions: [session(7), session(7)], workouts: [], settings: null }),
      /twice/,
    ],
    ['an oversized file', () => ' '.repeat(MAX_BACKUP_BYTES + 1), /too large/],
  ];

  it.each(bad)('refuses %s with a clear message and changes nothing, byte for byte', async (_name, input, message) => {
    const { store, name } = await fresh();
    for (let i = 0; i < 3; i++) await store.saveSession(session(i));
    const before = await dump(name);
    const text = typeof input === 'function' ? input() : input;
    const error = await store.importBackup(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/Nothing was changed\.$/);
    expect(await dump(name)).toBe(before);
  });

  it('writes a CSV a spreadsheet reads safely', () => {
    const csv = sessionsCsv([session(1, { note: 'Knee, "ok"\nthen sore', rpe: 7 }), session(2, { title: '=HYPERLINK("x")' })]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('date,start_time,workout,kind,planned_min,actual_min,completed,ended_at_interval,rpe,pain,note,easy_min,rest_min,sprint_min');
    expect(csv).toContain('"Knee, ""ok""\nthen sore"');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toMatch(/^2026-11-02,07:31,Lactic acid,pool,80\.0,80\.0,true,,7,,/);
  });
});

describe('schema versions', () => {
  it(`upgrades a version 1 database with its data to version ${DB_VERSION}`, async () => {
    const name = `aquajog-v1-${++n}`;
    // Version 1 as it shipped: sessions by start time, and the checkpoint.
    await new Promise<void>((resolve) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('by-start', 'startedAt');
        db.createObjectStore('checkpoint');
        req.transaction!.objectStore('sessions').put(session(1));
        req.transaction!.objectStore('sessions').put(session(2, { workoutId: 'pyramid' }));
        req
          .transaction!.objectStore('checkpoint')
          .put({ sessionId: 'r', workoutId: 'w', title: 'W', source: '# W\n1m', choices: {}, week: null, events: [], index: 0, savedAt: T0 }, 'current');
      };
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
    });
    const store = await Store.open({ name });
    stores.push(store);
    expect(await store.countSessions()).toBe(2);
    expect((await store.loadCheckpoint())!.sessionId).toBe('r');
    await store.saveWorkout({ id: 'w1', title: 'Mine', source: '# Mine\n1m', createdAt: T0, updatedAt: T0 });
    expect(await store.listWorkouts()).toHaveLength(1);
    const db = await new Promise<IDBDatabase>((r) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => r(req.result);
    });
    expect(db.version).toBe(DB_VERSION);
    const byWorkout = await new Promise<unknown[]>((r) => {
      const req = db.transaction('sessions').objectStore('sessions').index('by-workout').getAll('pyramid');
      req.onsuccess = () => r(req.result);
    });
    expect(byWorkout).toHaveLength(1);
    db.close();
    // Version 2's one checkpoint (under "current") now sits under its run's id.
    expect(await store.loadCheckpoints()).toEqual([expect.objectContaining({ sessionId: 'r' })]);
    await store.clearCheckpoint('r');
    expect(await store.loadCheckpoints()).toEqual([]);
    // Version 3's programmes store is there too.
    await store.saveProgramme(programme('p1'));
    expect((await store.listProgrammes()).map((p) => p.id)).toEqual(['p1']);
  });

  it('gives way to a newer version opened in another tab instead of wedging it', async () => {
    const events: DbEvent[] = [];
    const { store, name } = await fresh((e) => events.push(e));
    await store.saveSession(session(1));
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, DB_VERSION + 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(events).toContain('blocking');
    newer.close();
  });
});
