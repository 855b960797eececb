/**
 * Bench page (served by Vite's dev server, driven by bench/storage.ts): the
 * app's own Store (src/storage/db.ts) on Chromium's IndexedDB. Seeds a database
 * in one bulk transaction, then times what History does with it: the first
 * page of sessions, the count, the weekly totals and pain trend of the charts,
 * a full export (JSON) and the CSV, and an import of that export.
 */
import { DEFAULT_SETTINGS } from '../../src/app/shared/settings';
import { DB_NAME, sessionsCsv, Store, weekStartOf } from '../../src/storage/db';
import type { SessionRecord } from '../../src/storage/schema';

/** The charts' span (src/app/history/aq-history-page.ts CHART_WEEKS). */
const CHART_WEEKS = 8;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export interface SeedResult {
  readonly records: number;
  /** JSON.parse of the records handed over from Node (not part of the seeding). */
  readonly parseMs: number;
  /** Store.open: creating the database (upgrade from nothing to the current version). */
  readonly openMs: number;
  /** One readwrite transaction: a put per record, until `complete`. */
  readonly putMs: number;
  readonly count: number;
}

/** Deletes `name`, creates it through the app's Store, and puts every record in one transaction. */
async function seed(json: string, name: string = DB_NAME): Promise<SeedResult> {
  const t0 = performance.now();
  const records = JSON.parse(json) as SessionRecord[];
  const parseMs = performance.now() - t0;
  await request(indexedDB.deleteDatabase(name));
  const t1 = performance.now();
  const store = await Store.open({ name });
  const openMs = performance.now() - t1;
  store.close();
  const db = await request(indexedDB.open(name));
  const t2 = performance.now();
  const tx = db.transaction('sessions', 'readwrite');
  const os = tx.objectStore('sessions');
  for (const r of records) os.put(r);
  await done(tx);
  const putMs = performance.now() - t2;
  db.close();
  const check = await Store.open({ name });
  const count = await check.countSessions();
  check.close();
  return { records: records.length, parseMs, openMs, putMs, count };
}

export interface Samples {
  /** Store.open on the existing database, then its first listSessions({limit: 20}). */
  openFirstPage: number[];
  /** listSessions({limit: 20}) on an open Store. */
  firstPage: number[];
  /** The next page (before: first.next). */
  secondPage: number[];
  count: number[];
  weeklyTotals: number[];
  painTrend: number[];
  /** What History waits for before it shows the list: page + count, then totals and pain trend. */
  historyLoad: number[];
  exportAll: number[];
  stringify: number[];
  csv: number[];
}

export interface Measured {
  readonly samples: Samples;
  readonly firstPageItems: number;
  readonly weeksWithSessions: number;
  readonly sessionsInCharts: number;
  readonly painPoints: number;
  readonly exported: number;
  readonly jsonBytes: number;
  readonly csvBytes: number;
  readonly csvRows: number;
}

const utf8Bytes = (text: string) => new Blob([text]).size;

/** `warmup` untimed rounds, then `runs` timed ones of every operation. `now` is the charts' "today". */
async function measure(runs: number, warmup: number, now: number, exportRuns: number, name: string = DB_NAME): Promise<Measured> {
  const samples: Samples = {
    openFirstPage: [],
    firstPage: [],
    secondPage: [],
    count: [],
    weeklyTotals: [],
    painTrend: [],
    historyLoad: [],
    exportAll: [],
    stringify: [],
    csv: [],
  };
  const from = weekStartOf(now) - (CHART_WEEKS - 1) * 7 * 24 * 3600 * 1000;
  let store = await Store.open({ name });
  let firstPageItems = 0;
  let weeksWithSessions = 0;
  let sessionsInCharts = 0;
  let painPoints = 0;
  const lap = async <T>(into: number[] | null, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await f();
    into?.push(performance.now() - t0);
    return out;
  };
  for (let i = 0; i < warmup + runs; i++) {
    const timed = i >= warmup;
    const at = <K extends keyof Samples>(k: K) => (timed ? samples[k] : null);
    store.close();
    const t0 = performance.now();
    store = await Store.open({ name });
    await store.listSessions({ limit: 20 });
    if (timed) samples.openFirstPage.push(performance.now() - t0);
    const first = await lap(at('firstPage'), () => store.listSessions({ limit: 20 }));
    firstPageItems = first.items.length;
    await lap(at('secondPage'), () => store.listSessions({ before: first.next, limit: 20 }));
    await lap(at('count'), () => store.countSessions());
    const weeks = await lap(at('weeklyTotals'), () => store.weeklyTotals(CHART_WEEKS, now));
    weeksWithSessions = weeks.filter((w) => w.poolSessions + w.rehabSessions > 0).length;
    sessionsInCharts = weeks.reduce((a, w) => a + w.poolSessions + w.rehabSessions, 0);
    painPoints = (await lap(at('painTrend'), () => store.painTrend(from))).length;
    // As AqHistoryPage._reload does it.
    await lap(at('historyLoad'), async () => {
      await Promise.all([store.listSessions({ limit: 20 }), store.countSessions()]);
      const w = await store.weeklyTotals(CHART_WEEKS, now);
      await store.painTrend(w[0]?.weekStart ?? from);
    });
  }
  let exported = 0;
  let jsonBytes = 0;
  let csvBytes = 0;
  let csvRows = 0;
  // Fewer rounds: each reads and validates every session.
  for (let i = 0; i < 1 + exportRuns; i++) {
    const timed = i >= 1;
    const backup = await lap(timed ? samples.exportAll : null, () => store.exportAll(DEFAULT_SETTINGS));
    let t0 = performance.now();
    const json = JSON.stringify(backup);
    if (timed) samples.stringify.push(performance.now() - t0);
    t0 = performance.now();
    const csv = sessionsCsv(backup.sessions);
    if (timed) samples.csv.push(performance.now() - t0);
    exported = backup.sessions.length;
    jsonBytes = utf8Bytes(json);
    // As the page saves it: a byte-order mark, then the CSV.
    csvBytes = utf8Bytes('\uFEFF' + csv);
    csvRows = csv.split('\r\n').length - 2;
  }
  store.close();
  return { samples, firstPageItems, weeksWithSessions, sessionsInCharts, painPoints, exported, jsonBytes, csvBytes, csvRows };
}

