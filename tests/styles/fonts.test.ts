/**
 * The committed timer fonts are what bench/tools/subset-fonts.ts makes from the
 * packages: the digits face holds exactly the glyphs DIGIT_FACE_TEXT names (so
 * adding a character there without rerunning the script fails here), and the
 * text face is the package's latin file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { DIGIT_FACE_TEXT } from '../../src/styles/font-glyphs';

const require = createRequire(import.meta.url);
const committed = (name: string) => readFileSync(new URL(`../../src/assets/fonts/${name}`, import.meta.url));

describe('the bundled timer fonts', () => {
  it('has the digits face subset to DIGIT_FACE_TEXT, as the script makes it', async () => {
    const source = readFileSync(require.resolve('@fontsource/barlow-condensed/files/barlow-condensed-latin-700-normal.woff2'));
    const made = Buffer.from(await subsetFont(source, DIGIT_FACE_TEXT, { targetFormat: 'woff2' }));
    expect(made.equals(committed('barlow-condensed-700-timer.woff2')), 'rerun npx tsx bench/tools/subset-fonts.ts').toBe(true);
    // Worth the subsetting: the whole latin file is nearly three times the size.
    expect(made.length).toBeLessThan(source.length / 2);
  });

  it('has the text face as the package ships it', () => {
    const source = readFileSync(require.resolve('@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2'));
    expect(source.equals(committed('atkinson-hyperlegible-latin-700.woff2'))).toBe(true);
  });
});
