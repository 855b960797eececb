/**
 * The layers depend downwards only: the pure core (language, engine) on
 * nothing; storage and the platform bridges on the core at most; the app on
 * everything. A file that imports upwards fails here with its name and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** What each layer may import from inside src/ (besides itself). */
const allowed: Record<string, readonly string[]> = {
  dsl: [],
  engine: ['dsl'],
  programme: ['dsl'],
  storage: ['dsl', 'engine', 'programme'],
  platform: ['dsl', 'engine'],
  styles: ['assets'],
  share: ['dsl'],
};
/** Packages a layer must not use. */
const banned: Record<string, readonly string[]> = {
  dsl: ['lit', 'idb'],
  engine: ['lit', 'idb'],
  programme: ['lit', 'idb'],
  storage: ['lit'],
  platform: ['lit', 'idb'],
  share: ['lit', 'idb'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function imports(file: string): { spec: string; line: number }[] {
  const out: { spec: string; line: number }[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      for (const m of text.matchAll(/(?:^|\s)(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/g)) {
        out.push({ spec: (m[1] ?? m[2] ?? m[3])!, line: i + 1 });
      }
    });
  return out;
}

describe('layers', () => {
  for (const layer of Object.keys(allowed)) {
    it(`src/${layer} imports nothing above it`, () => {
      const wrong: string[] = [];
      for (const file of files(join(src, layer))) {
        for (const { spec, line } of imports(file)) {
          const where = `src/${relative(src, file)}:${line} imports ${spec}`;
          if (spec.startsWith('.')) {
            const target = relative(src, resolve(dirname(file), spec)).split(/[\\/]/)[0]!;
            if (target !== layer && !allowed[layer]!.includes(target)) wrong.push(where);
          } else if (banned[layer]?.some((p) => spec === p || spec.startsWith(`${p}/`))) wrong.push(where);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('finds imports (the check can fail)', () => {
    const probe = imports(join(src, 'storage/schema.ts'));
    expect(probe.some((i) => i.spec === 'zod/mini')).toBe(true);
  });
});