export interface ImportTiming {
  readonly ms: number;
  readonly added: number;
  readonly textBytes: number;
}

/** Exports `from` and imports the text into a fresh database (the whole backup checked by zod, merged in one transaction). */
async function importTiming(runs: number, from: string = DB_NAME): Promise<ImportTiming[]> {
  const source = await Store.open({ name: from });
  const text = JSON.stringify(await source.exportAll(DEFAULT_SETTINGS));
  source.close();
  const out: ImportTiming[] = [];
  for (let i = 0; i < runs; i++) {
    const name = `${from}-import-${i}`;
    await request(indexedDB.deleteDatabase(name));
    const target = await Store.open({ name });
    const t0 = performance.now();
    const result = await target.importBackup(text);
    out.push({ ms: performance.now() - t0, added: result.added, textBytes: utf8Bytes(text) });
    target.close();
    await request(indexedDB.deleteDatabase(name));
  }
  return out;
}

export interface DurabilityTiming {
  /** Store.finishRun (strict, as the app saves a finished run): ms per call. */
  readonly strict: number[];
  /** The same transaction with relaxed durability (what finishing cost before). */
  readonly relaxed: number[];
  /** Store.saveCheckpoint (the browser's default: relaxed in Chromium). */
  readonly checkpoint: number[];
}

/**
 * What strict durability costs: `runs` alternating rounds of finishing a run
 * (session put + checkpoint cleared in one transaction) strict and relaxed,
 * and of the checkpoint write, on a database of its own beside the seeded one.
 */
async function durability(runs: number, record: SessionRecord): Promise<DurabilityTiming> {
  const name = `${DB_NAME}-durability`;
  await request(indexedDB.deleteDatabase(name));
  const store = await Store.open({ name });
  const raw = await request(indexedDB.open(name));
  const out = { strict: [] as number[], relaxed: [] as number[], checkpoint: [] as number[] };
  const checkpoint = {
    sessionId: record.id,
    workoutId: record.workoutId,
    title: record.title,
    source: record.source,
    choices: record.choices,
    week: record.week,
    events: [{ type: 'start' as const, at: record.startedAt }],
    index: 3,
    savedAt: record.startedAt,
  };
  for (let i = 0; i < runs + 2; i++) {
    const timed = i >= 2;
    const session = { ...record, id: `durability-${i}` };
    let t0 = performance.now();
    await store.saveCheckpoint({ ...checkpoint, sessionId: session.id });
    if (timed) out.checkpoint.push(performance.now() - t0);
    t0 = performance.now();
    await store.finishRun(session);
    if (timed) out.strict.push(performance.now() - t0);
    // The same work, relaxed: get, put, get, delete in one transaction, as finishRun does.
    const relaxedSession = { ...record, id: `durability-relaxed-${i}` };
    t0 = performance.now();
    const tx = raw.transaction(['sessions', 'checkpoint'], 'readwrite', { durability: 'relaxed' });
    tx.objectStore('sessions').get(relaxedSession.id);
    tx.objectStore('sessions').put(relaxedSession);
    tx.objectStore('checkpoint').get('current');
    tx.objectStore('checkpoint').delete('current');
    await done(tx);
    if (timed) out.relaxed.push(performance.now() - t0);
  }
  raw.close();
  store.close();
  await request(indexedDB.deleteDatabase(name));
  return out;
}

declare global {
  interface Window {
    benchDurability: typeof durability;
    benchSeed: typeof seed;
    benchMeasure: typeof measure;
    benchImport: typeof importTiming;
    benchReady: boolean;
  }
}

window.benchSeed = seed;
window.benchDurability = durability;
window.benchMeasure = measure;
window.benchImport = importTiming;
window.benchReady = true;
