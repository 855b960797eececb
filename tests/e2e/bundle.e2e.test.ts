/** Properties of the production build itself (dist/, built before the tests). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workouts } from './harness';

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
});
