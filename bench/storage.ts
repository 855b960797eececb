/**
 * Years of history in a real IndexedDB (Chromium, on-disk profile): how long
 * History takes to show its first page, the weekly totals, a full export and
 * the CSV, with 10,000 sessions stored.
 *
 *   (a) seeding: 10,000 SessionRecords (bench/seed.ts, made from the built-in
 *       workouts, ~3 years) put in one readwrite transaction
 *   (b) the app's Store (src/storage/db.ts) on a Vite dev-server bench page
 *       (bench/pages/storage.html): first page, next page, count, weekly totals,
 *       pain trend, what History waits for, exportAll, JSON.stringify, sessionsCsv,
 *       and an import of the export into an empty database
 *   (c) the production build (`vite preview` of a copy of dist/) at #/history:
 *       navigation start to the first session visible, with the newest 20
 *       sessions stored and with all 10,000; warm (new tab, browser running)
 *       and after a browser restart
 *
 * Figures only, no pass or fail.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright';
import { compile } from '../src/dsl/index';
import { sessionSchema, type SessionRecord } from '../src/storage/schema';
import type { DurabilityTiming, ImportTiming, Measured, SeedResult } from './pages/storage';
import { stats, table, type Section } from './report';
import { makeSessions, type SessionTemplate } from './seed';
import { CHROMIUM_ARGS, NAME_SHIM, ensureBuild, outDirName, portOf } from './timer';
import { chromiumPath } from '../tests/setup/chromium';

const SESSIONS = 10_000;
const DAYS = 3 * 365;
/** Timed rounds of the quick Store calls, and of exportAll (each reads all 10,000). */
const RAW_RUNS = 40;
const RAW_WARMUP = 3;
const EXPORT_RUNS = 5;
const IMPORT_RUNS = 2;
const SEED_RUNS = 3;
/** Rounds of finishing a run strict and relaxed. */
const DURABILITY_RUNS = 40;
/** Page loads of #/history per condition. */
const RENDER_RUNS = 9;
const COLD_RUNS = 5;

/** Every built-in workout (each week of a multi-week plan) as a template for sessions. */
export function templatesFrom(workoutsDir: string): SessionTemplate[] {
  const out: SessionTemplate[] = [];
  for (const file of readdirSync(workoutsDir)
    .filter((f) => f.endsWith('.workout'))
    .sort()) {
    const source = readFileSync(join(workoutsDir, file), 'utf8');
    const first = compile(source).plan;
    if (first === null) throw new Error(`workouts/${file} does not compile`);
    for (let week = 1; week <= (first.weeks ?? 1); week++) {
      const plan = first.weeks === null ? first : compile(source, { week }).plan;
      if (plan === null) throw new Error(`workouts/${file} week ${week} does not compile`);
      out.push({
        workoutId: file.replace(/\.workout$/, ''),
        title: plan.title,
        // As src/app/run/run-recorder.ts decides it.
        kind: plan.tags.includes('pool') ? 'pool' : plan.tags.includes('rehab') ? 'rehab' : 'other',
        source,
        week: plan.weeks === null ? null : week,
        choices: plan.chosen,
        plannedSeconds: plan.totalSeconds,
        intervals: plan.intervals.map((i) => ({ zone: i.zone, seconds: i.duration })),
      });
    }
  }
  return out;
}

/** The records, each checked against the app's schema (a record the app would skip would flatter the figures). */
export function benchSessions(root: string, endMs: number, count = SESSIONS): SessionRecord[] {
  const records = makeSessions(templatesFrom(join(root, 'workouts')), { count, endMs, days: DAYS });
  const bad = records.findIndex((r) => !sessionSchema.safeParse(r).success);
  if (bad >= 0) throw new Error(`generated session ${bad} fails sessionSchema: ${JSON.stringify(records[bad])}`);
  return records;
}

const ms = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

function statRow(label: string, samples: readonly number[], withP95: boolean, note = ''): string[] {
  const s = stats(samples);
  return [label, String(s.runs), ms(s.median), withP95 ? ms(s.p95) : '', ms(s.min), ms(s.max), note];
}

// ---------------------------------------------------------------------------
// In the production page.

