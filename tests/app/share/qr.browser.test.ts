/**
 * The QR code decodes back to the link: drawn from the SVG the share sheet
 * shows, rasterised by Chromium, read by jsQR (a well-kept decoder).
 */
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrCode, qrSvg, QR_MAX_VERSION } from '../../../src/app/share/qr';
import { encodeWorkout } from '../../../src/share/codec';
import { shareLink } from '../../../src/share/link';

const files = import.meta.glob<string>('/workouts/*.workout', { query: '?raw', import: 'default', eager: true });

async function decode(svgText: string, size: number): Promise<string | null> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, size, size);
  const data = context.getImageData(0, 0, size, size);
  return jsQR(data.data, size, size)?.data ?? null;
}

describe('QR codes', () => {
  it('decode back to the share link of every built-in workout that fits one', async () => {
    let drawn = 0;
    for (const [path, source] of Object.entries(files)) {
      const link = shareLink('https://aquajog.example/', await encodeWorkout(source));
      const qr = qrCode(link);
      if (qr === null) {
        // Too long: the sheet says so and offers the file.
        expect(link.length, path).toBeGreaterThan(1000);
        continue;
      }
      drawn++;
      expect(qr.version, path).toBeLessThanOrEqual(QR_MAX_VERSION);
      expect(await decode(qrSvg(qr, 6), qr.size * 6), path).toBe(link);
    }
    expect(drawn).toBeGreaterThanOrEqual(5);
  });

  it('say a link is too long for one instead of drawing an unreadable code', () => {
    expect(qrCode('https://aquajog.example/#/w/r' + 'A'.repeat(4000))).toBeNull();
    expect(qrCode('https://aquajog.example/#/w/rAAAA')?.version).toBeLessThanOrEqual(3);
  });

  it('keep HTML in the link as data, never markup', async () => {
    const link = shareLink('https://aquajog.example/', await encodeWorkout('# <script>alert(1)</script>\n1m easy'));
    const qr = qrCode(link)!;
    expect(qr.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    expect(await decode(qrSvg(qr, 6), qr.size * 6)).toBe(link);
  });
});
