/**
 * Sharing, the way people do it: a link from the share sheet opened in a
 * fresh browser (a preview that never runs or saves by itself; Save puts it in
 * Mine), the QR code beside it, every broken or hostile link giving a clear
 * message and changing nothing, and a round trip through a `.workout` file.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { decodeWorkout, encodeWorkout, toBase64Url } from '../../src/share/codec';
import { baseUrl, useBrowser } from './harness';

const session = useBrowser();

const pyramid = readFileSync(new URL('../../workouts/pyramid.workout', import.meta.url), 'utf8');

/** A second person's browser: nothing shared with the first. */
async function freshContext(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await session.context.browser()!.newContext({ viewport: { width: 390, height: 844 }, baseURL: baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, page, errors };
}

async function mineIsEmpty(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('region', { name: 'Mine' }).getByText('Workouts you write, copy or save from a link appear here.').waitFor();
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('sharing a workout', () => {
  it('gives a link and a QR code; the link opens as a preview in a fresh browser, and Save puts it in Mine', async () => {
    const { page } = session;
    await page.goto('/#/workout/pyramid');
    await page.getByRole('heading', { level: 1, name: 'Pyramid' }).waitFor();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: 'Share “Pyramid”' });
    const field = sheet.getByRole('textbox', { name: 'Link' });
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl}/#/w/z[A-Za-z0-9_-]+$`));
    // The link carries the whole text (the compressed bytes may differ between zlib builds; the text can't).
    expect(await decodeWorkout(link.slice(link.indexOf('#/w/') + 4))).toEqual({ ok: true, text: pyramid });
    const qr = sheet.getByRole('img', { name: 'QR code of the link' });
    const box = (await qr.boundingBox())!;
    // Big enough to scan from a distance: most of a phone's width.
    expect(box.width).toBeGreaterThanOrEqual(300);
    // Bigger still for a camera further away: as big as the screen allows.
    await sheet.getByRole('button', { name: 'Bigger QR code' }).click();
    expect((await qr.boundingBox())!.width).toBeGreaterThan(box.width);
    await sheet.getByRole('button', { name: 'Bigger QR code', pressed: true }).click();
    await sheet.getByRole('button', { name: 'Copy link' }).click();
    await sheet
      .getByRole('status')
      .getByText(/Link copied\.|The link is selected/)
      .waitFor();
    await sheet.getByRole('button', { name: 'Close' }).click();
    await sheet.waitFor({ state: 'hidden' });

    const other = await freshContext();
    try {
      await other.page.goto(link);
      await other.page.getByRole('heading', { level: 1, name: 'Shared workout: Pyramid' }).waitFor();
      await other.page.getByRole('img', { name: /^Profile: 1:17:00, 35 intervals/ }).waitFor();
      expect(await other.page.getByRole('region', { name: 'The workout’s text' }).textContent()).toContain('ladder 1m to 5m to 1m by 30s');
      expect(await other.page.getByRole('button', { name: 'Start' }).count()).toBe(0);
      // Opening it saved nothing.
      const look = await other.context.newPage();
      await mineIsEmpty(look);
      await look.close();

      await other.page.getByRole('button', { name: 'Save to Mine' }).click();
      await other.page.getByRole('heading', { level: 1, name: 'Pyramid' }).waitFor();
      expect(new URL(other.page.url()).hash).toMatch(/^#\/workout\/mine-/);
      await other.page.getByRole('button', { name: 'Start', exact: true }).waitFor();
      await other.page.goto('/');
      await other.page.getByRole('region', { name: 'Mine' }).getByRole('article', { name: 'Pyramid' }).waitFor();
      expect(other.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('hands the link, or the file, to the platform’s share sheet where there is one', async () => {
    const { page } = session;
    // Headless Chromium has no share sheet of its own: a stand-in records what it was given.
    await page.addInitScript(() => {
      const shared: unknown[] = [];
      Object.assign(window, { __shared: shared });
      Object.defineProperty(navigator, 'share', {
        value: async (data: ShareData) => void shared.push({ title: data.title, url: data.url, files: data.files?.map((f) => f.name) }),
      });
      Object.defineProperty(navigator, 'canShare', { value: () => true });
    });
    await page.goto('/#/workout/pyramid');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: 'Share “Pyramid”' });
    const link = await sheet.getByRole('textbox', { name: 'Link' }).inputValue();
    await sheet.getByRole('button', { name: 'Share link…' }).click();
    await sheet.getByRole('button', { name: 'Share as file…' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared))
      .toEqual([
        { title: 'Pyramid', url: link },
        { title: 'Pyramid', files: ['Pyramid.workout'] },
      ]);
  });

  it('says when a workout is too long for a QR code, and offers the file', async () => {
    const { page } = session;
    // Labels that don't compress: a link far past what a QR code a phone can read holds.
    let seed = 11;
    const word = () => Array.from({ length: 12 }, () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 26))).join('');
    const text = `# Long one\n${Array.from({ length: 120 }, () => `1m easy "${word()} ${word()}"`).join('\n')}\n`;
    await page.goto(`/#/w/${await encodeWorkout(text)}`);
    await page.getByRole('button', { name: 'Save to Mine' }).click();
    await page.getByRole('heading', { level: 1, name: 'Long one' }).waitFor();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: 'Share “Long one”' });
    await sheet.getByText('This workout is too long for a QR code. Share the link or the file instead.').waitFor();
    expect(await sheet.getByRole('img', { name: 'QR code of the link' }).count()).toBe(0);
    await sheet.getByRole('button', { name: 'Save as file' }).waitFor();
    expect((await sheet.getByRole('textbox', { name: 'Link' }).inputValue()).length).toBeGreaterThan(2000);
  });

  const hostile: readonly { name: string; payload: () => Promise<string>; message: RegExp }[] = [
    { name: 'an empty link', payload: async () => '', message: /carries no workout/ },
    { name: 'an unknown format', payload: async () => 'q' + toBase64Url(utf8('# A\n1m easy')), message: /isn’t an Aquajog workout link/ },
    { name: 'wrong base64', payload: async () => 'zAB$CD*', message: /characters a workout link never has/ },
    { name: 'a link cut short', payload: async () => (await encodeWorkout(pyramid)).slice(0, 60), message: /cut short|damaged/ },
    { name: 'corrupted data', payload: async () => 'z' + toBase64Url(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0)), message: /damaged/ },
    {
      name: 'a payload that inflates past 64 KB',
      payload: async () => 'z' + toBase64Url(deflateRawSync(Buffer.from('# Big\n' + '1m easy\n'.repeat(20_000)))),
      message: /too long \(over 64 KB\)/,
    },
    { name: 'invalid UTF-8', payload: async () => 'r' + toBase64Url(Uint8Array.of(0x23, 0x20, 0xc3, 0x28, 0xff)), message: /doesn’t hold text/ },
    { name: 'an empty text', payload: async () => 'r' + toBase64Url(utf8('  \n ')), message: /is empty/ },
  ];

  it.each(hostile)('says clearly what is wrong with $name, and changes nothing', async ({ payload, message }) => {
    const { page } = session;
    await page.goto(`/#/w/${await payload()}`);
    await page.getByRole('heading', { level: 1, name: 'This link can’t be opened' }).waitFor();
    await page.getByRole('alert').getByText(message).waitFor();
    expect(await page.getByRole('button', { name: 'Save to Mine' }).count()).toBe(0);
    await mineIsEmpty(page);
  });

  it('shows HTML and script in titles, notes and labels as text, never running them', async () => {
    const { page } = session;
    const text = [
      '# <img src=x onerror="window.__pwned=1">',
      '> <script>window.__pwned=2</script> a note',
      'warmup 1m easy "<b onmouseover=window.__pwned=3>bold</b>"',
      '1m sprint "</pre><iframe src=javascript:window.__pwned=4>"',
    ].join('\n');
    await page.goto(`/#/w/${await encodeWorkout(text)}`);
    await page.getByRole('heading', { level: 1, name: 'Shared workout: <img src=x onerror="window.__pwned=1">' }).waitFor();
    expect(await page.getByRole('region', { name: 'The workout’s text' }).textContent()).toContain('<script>window.__pwned=2</script>');
    await page.getByRole('button', { name: 'Save to Mine' }).click();
    await page.getByRole('heading', { level: 1, name: '<img src=x onerror="window.__pwned=1">' }).waitFor();
    await page
      .getByRole('cell', { name: /<b onmouseover=window.__pwned=3>bold<\/b>/ })
      .first()
      .waitFor();
    await page.goto('/');
    await page.getByRole('region', { name: 'Mine' }).getByRole('link', { name: '<img src=x onerror="window.__pwned=1">' }).waitFor();
    const injected = await page.evaluate(() => {
      const all: Element[] = [];
      const walk = (root: Document | ShadowRoot) =>
        root.querySelectorAll('*').forEach((el) => {
          all.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        });
      walk(document);
      const planted = all.filter(
        (el) => el.hasAttribute('onerror') || el.hasAttribute('onmouseover') || el.localName === 'iframe' || el.textContent === 'window.__pwned=2',
      );
      return { pwned: (window as { __pwned?: number }).__pwned ?? null, tags: planted.length };
    });
    expect(injected).toEqual({ pwned: null, tags: 0 });
  });

  it('round-trips a workout through a .workout file, and refuses a file that isn’t one', async () => {
    const { page } = session;
    await page.goto('/#/workout/pyramid');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: 'Share “Pyramid”' });
    const [download] = await Promise.all([page.waitForEvent('download'), sheet.getByRole('button', { name: 'Save as file' }).click()]);
    expect(download.suggestedFilename()).toBe('Pyramid.workout');
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toBe(pyramid);
    await sheet.getByRole('button', { name: 'Close' }).click();

    await page.goto('/');
    const mine = page.getByRole('region', { name: 'Mine' });
    await mine
      .getByLabel('Open a .workout file')
      .setInputFiles({ name: 'junk.workout', mimeType: 'text/plain', buffer: Buffer.from([0x23, 0xff, 0x00, 0x01]) });
    await mine.getByRole('alert').getByText('This file isn’t text, so it isn’t a workout. Nothing was changed.').waitFor();
    await mine.getByLabel('Open a .workout file').setInputFiles(path);
    await page.getByRole('heading', { level: 1, name: 'Shared workout: Pyramid' }).waitFor();
    await page.getByRole('button', { name: 'Save to Mine' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pyramid' }).waitFor();
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  });
});
