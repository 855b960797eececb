/**
 * Everything past the first page loads on demand (precached by the service
 * worker). If a part can't be loaded after all (a broken deploy, storage
 * trouble), the app says so in words and loads it again on the next try,
 * instead of staying blank.
 */
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumLaunchOptions } from '../setup/chromium';

const baseUrl = inject('previewUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
});

describe('a part of the app that fails to load', () => {
  it('is reported, and loads when tried again', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: baseUrl, serviceWorkers: 'block' });
    const page = await context.newPage();
    let refuse = true;
    await page.route(/\/assets\/aq-workout-page-[^/]+\.js$/, (route) => (refuse ? route.abort() : route.continue()));
    await page.goto('/');
    await page.getByRole('link', { name: 'Pyramid', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: "Part of Aquajog couldn't load" }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Pyramid' }).count()).toBe(1);
    // Back to the library and in again: this time it loads.
    refuse = false;
    await page.goBack();
    await page.getByRole('link', { name: 'Pyramid', exact: true }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: "couldn't load" }).count()).toBe(0);
    await context.close();
  });
});