interface Marks {
  /** performance.now() of the first animation frame in which History's heading was there. */
  shell?: number;
  /** ... in which aq-app had its Store open (IndexedDB connection). */
  store?: number;
  /** ... and in which the first session item had rendered with a size. */
  item?: number;
  items?: number;
}

/** Init script: stamps, in animation frames, when History's heading and first session item appear (shadow roots). */
function historyProbe(): void {
  if (!location.hash.startsWith('#/history')) return;
  const marks: Marks = {};
  (window as unknown as { __aqMarks: Marks }).__aqMarks = marks;
  const tick = () => {
    const app = document.querySelector('aq-app') as (Element & { _store?: unknown }) | null;
    if (marks.store === undefined && app?._store) marks.store = performance.now();
    const root = app?.shadowRoot?.querySelector('aq-history-page')?.shadowRoot;
    if (marks.shell === undefined && root?.querySelector('h1')) marks.shell = performance.now();
    const items = root?.querySelectorAll('aq-session-item') ?? [];
    const article = items[0]?.shadowRoot?.querySelector('article');
    if (article && article.getBoundingClientRect().height > 0) {
      marks.item = performance.now();
      marks.items = items.length;
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

interface RenderSample {
  readonly item: number;
  readonly shell: number;
  readonly store: number;
  readonly dcl: number;
  readonly items: number;
  readonly shown: string;
}

/** One fresh tab at #/history: navigation start to the first session on screen. */
async function renderOnce(context: BrowserContext, baseUrl: string): Promise<RenderSample> {
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/#/history`);
    await page.waitForFunction(() => (window as unknown as { __aqMarks?: Marks }).__aqMarks?.item !== undefined, undefined, {
      timeout: 30_000,
      polling: 100,
    });
    return await page.evaluate(() => {
      const m = (window as unknown as { __aqMarks: Marks }).__aqMarks;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const root = document.querySelector('aq-app')?.shadowRoot?.querySelector('aq-history-page')?.shadowRoot;
      const hint = [...(root?.querySelectorAll('p.hint') ?? [])].map((p) => p.textContent ?? '').find((t) => / shown\./.test(t)) ?? '';
      return {
        item: m.item!,
        shell: m.shell ?? Number.NaN,
        store: m.store ?? Number.NaN,
        dcl: nav?.domContentLoadedEventEnd ?? Number.NaN,
        items: m.items ?? 0,
        shown: hint.trim(),
      };
    });
  } finally {
    await page.close();
  }
}

async function openDbReady(page: Page): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ready = await page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'aquajog' && d.version === 2));
    if (ready) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the app did not create its 'aquajog' database (version 2)");
}

/** Plain IndexedDB in the app's origin: puts the records into 'sessions' of 'aquajog' (created by the app) in one transaction. */
async function seedProduction(page: Page, json: string, clear: boolean): Promise<{ ms: number; count: number }> {
  return page.evaluate(
    async ({ json, clear }) => {
      const records = JSON.parse(json) as unknown[];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('aquajog');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      if (db.version !== 2 || !db.objectStoreNames.contains('sessions')) throw new Error(`unexpected database version ${db.version}`);
      const t0 = performance.now();
      const tx = db.transaction('sessions', 'readwrite');
      const store = tx.objectStore('sessions');
      if (clear) store.clear();
      for (const r of records) store.put(r);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('aborted'));
      });
      const ms = performance.now() - t0;
      const count = await new Promise<number>((resolve, reject) => {
        const req = db.transaction('sessions').objectStore('sessions').count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return { ms, count };
    },
    { json, clear },
  );
}

interface ProdRaw {
  firstPage: number[];
  weeklyTotals: number[];
  exportAll: number[];
  found: boolean;
}

