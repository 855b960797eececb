/**
 * Regenerates public/screenshots/ (the install dialog's pictures, listed in
 * src/manifest.ts and shown in the README) from the production build:
 *
 *   npx vite build && npx tsx bench/tools/screenshots.ts
 *
 * ($AQUAJOG_OUT_DIR picks another build directory.) The page's clock is
 * paused at a fixed instant, so the same build gives the same pictures.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright';
import { preview } from 'vite';
import { startRun } from '../../tests/e2e/legibility';
import { chromiumLaunchOptions } from '../../tests/setup/chromium';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'public', 'screenshots');

const shots: readonly { file: string; width: number; height: number; go(page: Page): Promise<void> }[] = [
  {
    // Round 1's sprint, 1:40 left: zone, round, target and the time left, minutes over seconds.
    file: 'timer-narrow.png',
    width: 390,
    height: 844,
    go: async (page) => {
      await startRun(page, 'Lactic acid');
      await page.clock.runFor(11 * 60_000 + 50_000);
    },
  },
  {
    file: 'library-narrow.png',
    width: 390,
    height: 844,
    go: async (page) => {
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Workouts' }).waitFor();
      await page.evaluate(() => document.fonts.ready);
    },
  },
  {
    file: 'timer-wide.png',
    width: 1280,
    height: 720,
    go: async (page) => {
      await startRun(page, 'Lactic acid');
      await page.clock.runFor(11 * 60_000 + 50_000);
    },
  },
];

const server = await preview({
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
});
const address = server.httpServer.address();
if (address === null || typeof address === 'string') throw new Error('vite preview did not listen on a TCP port');
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      baseURL: `http://127.0.0.1:${address.port}`,
      colorScheme: 'light',
      // No "Ready to work offline" toast over the picture.
      serviceWorkers: 'block',
    });
    await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    const page = await context.newPage();
    await shot.go(page);
    await page.screenshot({ path: join(out, shot.file) });
    await context.close();
    console.log(`public/screenshots/${shot.file} ${shot.width}x${shot.height}`);
  }
} finally {
  await browser.close();
  await server.close();
}
