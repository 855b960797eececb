import { join } from 'node:path';
import { chromium, type Page } from 'playwright';
import { preview } from 'vite';
import { chromiumLaunchOptions } from './tests/setup/chromium';
import { encodeWorkout } from './src/share/codec';

const root = process.cwd();
const server = await preview({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: 'dist-ed' }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
const address = server.httpServer.address() as { port: number };
const browser = await chromium.launch(chromiumLaunchOptions);
const payload = await encodeWorkout('# From the coach <b>x</b>\n> Steady, tall posture, quick legs.\nwarmup 5m easy\n4-6x\n  1m sprint "Really quite a long label for a step that goes on"\n  1m rest\ncooldown 5m easy\n');
const screens: Record<string, (p: Page) => Promise<void>> = {
  editor: async (p) => {
    await p.goto('/#/edit/new');
    const t = p.getByRole('textbox', { name: 'Workout text' });
    await t.fill('# Try it\nwarmup 10m easy\n4x\n  1m sprnt "A very long label that runs past the edge of a phone screen"\n  1m rest\n3:5 easy\n\tcooldown 5m easy');
    await p.getByRole('button', { name: 'Change to “sprint”' }).waitFor();
  },
  'editor-preview': async (p) => {
    await p.goto('/#/edit/new');
    await p.getByRole('img', { name: /^Profile/ }).scrollIntoViewIfNeeded();
  },
  shared: async (p) => {
    await p.goto('/#/w/' + payload);
    await p.getByRole('button', { name: 'Save to Mine' }).waitFor();
  },
  sheet: async (p) => {
    await p.goto('/#/workout/pyramid');
    await p.getByRole('button', { name: 'Share', exact: true }).click();
    await p.getByRole('img', { name: 'QR code of the link' }).waitFor();
  },
  'workout-page': async (p) => {
    await p.goto('/#/workout/pyramid');
    await p.getByRole('img', { name: /^Profile/ }).scrollIntoViewIfNeeded();
  },
  'library-mine': async (p) => {
    await p.goto('/#/w/' + payload);
    await p.getByRole('button', { name: 'Save to Mine' }).click();
    await p.getByRole('button', { name: 'Delete' }).waitFor();
    await p.getByRole('button', { name: 'Rename' }).click();
    await p.getByRole('button', { name: 'Delete' }).scrollIntoViewIfNeeded();
  },
};
const sizes = [[390, 844], [844, 390], [320, 640]] as const;
const only = process.argv[2];
for (const [name, go] of Object.entries(screens)) {
  if (only && name !== only) continue;
  for (const [w, h] of sizes) for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, baseURL: `http://127.0.0.1:${address.port}`, colorScheme: scheme, serviceWorkers: 'block' });
    const page = await context.newPage();
    await go(page);
    await page.waitForTimeout(300);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const file = `/tmp/shots/${name}-${w}x${h}-${scheme}.png`;
    await page.screenshot({ path: file });
    console.log(file, sideways > 0 ? `SCROLLS SIDEWAYS by ${sideways}` : 'ok');
    await context.close();
  }
}
await browser.close();
await server.close();