/** The same Store calls through the production bundle's own Store instance (aq-app's `_store`), as a cross-check of (b). */
async function prodRaw(page: Page, now: number, runs: number, exportRuns: number): Promise<ProdRaw> {
  return page.evaluate(
    async ({ now, runs, exportRuns }) => {
      type S = {
        listSessions(o: { limit: number }): Promise<unknown>;
        weeklyTotals(w: number, now: number): Promise<unknown>;
        exportAll(s: null): Promise<unknown>;
      };
      const app = document.querySelector('aq-app') as unknown as { _store?: S | null } | null;
      for (let i = 0; i < 100 && !app?._store; i++) await new Promise((r) => setTimeout(r, 20));
      const store = app?._store;
      const out = { firstPage: [] as number[], weeklyTotals: [] as number[], exportAll: [] as number[], found: !!store };
      if (!store) return out;
      const lap = async (into: number[] | null, f: () => Promise<unknown>) => {
        const t0 = performance.now();
        await f();
        into?.push(performance.now() - t0);
      };
      for (let i = 0; i < runs + 3; i++) {
        await lap(i < 3 ? null : out.firstPage, () => store.listSessions({ limit: 20 }));
        await lap(i < 3 ? null : out.weeklyTotals, () => store.weeklyTotals(8, now));
      }
      for (let i = 0; i < exportRuns + 1; i++) await lap(i < 1 ? null : out.exportAll, () => store.exportAll(null));
      return out;
    },
    { now, runs, exportRuns },
  );
}

// ---------------------------------------------------------------------------

