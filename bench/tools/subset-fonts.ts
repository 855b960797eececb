/**
 * Makes the timer's bundled fonts from the @fontsource packages:
 *
 *   npx tsx bench/tools/subset-fonts.ts
 *
 * - Barlow Condensed Bold, subset with HarfBuzz (subset-font) to what the big
 *   type shows: digits, the colon and capital letters (zone names and tempo
 *   phases are shown in capitals): 8 KB instead of the 22 KB latin file.
 * - Atkinson Hyperlegible Bold for every other word on the timer: copied as
 *   its latin subset, because workout labels are whatever the author wrote.
 *
 * The output is committed (src/assets/fonts/), so a build needs neither the
 * packages nor WebAssembly; rerun this after upgrading either package or
 * changing DIGIT_FACE_TEXT (tests/styles/fonts.test.ts fails until you do).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { DIGIT_FACE_TEXT } from '../../src/styles/font-glyphs';

const require = createRequire(import.meta.url);
const out = new URL('../../src/assets/fonts/', import.meta.url);

const barlow = require.resolve('@fontsource/barlow-condensed/files/barlow-condensed-latin-700-normal.woff2');
const digits = await subsetFont(readFileSync(barlow), DIGIT_FACE_TEXT, { targetFormat: 'woff2' });
writeFileSync(new URL('barlow-condensed-700-timer.woff2', out), digits);

const atkinson = require.resolve('@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2');
copyFileSync(atkinson, new URL('atkinson-hyperlegible-latin-700.woff2', out));

console.log(`barlow-condensed-700-timer.woff2 ${digits.length} bytes; atkinson-hyperlegible-latin-700.woff2 copied`);
