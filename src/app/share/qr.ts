/**
 * A QR code as one SVG path (dark modules, horizontal runs merged), made
 * with uqr. Capped at a version a phone camera still reads from a screen a
 * couple of metres away; longer links get null and the share sheet offers
 * the file instead.
 */
import { encode } from 'uqr';

/** The largest QR version drawn (117 modules a side; up to 1,273 bytes at the lowest error correction). */
export const QR_MAX_VERSION = 25;
/** The quiet zone the standard asks for, in modules. */
const QUIET = 4;

export interface Qr {
  /** Modules a side, quiet zone included (the SVG's viewBox). */
  readonly size: number;
  readonly version: number;
  /** The dark modules, as an SVG path in module units. */
  readonly path: string;
}

/** The QR code for `text`, or null when it is too long for one. */
export function qrCode(text: string, maxVersion = QR_MAX_VERSION): Qr | null {
  let result: ReturnType<typeof encode>;
  try {
    result = encode(text, { ecc: 'L', boostEcc: true, border: QUIET, maxVersion });
  } catch {
    return null;
  }
  let path = '';
  result.data.forEach((row, y) => {
    for (let x = 0; x < row.length;) {
      if (!row[x]) {
        x++;
        continue;
      }
      let run = 1;
      while (row[x + run]) run++;
      path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  });
  return { size: result.size, version: result.version, path };
}

/** The QR code as a standalone SVG document (black on white, whatever the theme). */
export function qrSvg(qr: Qr, pixelsPerModule = 8): string {
  const px = qr.size * pixelsPerModule;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${qr.size} ${qr.size}" width="${px}" height="${px}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${qr.path}" fill="#000"/></svg>`;
}
