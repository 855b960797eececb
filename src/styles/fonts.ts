/**
 * The timer's two bundled typefaces, registered through the CSS Font Loading
 * API (no stylesheet, so nothing inline for the Content-Security-Policy to
 * refuse; `font-src 'self'` allows the files). The files are build assets,
 * precached by the service worker like the code: no font is ever fetched from
 * the network, and the digits look the same on every phone.
 *
 * - `--aq-font-digits`: Barlow Condensed Bold, tall narrow digits, so the time
 *   left can be as tall as the screen allows.
 * - `--aq-font-text`: Atkinson Hyperlegible Bold, a typeface designed for low
 *   vision, for every word on the timer.
 */
import atkinsonUrl from '../assets/fonts/atkinson-hyperlegible-latin-700.woff2?url';
import digitsUrl from '../assets/fonts/barlow-condensed-700-timer.woff2?url';

/** Font family names as the tokens use them. */
export const DIGITS_FAMILY = 'Aquajog Digits';
export const TEXT_FAMILY = 'Aquajog Text';

const registered = new WeakSet<FontFaceSet>();

/**
 * Adds the timer's faces to a document's fonts and starts loading them, so they
 * are ready before the first run. Safe to call more than once.
 */
export function registerTimerFonts(doc: Document = document): void {
  const fonts = doc.fonts;
  if (!fonts || registered.has(fonts) || typeof FontFace === 'undefined') return;
  registered.add(fonts);
  // One bold file answers every weight the timer asks for (700-900): nothing synthesised.
  const faces = [
    new FontFace(DIGITS_FAMILY, `url(${JSON.stringify(digitsUrl)}) format('woff2')`, { weight: '100 900', display: 'block' }),
    new FontFace(TEXT_FAMILY, `url(${JSON.stringify(atkinsonUrl)}) format('woff2')`, { weight: '100 900', display: 'swap' }),
  ];
  for (const face of faces) {
    fonts.add(face);
    // A failure leaves the system fallback in place; the timer still works.
    face.load().catch(() => undefined);
  }
}
