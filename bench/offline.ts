/**
 * Offline from the service worker: after one visit, with the network gone, how
 * long from navigation start until the library is on screen and usable, and how
 * much the service worker precaches.
 *
 *   (a) precache: the URLs in dist/sw.js's precache manifest and their sizes in
 *       dist/, cross-checked against the bodies in the browser's workbox precache
 *   (b) navigation start -> the "Pyramid" link in the library visible, offline,
 *       served by the service worker: SW running (reload), SW stopped first (CDP
 *       ServiceWorker.stopAllWorkers), and after a browser restart (profile on disk);
 *       without throttling and with 4x CPU throttling (CDP Emulation.setCPUThrottlingRate)
 *
 * Production build (a copy of dist/, served by `vite preview`). Figures only, no pass or fail.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright';
import { count, stats, table, type Section } from './report';
import { CHROMIUM_ARGS, NAME_SHIM, ensureBuild, outDirName, portOf } from './timer';
import { chromiumPath } from '../tests/setup/chromium';

/** Loads per condition (SW running / stopped), and browser restarts per throttle rate. */
const RUNS = 9;
const RESTARTS = 4;
const THROTTLES = [1, 4] as const;
/** The workout whose link in the library counts as "the library is interactive". */
const LINK = { id: 'pyramid', name: 'Pyramid' } as const;

const ms = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

// ---------------------------------------------------------------------------
// Pure helpers, exported so tests/bench can check them.

