/**
 * Installable and completely offline: one visit, then airplane mode, and the
 * whole app still works: library, a workout with its cues, history.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness';

const session = useBrowser();

describe('offline', () => {
  it('after one visit, runs a workout to the end and shows it in History with the network gone', async () => {
    const { page, context } = session;
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    await page.clock.install({ time: new Date('2026-11-21T09:00:00') });

    await page.goto('/');
    await page.getByRole('heading', { name: 'Workouts' }).waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first load isn't controlled yet; from the next one the worker serves everything. Each reload waits
    // for the page's own late loads (Mine's chunks, after the first paint): a reload would abort them.
    await page.waitForLoadState('networkidle');
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.waitForLoadState('networkidle');

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Workouts' }).waitFor();
    await page.getByRole('link', { name: 'Fredericson stretches' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Done' }).click(); // "Get your rope or strap ready"
    await page.clock.runFor(70_000);
    await page.getByRole('heading', { name: 'Workout complete' }).waitFor();
    await page.getByText('Saved to History.').waitFor();
    await page.getByRole('link', { name: 'History' }).first().click();
    await page.getByRole('listitem').filter({ hasText: 'Fredericson stretches' }).first().waitFor();
    // Nothing anywhere says "offline" on the pages the athlete used.
    expect(await page.getByText(/offline/i).count()).toBe(0);
    expect(failed).toEqual([]);
  });
});

describe('install', () => {
  it('serves a manifest that links icons which exist', async () => {
    const { page } = session;
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href!);
    for (const icon of manifest.icons as { src: string }[]) {
      const status = await page.evaluate(async (src) => (await fetch(`/${src}`)).status, icon.src);
      expect(status, icon.src).toBe(200);
    }
    const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    expect(await page.evaluate(async (src) => (await fetch(src)).status, apple!)).toBe(200);
    expect(JSON.parse(await readFile(new URL(`../../${process.env['AQUAJOG_OUT_DIR'] || 'dist'}/manifest.webmanifest`, import.meta.url), 'utf8')).display).toBe(
      'standalone',
    );
  });
});
