import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/dsl/index';

/** Every example in the user's guide must be a valid workout. */
const guide = readFileSync(new URL('../../workouts/README.md', import.meta.url), 'utf8');
const blocks = [...guide.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => !b.includes('npm run') && !b.includes('error:'));

describe('workouts/README.md examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))('example %i compiles clean', (_n, block) => {
    const source = block.startsWith('#') ? block : `# Example\n${block.includes('->') ? 'weeks: 6\n' : ''}${block}`;
    const result = compile(source);
    expect(result.diagnostics).toEqual([]);
  });
});
