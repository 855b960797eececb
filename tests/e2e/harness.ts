/**
 * Shared set-up for the e2e journeys: Debian's Chromium at phone size against
 * the preview of the production build, recording every request the app makes
 * and every error it logs, so each test can check both afterwards.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { compile, summarise } from '../../src/dsl';
import { chromiumLaunchOptions } from '../setup/chromium';

export const baseUrl = inject('previewUrl');

/** Every built-in workout as the app should list it, worked out from the files themselves. */
const workoutsDir = new URL('../../workouts/', import.meta.url);
export const workouts = readdirSync(workoutsDir)
  .filter((name) => name.endsWith('.workout'))
  .sort()
  .map((name) => {
    const source = readFileSync(new URL(name, workoutsDir), 'utf8');
    const { plan } = compile(source);
    if (plan === null) throw new Error(`workouts/${name} does not compile`);
    return { id: name.replace(/\.workout$/, ''), title: plan.title, total: summarise(plan), weeks: plan.weeks };
  });

/** A label and its value as a person reads them ("Total 1:17:00"). */
export function fact(label: string, value: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*${escape(label)}\\s+${escape(value)}\\s*$`);
}

export interface Session {
  /** The page of the current test (a fresh browser context each test). */
  readonly page: Page;
  readonly context: BrowserContext;
}

/**
 * Registers the hooks: one browser per file, a fresh context per test, and
 * after each test the checks that every request stayed on the app's origin
 * (offline first: no CDN, no fonts, no analytics) and nothing threw.
 */
export function useBrowser(): Session {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let requests: string[] = [];
  let errors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch(chromiumLaunchOptions);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    requests = [];
    errors = [];
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: baseUrl });
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  });
  afterEach(async () => {
    await context?.close();
    expect(requests.length, 'the app was loaded').toBeGreaterThan(0);
    expect(
      requests.filter((url) => new URL(url).origin !== baseUrl),
      'requests off the app origin',
    ).toEqual([]);
    expect(errors, 'errors in the page').toEqual([]);
  });

  return {
    get page() {
      if (page === undefined) throw new Error('No page outside a test');
      return page;
    },
    get context() {
      if (context === undefined) throw new Error('No context outside a test');
      return context;
    },
  };
}
