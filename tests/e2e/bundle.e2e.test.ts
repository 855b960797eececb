/** Properties of the production build itself (dist/, built before the tests). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceGroup, sourceSizes, walkInitial } from '../../bench/bundle';
import { workouts } from './harness';

/** The first page's JavaScript, gzipped (issue 9's bar). */
const FIRST_PAGE_GZIP_BYTES = 25 * 1024;

const dist = new URL(`../../${process.env['AQUAJOG_OUT_DIR'] || 'dist'}/`, import.meta.url);
const files = readdirSync(dist, { recursive: true, encoding: 'utf8' });
const scripts = files.filter((name) => name.endsWith('.js')).map((name) => readFileSync(new URL(name, dist), 'utf8'));

describe('the production build', () => {
  it('has no decorators left for the browser to choke on', () => {
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script).not.toMatch(/@(customElement|property|state|query\w*|eventOptions)\b/);
      expect(script).not.toMatch(/\baccessor\s+[A-Za-z_$]/);
    }
  });

  it('bundles every built-in workout instead of fetching it', () => {
    expect(files.filter((name) => name.endsWith('.workout'))).toEqual([]);
    const bundle = scripts.join('\n');
    for (const workout of workouts) expect(bundle, workout.title).toContain(`# ${workout.title}`);
  });

  it(`keeps the first page within ${FIRST_PAGE_GZIP_BYTES / 1024} KB of gzipped JavaScript, without the language, zod, storage or the timer`, () => {
    const root = fileURLToPath(dist);
    const { initial, lazy, missing } = walkInitial(root);
    expect(missing).toEqual([]);
    expect(initial.length).toBeGreaterThan(0);
    const gzip = initial.reduce((sum, chunk) => sum + chunk.gzip, 0);
    expect(gzip).toBeLessThanOrEqual(FIRST_PAGE_GZIP_BYTES);
    // What the first page is made of, from the source maps.
    const sources = new Set<string>();
    for (const chunk of initial) {
      const file = join(root, ...chunk.file.split('/').filter(Boolean));
      const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
      for (const source of sourceSizes(readFileSync(file, 'utf8'), map).keys()) sources.add(sourceGroup(source));
    }
    expect(sources.has('src/app/library/aq-library-page.ts')).toBe(true);
    const heavy = [...sources].filter((s) =>
      /^(zod|idb)$|^src\/(dsl|engine|storage\/(db|schema))|aq-timer-screen|aq-workout-page|workout-session|run-recorder/.test(s),
    );
    expect(heavy).toEqual([]);
    // Everything else is a lazy chunk the service worker precaches.
    expect(lazy.length).toBeGreaterThanOrEqual(5);
  });
});