/** URLs in a workbox service worker's `precacheAndRoute([...])` manifest (minified generateSW output), in order. */
export function precacheUrls(sw: string): string[] {
  const start = sw.indexOf('precacheAndRoute(');
  if (start < 0) return [];
  // The manifest array ends at the first `]` after it: entries are flat {url, revision} objects.
  const open = sw.indexOf('[', start);
  const close = sw.indexOf(']', open);
  if (open < 0 || close < 0) return [];
  const list = sw.slice(open, close + 1);
  return [...list.matchAll(/\burl\s*:\s*(["'])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2]!);
}

/** Kind of a precached file for the size table: by extension. */
export function assetKind(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase() ?? '';
  if (ext === 'js' || ext === 'mjs') return 'JavaScript';
  if (ext === 'css') return 'CSS';
  if (ext === 'html') return 'HTML';
  if (['png', 'svg', 'ico', 'webp', 'jpg', 'jpeg'].includes(ext)) return url.startsWith('screenshots/') ? 'screenshots' : 'icons';
  if (ext === 'webmanifest' || ext === 'json') return 'manifest';
  if (ext === 'woff2' || ext === 'woff') return 'fonts';
  return ext || 'other';
}

interface PrecacheFile {
  readonly url: string;
  readonly bytes: number;
  readonly gzip: number;
  readonly kind: string;
}

function precacheFiles(dist: string): { files: PrecacheFile[]; missing: string[]; swFiles: PrecacheFile[] } {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const files: PrecacheFile[] = [];
  const missing: string[] = [];
  for (const url of precacheUrls(sw)) {
    const file = join(dist, ...decodeURIComponent(url.replace(/^\//, '')).split('/'));
    if (!existsSync(file)) {
      missing.push(url);
      continue;
    }
    const buf = readFileSync(file);
    files.push({ url, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length, kind: assetKind(url) });
  }
  // The worker's own scripts live in the browser's service worker script storage, not the precache.
  const imported = [...sw.matchAll(/["'](\.\/workbox-[\w-]+)["']/g)].map((m) => `${m[1]!.slice(2)}.js`);
  const swFiles = ['sw.js', ...new Set(imported)]
    .filter((f) => existsSync(join(dist, f)))
    .map((f) => {
      const buf = readFileSync(join(dist, f));
      return { url: f, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length, kind: 'service worker' };
    });
  return { files, missing, swFiles };
}

// ---------------------------------------------------------------------------
// In the page.

interface Marks {
  /** performance.now() of the first animation frame in which the link was in the DOM with a size. */
  link?: number;
}

/** Init script: stamps, in animation frames, when the library's link to the workout is on screen (nested shadow roots). */
function libraryProbe(id: string): void {
  if (location.hash !== '' && location.hash !== '#/') return;
  const marks: Marks = {};
  (window as unknown as { __aqMarks: Marks }).__aqMarks = marks;
  const tick = () => {
    const library = document.querySelector('aq-app')?.shadowRoot?.querySelector('aq-library-page')?.shadowRoot;
    const link = library?.querySelector(`aq-workout-card[data-id="${id}"]`)?.shadowRoot?.querySelector('a[href]');
    if (link instanceof HTMLElement && !link.closest('[inert]')) {
      const r = link.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) {
        marks.link = performance.now();
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

interface LoadSample {
  readonly link: number;
  readonly responseEnd: number;
  readonly dcl: number;
  readonly controlled: boolean;
  readonly viaWorker: boolean;
  /** Playwright's own check, after the in-page stamp: visible and enabled. */
  readonly playwrightOk: boolean;
}

async function sample(page: Page): Promise<LoadSample> {
  await page.waitForFunction(() => (window as unknown as { __aqMarks?: Marks }).__aqMarks?.link !== undefined, undefined, {
    timeout: 30_000,
    polling: 100,
  });
  const link = page.getByRole('link', { name: LINK.name, exact: true });
  await link.waitFor({ state: 'visible', timeout: 10_000 });
  const playwrightOk = (await link.isVisible()) && (await link.isEnabled());
  const inPage = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      link: (window as unknown as { __aqMarks: Marks }).__aqMarks.link!,
      responseEnd: nav?.responseEnd ?? Number.NaN,
      dcl: nav?.domContentLoadedEventEnd ?? Number.NaN,
      controlled: navigator.serviceWorker.controller !== null,
      viaWorker: (nav?.workerStart ?? 0) > 0,
    };
  });
  return { ...inPage, playwrightOk };
}

/** Time of a fixed loop in the page, to see the CPU throttling take effect. */
async function loopMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t0 = performance.now();
    let x = 0;
    for (let i = 0; i < 3_000_000; i++) x = (x + i * 7) % 1_000_003;
    (window as unknown as { __sink: number }).__sink = x;
    return performance.now() - t0;
  });
}

interface Condition {
  readonly label: string;
  readonly throttle: number;
  readonly samples: LoadSample[];
  /** Fixed-loop time in the page under this condition's throttling. */
  loop?: number;
}

interface Traffic {
  failed: string[];
  notFromWorker: string[];
  total: number;
}

function watch(page: Page, traffic: Traffic): void {
  page.on('requestfailed', (r) => traffic.failed.push(`${r.url()} (${r.failure()?.errorText ?? '?'})`));
  page.on('response', (r) => {
    traffic.total++;
    if (!r.fromServiceWorker() && !r.url().startsWith('data:')) traffic.notFromWorker.push(r.url());
  });
}

// ---------------------------------------------------------------------------

export const offlineSection: Section = {
  name: 'offline',
  title: 'Offline from the service worker: navigation to an interactive library, precached bytes',
  async run({ root, flags, print }) {
    if (!ensureBuild(root, flags, print)) return;
    const snapshot = mkdtempSync(join(tmpdir(), 'aquajog-bench-dist-'));
    cpSync(join(root, outDirName()), snapshot, { recursive: true });
    // A profile on disk, so Cache Storage and the worker's scripts are read from disk after a restart (incognito keeps them in memory).
    const profile = mkdtempSync(join(tmpdir(), 'aquajog-bench-profile-'));
    const { chromium } = await import('playwright');
    const { preview } = await import('vite');
    const server = await preview({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: snapshot },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const traffic: Traffic = { failed: [], notFromWorker: [], total: 0 };
    const launch = async (): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> => {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath,
        args: CHROMIUM_ARGS,
        headless: true,
        viewport: { width: 390, height: 844 },
        serviceWorkers: 'allow',
      });
      await context.addInitScript(NAME_SHIM);
      await context.addInitScript(libraryProbe, LINK.id);
      const page = context.pages()[0] ?? (await context.newPage());
      return { context, page, cdp: await context.newCDPSession(page) };
    };

    // (a) from the files.
    const { files, missing, swFiles } = precacheFiles(snapshot);
    const total = files.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzip: a.gzip + f.gzip }), { bytes: 0, gzip: 0 });
    let { context, page, cdp } = await launch();
    try {
      const baseUrl = `http://127.0.0.1:${portOf(server.httpServer.address())}`;
      print(`Chromium ${context.browser()?.version() ?? ''}, headless, persistent profile on disk, window 390x844, service workers allowed`);

      // First visit, online: register, precache, then a reload so the worker controls the page.
      const t0 = performance.now();
      await page.goto(`${baseUrl}/`);
      const readyAt = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready;
        const w = reg.active;
        if (w && w.state !== 'activated') await new Promise<void>((r) => w.addEventListener('statechange', () => w.state === 'activated' && r()));
        return performance.now();
      });
      const firstVisitS = (performance.now() - t0) / 1000;
      await page.reload();
      const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
      const inBrowser = await page.evaluate(async () => {
        const name = (await caches.keys()).find((k) => k.startsWith('workbox-precache'));
        if (!name) return null;
        const cache = await caches.open(name);
        const requests = await cache.keys();
        let bytes = 0;
        for (const r of requests) bytes += (await (await cache.match(r))!.blob()).size;
        const estimate = await navigator.storage.estimate();
        return { name, entries: requests.length, bytes, usage: estimate.usage ?? null };
      });

      print();
      print(`(a) precache: the ${files.length} URLs in dist/sw.js's precacheAndRoute manifest, sizes of the files in dist/ (gzip: level 9, node:zlib, for`);
      print('    what a compressing host would send on the first visit; the cache keeps the uncompressed bodies)');
      const byKind = new Map<string, { n: number; bytes: number; gzip: number }>();
      for (const f of files) {
        const k = byKind.get(f.kind) ?? { n: 0, bytes: 0, gzip: 0 };
        byKind.set(f.kind, { n: k.n + 1, bytes: k.bytes + f.bytes, gzip: k.gzip + f.gzip });
      }
      const kindRows = [...byKind].sort((a, b) => b[1].bytes - a[1].bytes).map(([kind, k]) => [kind, String(k.n), count(k.bytes), count(k.gzip)]);
      kindRows.push(['total precached', String(files.length), count(total.bytes), count(total.gzip)]);
      for (const l of table(['kind', 'files', 'bytes', 'gzip'], kindRows, 'lrrr')) print(`  ${l}`);
      const biggest = [...files].sort((a, b) => b.bytes - a.bytes).slice(0, 4);
      print(`  biggest: ${biggest.map((f) => `${f.url} ${count(f.bytes)} B`).join(', ')}`);
      if (missing.length > 0) print(`  listed but not in dist/: ${missing.join(', ')}`);
      const swBytes = swFiles.reduce((a, f) => a + f.bytes, 0);
      print(
        `  not in the precache, kept by the browser as the worker's scripts: ${swFiles.map((f) => `${f.url} ${count(f.bytes)} B`).join(', ')} (${count(swBytes)} B)`,
      );
      if (inBrowser) {
        const same = inBrowser.entries === files.length && inBrowser.bytes === total.bytes;
        print(`  in the browser: cache "${inBrowser.name}" holds ${inBrowser.entries} responses, ${count(inBrowser.bytes)} B of bodies`);
        print(
          `  (${same ? 'the same as the files' : `files say ${files.length} / ${count(total.bytes)} B`}); navigator.storage.estimate() usage ${inBrowser.usage === null ? '-' : `${count(inBrowser.usage)} B`} (all storage of the origin, with overheads)`,
        );
      } else {
        print('  in the browser: no workbox-precache cache found');
      }
      print(
        `  first visit (online) to the worker activated: ${(readyAt / 1000).toFixed(2)} s after navigation start (${firstVisitS.toFixed(1)} s wall incl. goto); controlled after reload: ${controlled}`,
      );

      // (b) offline loads.
      watch(page, traffic);
      await context.setOffline(true);
      await cdp.send('ServiceWorker.enable');
      const conditions: Condition[] = [];
      for (const throttle of THROTTLES) {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        await page.reload({ waitUntil: 'commit' });
        await sample(page); // untimed
        const running: Condition = { label: 'SW running (reload)', throttle, samples: [] };
        for (let i = 0; i < RUNS; i++) {
          await page.reload({ waitUntil: 'commit' });
          running.samples.push(await sample(page));
        }
        running.loop = await loopMs(page);
        const stopped: Condition = { label: 'SW stopped first', throttle, samples: [] };
        for (let i = 0; i < RUNS; i++) {
          await cdp.send('ServiceWorker.stopAllWorkers');
          await new Promise((r) => setTimeout(r, 100));
          await page.reload({ waitUntil: 'commit' });
          stopped.samples.push(await sample(page));
        }
        conditions.push(running, stopped);
      }
      // After a browser restart: the worker starts from disk, caches and code cache read from disk.
      for (const throttle of THROTTLES) {
        const restarted: Condition = { label: 'browser restarted', throttle, samples: [] };
        for (let i = 0; i < RESTARTS; i++) {
          await context.close();
          ({ context, page, cdp } = await launch());
          watch(page, traffic);
          await context.setOffline(true);
          if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
          await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
          restarted.samples.push(await sample(page));
          if (i === RESTARTS - 1) restarted.loop = await loopMs(page);
        }
        conditions.push(restarted);
      }

      print();
      print(`(b) offline (context.setOffline(true)), served by the service worker: navigation start to the first animation frame in`);
      print(`    which the library's "${LINK.name}" link is in the page with a size (rAF-polled: +0..16 ms), ms since performance.timeOrigin;`);
      print('    then Playwright checks getByRole("link", {name}) is visible and enabled. "index.html" = its responseEnd, "DCL" =');
      print("    domContentLoadedEventEnd. CPU throttling applies to the page's main thread only (not the service worker).");
      const rows = conditions.map((c) => {
        const link = stats(c.samples.map((s) => s.link));
        const resp = stats(c.samples.map((s) => s.responseEnd));
        const dcl = stats(c.samples.map((s) => s.dcl));
        const ok = c.samples.every((s) => s.controlled && s.viaWorker && s.playwrightOk);
        return [
          `${c.throttle}x CPU`,
          c.label,
          String(link.runs),
          ms(resp.median),
          ms(dcl.median),
          ms(link.median),
          ms(link.min),
          ms(link.max),
          ok ? 'yes' : 'NO',
          c.loop === undefined ? '' : ms(c.loop, 0),
        ];
      });
      for (const l of table(
        ['throttle', 'condition', 'loads', 'index.html', 'DCL', 'link (median)', 'min', 'max', 'controlled, via SW, visible+enabled', 'fixed loop (ms)'],
        rows,
        'llrrrrrrll',
      ))
        print(`  ${l}`);
      print('  "fixed loop": the same 3M-iteration loop timed in the page under that throttling (shows the throttle took).');
      print(
        `  requests seen by the pages while offline: ${traffic.total} responses, ${traffic.notFromWorker.length} not from the service worker, ${traffic.failed.length} failed`,
      );
      for (const f of [...new Set([...traffic.notFromWorker.map((u) => `not from SW: ${u}`), ...traffic.failed.map((u) => `failed: ${u}`)])].slice(0, 8))
        print(`    ${f}`);
    } finally {
      await context.close().catch(() => {});
      await server.close();
      rmSync(snapshot, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  },
};