export const storageSection: Section = {
  name: 'storage',
  title: 'History with 10,000 sessions in IndexedDB (Chromium): first page, weekly totals, export, CSV',
  async run({ root, flags, print }) {
    if (!ensureBuild(root, flags, print)) return;
    const endMs = Date.now() - 3600_000;
    const records = benchSessions(root, endMs);
    const json = JSON.stringify(records);
    const newest = JSON.stringify(records.slice(-20));
    const pool = records.filter((r) => r.kind === 'pool').length;
    const early = records.filter((r) => !r.completed).length;
    const rated = records.filter((r) => r.rpe !== null).length;
    const pained = records.filter((r) => r.pain !== null).length;
    const noted = records.filter((r) => r.note !== '').length;
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    print(
      `${records.length.toLocaleString('en')} sessions (bench/seed.ts from the ${new Set(records.map((r) => r.workoutId)).size} built-in workouts), ${day(records[0]!.startedAt)} .. ${day(records.at(-1)!.startedAt)}:`,
    );
    print(`  ${pool} pool / ${records.length - pool} rehab, ${early} ended early, RPE on ${rated}, pain on ${pained}, a note on ${noted};`);
    print(`  ${(json.length / 1024 / 1024).toFixed(1)} MB as JSON; every record passes the app's sessionSchema`);

    const snapshot = mkdtempSync(join(tmpdir(), 'aquajog-bench-dist-'));
    cpSync(join(root, outDirName()), snapshot, { recursive: true });
    // A real profile on disk: an incognito context (Playwright's default) keeps IndexedDB in memory.
    const profile = mkdtempSync(join(tmpdir(), 'aquajog-bench-profile-'));
    const { chromium } = await import('playwright');
    const { createServer, preview } = await import('vite');
    const dev = await createServer({
      root,
      configFile: false,
      logLevel: 'warn',
      clearScreen: false,
      server: { host: '127.0.0.1', port: 0, strictPort: true, hmr: false, watch: null },
      optimizeDeps: { entries: ['bench/pages/*.html'] },
    });
    await dev.listen();
    const prev = await preview({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: snapshot },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const launch = async () => {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath,
        args: CHROMIUM_ARGS,
        headless: true,
        viewport: { width: 390, height: 844 },
        // No service worker: its install (precaching the app) would land in the measured loads.
        serviceWorkers: 'block',
      });
      await context.addInitScript(NAME_SHIM);
      await context.addInitScript(historyProbe);
      return context;
    };
    let context = await launch();
    try {
      const devUrl = `http://127.0.0.1:${portOf(dev.httpServer!.address())}`;
      const baseUrl = `http://127.0.0.1:${portOf(prev.httpServer.address())}`;
      print(`Chromium ${context.browser()?.version() ?? ''}, headless, persistent profile on disk (${tmpdir()}), window 390x844, service workers blocked`);

      // (a) and (b): the Store on the dev-server page.
      const bench = await context.newPage();
      await bench.goto(`${devUrl}/bench/pages/storage.html`);
      await bench.waitForFunction(() => window.benchReady === true, undefined, { timeout: 60_000 });
      const seeds: SeedResult[] = [];
      for (let i = 0; i < SEED_RUNS; i++) seeds.push(await bench.evaluate((j) => window.benchSeed(j), json));
      const measured: Measured = await bench.evaluate(([r, w, now, e]) => window.benchMeasure(r, w, now, e), [
        RAW_RUNS,
        RAW_WARMUP,
        endMs,
        EXPORT_RUNS,
      ] as const);
      const imports: ImportTiming[] = await bench.evaluate((n) => window.benchImport(n), IMPORT_RUNS);
      const durable: DurabilityTiming = await bench.evaluate(([n, r]) => window.benchDurability(n, r), [DURABILITY_RUNS, records.at(-1)!] as const);
      await bench.close();

      print();
      print(`(a) seeding: delete the database, Store.open (creates it, upgrade 0 -> 2), then ${SESSIONS.toLocaleString('en')} put()s in one readwrite`);
      print('    transaction until `complete` (the dev-server page; the records come from Node as JSON, parsed before the clock starts)');
      const seedRows = seeds.map((s, i) => [`run ${i + 1}`, ms(s.openMs), ms(s.putMs, 0), String(s.count), ms(s.parseMs)]);
      for (const l of table(['seed', 'Store.open (ms)', 'bulk put (ms)', 'count after', 'JSON.parse (ms)'], seedRows, 'lrrrr')) print(`  ${l}`);

      const s = measured.samples;
      print();
      print(`(b) the app's Store (src/storage/db.ts, via Vite dev server: unminified, same code) on the ${SESSIONS.toLocaleString('en')} sessions;`);
      print(`    ${RAW_WARMUP} untimed rounds, then ${RAW_RUNS} rounds of the quick calls and ${EXPORT_RUNS} of the export; in-page performance.now(), ms`);
      const rows = [
        statRow('Store.open + first page (20)', s.openFirstPage, true, 'new connection each run'),
        statRow('listSessions({limit: 20})', s.firstPage, true, `${measured.firstPageItems} items, newest first, by-start index`),
        statRow('  next page (before: next)', s.secondPage, true),
        statRow('countSessions()', s.count, true),
        statRow('weeklyTotals(8)', s.weeklyTotals, true, `${measured.sessionsInCharts} sessions in ${measured.weeksWithSessions}/8 weeks`),
        statRow('painTrend(8 weeks)', s.painTrend, true, `${measured.painPoints} points`),
        statRow('History data (page+count, totals, pain)', s.historyLoad, true, 'what AqHistoryPage._reload awaits'),
        statRow('exportAll(settings)', s.exportAll, false, `${measured.exported.toLocaleString('en')} sessions, each through zod`),
        statRow(
          '  JSON.stringify(backup)',
          s.stringify,
          false,
          `${(measured.jsonBytes / 1024 / 1024).toFixed(2)} MB (${measured.jsonBytes.toLocaleString('en')} B) UTF-8`,
        ),
        statRow(
          'sessionsCsv(sessions)',
          s.csv,
          false,
          `${(measured.csvBytes / 1024).toFixed(0)} KB (${measured.csvBytes.toLocaleString('en')} B) with BOM, ${measured.csvRows.toLocaleString('en')} rows`,
        ),
      ];
      for (const l of table(['operation', 'runs', 'median', 'p95', 'min', 'max', ''], rows, 'lrrrrrl')) print(`  ${l}`);
      print('  (p95 is nearest-rank: with 40 runs it is the 38th; export rows have 5 runs, so no p95)');
      if (imports.length > 0) {
        const im = imports.map((x) => x.ms);
        print(
          `  importBackup(export text, ${(imports[0]!.textBytes / 1024 / 1024).toFixed(1)} MB) into an empty database: ${im.map((x) => ms(x, 0)).join(', ')} ms (${imports[0]!.added.toLocaleString('en')} added; parse, zod, then get+put each in one transaction)`,
        );
      }
      print();
      print(`  durability: finishing a run (session put + checkpoint cleared, one transaction), ${DURABILITY_RUNS} rounds each, alternating:`);
      const durableRows = [
        statRow("finishRun, durability 'strict' (the app)", durable.strict, true, 'on disk before it resolves'),
        statRow("  same transaction, 'relaxed'", durable.relaxed, true, 'what finishing cost before'),
        statRow('saveCheckpoint (default: relaxed)', durable.checkpoint, true, 'every event and interval change'),
      ];
      for (const l of table(['operation', 'runs', 'median', 'p95', 'min', 'max', ''], durableRows, 'lrrrrrl')) print(`  ${l}`);

      // (c) the production page.
      const app = await context.newPage();
      await app.goto(`${baseUrl}/#/`);
      await openDbReady(app);
      const few = await seedProduction(app, newest, true);
      await app.close();
      const renders = async (n: number): Promise<RenderSample[]> => {
        const out: RenderSample[] = [];
        for (let i = 0; i < n; i++) out.push(await renderOnce(context, baseUrl));
        return out;
      };
      await renderOnce(context, baseUrl); // first load of the origin: HTTP cache, code cache
      const fewRuns = await renders(RENDER_RUNS);
      const app2 = await context.newPage();
      await app2.goto(`${baseUrl}/#/`);
      const all = await seedProduction(app2, json, true);
      const raw = await prodRaw(app2, endMs, RAW_RUNS, 3);
      await app2.close();
      await renderOnce(context, baseUrl);
      const allRuns = await renders(RENDER_RUNS);
      // After a browser restart: IndexedDB opened from disk again (the OS file cache stays warm).
      const coldRuns: RenderSample[] = [];
      for (let i = 0; i < COLD_RUNS; i++) {
        await context.close();
        context = await launch();
        coldRuns.push(await renderOnce(context, baseUrl));
      }

      print();
      print(`(c) production build (vite preview of a copy of dist/) at #/history, each load in a new tab: navigation start to the`);
      print('    first animation frame in which History\'s first session item is rendered with a size ("first session"; rAF-polled,');
      print('    so +0..16 ms); also to the frame in which aq-app had its Store open ("Store open") and the one with History\'s');
      print('    heading ("page shell", after its lazy chunk if it has one); medians, ms since performance.timeOrigin');
      print(
        `    seeded in the app's origin with plain IndexedDB (one transaction): newest 20 in ${ms(few.ms)} ms, all ${all.count.toLocaleString('en')} in ${ms(all.ms, 0)} ms`,
      );
      const renderRow = (label: string, xs: readonly RenderSample[]) => {
        const item = stats(xs.map((x) => x.item));
        const shell = stats(xs.map((x) => x.shell));
        const dcl = stats(xs.map((x) => x.dcl));
        const store = stats(xs.map((x) => x.store));
        return [
          label,
          String(item.runs),
          ms(dcl.median),
          ms(store.median),
          ms(shell.median),
          ms(item.median),
          ms(item.min),
          ms(item.max),
          `${xs[0]?.items ?? 0} items; ${xs[0]?.shown || 'all shown'}`,
        ];
      };
      for (const l of table(
        ['stored', 'loads', 'DCL', 'Store open', 'page shell', 'first session (median)', 'min', 'max', 'list'],
        [
          renderRow('newest 20, warm', fewRuns),
          renderRow(`${all.count.toLocaleString('en')}, warm`, allRuns),
          renderRow(`${all.count.toLocaleString('en')}, browser restarted`, coldRuns),
        ],
        'lrrrrrrrl',
      ))
        print(`  ${l}`);
      print('  warm = browser running, a new tab each load (one untimed load first); restarted = the persistent context closed and');
      print(`  relaunched before each of ${COLD_RUNS} loads (Chromium reopens the LevelDB files; the OS file cache is still warm).`);
      if (raw.found) {
        print("  the production bundle's own Store (aq-app._store) on the 10,000, cross-checking (b):");
        const pr = [
          statRow('listSessions({limit: 20})', raw.firstPage, true),
          statRow('weeklyTotals(8)', raw.weeklyTotals, true),
          statRow('exportAll(null)', raw.exportAll, false),
        ];
        for (const l of table(['operation', 'runs', 'median', 'p95', 'min', 'max', ''], pr, 'lrrrrrl')) print(`    ${l}`);
      } else {
        print("  (could not reach the production bundle's Store as aq-app._store: cross-check skipped)");
      }
    } finally {
      await context.close().catch(() => {});
      await prev.close();
      await dev.close();
      rmSync(snapshot, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  },
};
