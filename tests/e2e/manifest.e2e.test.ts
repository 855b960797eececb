/**
 * The built web app manifest, checked by a schema, and every icon it (and the
 * page) declares exists at the size it declares.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';

const dist = new URL(`../../${process.env['AQUAJOG_OUT_DIR'] || 'dist'}/`, import.meta.url);
const read = (path: string) => readFileSync(new URL(path.replace(/^\//, ''), dist));

const size = z.string().regex(/^\d+x\d+$/);
const manifestSchema = z.object({
  name: z.string().min(1),
  short_name: z.string().min(1).max(12),
  description: z.string().min(20),
  start_url: z.literal('/'),
  scope: z.literal('/'),
  display: z.literal('standalone'),
  theme_color: z.string().regex(/^#[0-9a-f]{6}$/i),
  background_color: z.string().regex(/^#[0-9a-f]{6}$/i),
  icons: z.array(z.object({ src: z.string(), sizes: size, type: z.literal('image/png'), purpose: z.string().optional() })).min(3),
  screenshots: z
    .array(z.object({ src: z.string(), sizes: size, type: z.literal('image/png'), form_factor: z.enum(['narrow', 'wide']), label: z.string() }))
    .min(2),
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('the web app manifest', () => {
  const manifest = manifestSchema.parse(JSON.parse(read('manifest.webmanifest').toString('utf8')));

  it('has 192 and 512 px icons and a separate maskable icon', () => {
    const plain = manifest.icons.filter((i) => (i.purpose ?? 'any') === 'any').map((i) => i.sizes);
    expect(plain).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.filter((i) => i.purpose === 'maskable').map((i) => i.sizes)).toEqual(['512x512']);
  });

  it('declares every icon and screenshot at its real size', () => {
    for (const image of [...manifest.icons, ...manifest.screenshots]) {
      expect(pngSize(read(image.src)), image.src).toBe(image.sizes);
    }
  });

  it('has narrow and wide screenshots for the richer install dialog', () => {
    expect(new Set(manifest.screenshots.map((s) => s.form_factor))).toEqual(new Set(['narrow', 'wide']));
  });

  it('gives iOS a 180 px apple-touch-icon, linked from the page', () => {
    const html = read('index.html').toString('utf8');
    const href = /<link rel="apple-touch-icon" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    expect(pngSize(read(href!))).toBe('180x180');
  });

  it('has a strict Content-Security-Policy: no inline scripts, no eval, same-origin connections', () => {
    const html = read('index.html').toString('utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });
});
