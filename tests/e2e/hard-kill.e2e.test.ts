/**
 * Hard kills: the whole browser (every process of it, not just the page) is
 * killed with SIGKILL at random instants of a run on a real profile on disk,
 * some runs started within the first 100 ms after the page appears. Launched
 * again on the same profile, the app offers the cut-off run, and keeping it
 * leaves exactly one session in History. Each trial prints when the tap came after
 * the first paint and after the Start button appeared.
 *
 * Every trial prints its seed and instants; replay one with
 * `AQUAJOG_KILL_SEED=<seed> AQUAJOG_KILLS=<n> [AQUAJOG_KILL_MIN_MS=.. AQUAJOG_KILL_MAX_MS=..] npx vitest run --project e2e tests/e2e/hard-kill.e2e.test.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { describe, expect, inject, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../setup/chromium';

const baseUrl = inject('previewUrl');
const seed = Number(process.env['AQUAJOG_KILL_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const trials = Number(process.env['AQUAJOG_KILLS'] ?? 4);
/**
 * Kill instants, ms after the Start tap. Before the first checkpoint commits
 * (the database opens and writes; tens of ms on a fresh profile here) nothing
 * can be on disk, so the window starts at 250 ms (kills at 50-400 ms all survived here); AQUAJOG_KILL_MIN_MS and
 * AQUAJOG_KILL_MAX_MS move it to explore.
 */
const KILL_MIN_MS = Number(process.env['AQUAJOG_KILL_MIN_MS'] ?? 250);
const KILL_MAX_MS = Number(process.env['AQUAJOG_KILL_MAX_MS'] ?? 8000);

/** mulberry32: a small seeded generator, so a failing run can be replayed exactly. */
function random(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Running {
  readonly process: ChildProcess;
  readonly browser: Browser;
  readonly page: Page;
}

/** Starts Chromium on `profile` as its own process group, and connects to it over the DevTools protocol. */
async function launch(profile: string): Promise<Running> {
  const child = spawn(
    chromiumPath,
    [...chromiumArgs, '--headless', '--no-first-run', '--no-default-browser-check', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${text}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 390, height: 844 });
  return { process: child, browser, page };
}

/** SIGKILL to the browser's whole process group: no unload, no flush, as when the OS kills it. */
async function kill(running: Running): Promise<void> {
  if (running.process.exitCode !== null || running.process.signalCode !== null) return;
  const exited = new Promise((resolve) => running.process.once('exit', resolve));
  process.kill(-running.process.pid!, 'SIGKILL');
  await exited;
}

const workouts = [
  { id: 'icing', title: 'Icing' },
  { id: 'lactic-acid', title: 'Lactic acid' },
];

describe('a browser killed in the middle of a run', () => {
  it(`offers the run again and keeps exactly one session (seed ${seed}, ${trials} kills)`, { timeout: 60_000 + trials * 40_000 }, async () => {
    const next = random(seed);
    for (let trial = 0; trial < trials; trial++) {
      const workout = workouts[trial % workouts.length]!;
      // Every other run starts as soon as the Start button appears; the rest after up to 3 s.
      const early = trial % 2 === 0;
      const waitBeforeStart = early ? 0 : Math.round(next() * 3000);
      const killAfter = KILL_MIN_MS + Math.round(next() * (KILL_MAX_MS - KILL_MIN_MS));
      const profile = await mkdtemp(join(tmpdir(), 'aquajog-kill-'));
      let running: Running | null = null;
      const label = `hard-kill seed=${seed} trial=${trial} workout=${workout.id} waitBeforeStart=${waitBeforeStart}ms killAfterStart=${killAfter}ms`;
      try {
        running = await launch(profile);
        // When the tap lands, measured in the page against its first contentful paint.
        await running.page.context().addInitScript(() => {
          const g = globalThis as unknown as { tappedAt?: number; startShownAt?: number };
          addEventListener('click', () => (g.tappedAt ??= performance.now()), { capture: true });
          // The first frame in which the workout page's Start button exists (it is in two shadow roots).
          const look = () => {
            const page = document.querySelector('aq-app')?.shadowRoot?.querySelector('aq-workout-page');
            if (page?.shadowRoot?.querySelector('button.primary-action, button')) g.startShownAt = performance.now();
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        });
        await running.page.goto(`${baseUrl}/#/workout/${workout.id}`, { waitUntil: 'commit' });
        const start = running.page.getByRole('button', { name: 'Start', exact: true });
        if (early) {
          // As fast as a finger: watch for the button every frame in the page, then one real tap at its centre.
          const at = await running.page.waitForFunction(
            () => {
              const button = [
                ...(document.querySelector('aq-app')?.shadowRoot?.querySelector('aq-workout-page')?.shadowRoot?.querySelectorAll('button') ?? []),
              ].find((b) => b.textContent?.trim() === 'Start');
              button?.scrollIntoView({ block: 'center' });
              const box = button?.getBoundingClientRect();
              return box && box.width > 0 ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
            },
            undefined,
            { polling: 'raf', timeout: 20_000 },
          );
          const { x, y } = (await at.jsonValue())!;
          await running.page.mouse.click(x, y);
        } else {
          await start.waitFor();
          await running.page.waitForTimeout(waitBeforeStart);
          await start.click({ force: true, noWaitAfter: true });
        }
        const { afterPaint, afterShown } = await running.page.evaluate(() => {
          const g = globalThis as unknown as { tappedAt: number; startShownAt?: number };
          const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
          return { afterPaint: Math.round(g.tappedAt - paint), afterShown: g.startShownAt === undefined ? NaN : Math.round(g.tappedAt - g.startShownAt) };
        });
        console.log(`${label} tapAfterFirstPaint=${afterPaint}ms tapAfterStartShown=${afterShown}ms`);
        // The tap started the run (else the trial would test nothing).
        await running.page.waitForURL(/#\/run\//, { timeout: 5000 });
        await new Promise((resolve) => setTimeout(resolve, killAfter));
        await kill(running);
        running = null;

        running = await launch(profile);
        const page = running.page;
        await page.goto(`${baseUrl}/`);
        await page
          .getByRole('heading', { name: `${workout.title} was interrupted` })
          .waitFor({ timeout: 15_000 })
          .catch(() => {
            throw new Error(`${label}: no resume offer after relaunch`);
          });
        await page.getByRole('button', { name: 'Save as ended early' }).click();
        await page.getByText('Saved to History as ended early.').waitFor();
        await page.goto(`${baseUrl}/#/history`);
        await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
        const items = page.getByRole('listitem').filter({ hasText: workout.title });
        await items.first().waitFor();
        expect(await items.count(), `${label}: sessions in History`).toBe(1);
        await items
          .first()
          .getByText(/Ended early/)
          .waitFor();
        await page.goto(`${baseUrl}/`);
        await page.getByRole('heading', { name: 'Workouts', level: 1 }).waitFor();
        expect(await page.getByRole('heading', { name: /was interrupted/ }).count(), `${label}: offered again`).toBe(0);
        await kill(running);
        running = null;
      } finally {
        if (running) await kill(running).catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
      }
    }
  });
});
