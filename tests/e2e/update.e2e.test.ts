/**
 * The update flow: two builds, the first one loaded, the second one deployed.
 * "Update available" appears only when no workout runs, and Reload brings in
 * the new version.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../setup/chromium';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

let dir = '';
let served = '';
let server: Server;
let origin = '';
let browser: Browser;

async function build(id: string): Promise<string> {
  const out = join(dir, id);
  await promisify(execFile)(join(root, 'node_modules/.bin/vite'), ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    // Not a test build: vite.config.ts leaves the PWA plugin out when VITEST is set.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))), AQUAJOG_BUILD_ID: id },
  });
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aquajog-update-'));
  const [v1, v2] = await Promise.all([build('update-v1'), build('update-v2')]);
  served = v1;
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(served, path);
    try {
      if (!(await stat(file)).isFile()) file = join(served, 'index.html');
    } catch {
      file = join(served, 'index.html');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(await readFile(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch(chromiumLaunchOptions);
  // The second build is deployed during the test.
  (globalThis as { __v2?: string }).__v2 = v2;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('updates', () => {
  it('offers the new version only while idle, and Reload brings it in', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    try {
      await page.goto(`${origin}/#/settings`);
      await page.getByText(/Aquajog version .*update-v1/).waitFor();
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

      // A workout is running when the new version arrives.
      await page.goto(`${origin}/#/workout/icing`);
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByLabel('Time left').waitFor();
      served = (globalThis as { __v2?: string }).__v2!;
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)), { timeout: 20_000 }).toBe(true);
      await page.waitForTimeout(500);
      expect(await page.getByText('Update available').count(), 'never mid-workout').toBe(0);

      // End, confirmed; the update is offered once the 5 s to undo it have passed and the run is over.
      await page.getByRole('button', { name: 'End', exact: true }).click();
      await page.getByRole('button', { name: 'End workout' }).click();
      await page.getByText('Update available').waitFor({ timeout: 20_000 });
      // The reload may land before a listener set up after the click would see it.
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
      await page.goto(`${origin}/#/settings`);
      await page.getByText(/Aquajog version .*update-v2/).waitFor();
      expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
