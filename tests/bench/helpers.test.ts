/**
 * Smoke tests for the benchmark's pure helpers (bench/): statistics, tables,
 * reading the built page's module graph, source-map attribution, and the
 * generated workouts the DSL section times. The figures themselves are not
 * tested: `npm run bench` only reports them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeVlq, initialScripts, moduleImports, sourceGroup, sourceSizes, stylesheets, walkInitial } from '../../bench/bundle';
import { hostileInputs, largeWorkouts } from '../../bench/dsl';
import { micros, percentile, stats, table, time } from '../../bench/report';
import { main } from '../../bench/run';
import { compile, MAX_INTERVALS } from '../../src/dsl/index';

describe('statistics and tables', () => {
  it('computes nearest-rank percentiles and the median', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 0.95)).toBe(95);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 1)).toBe(100);
    expect(percentile([], 0.5)).toBeNaN();
    expect(stats([3, 1, 2])).toEqual({ runs: 3, min: 1, median: 2, p95: 3, max: 3 });
    expect(stats([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('times every run, and stops at the budget once it has the minimum', () => {
    let calls = 0;
    const s = time(() => calls++, { warmup: 5, runs: 50 });
    expect(calls).toBe(55);
    expect(s.runs).toBe(50);
    expect(s.min).toBeGreaterThanOrEqual(0);
    const slow = time(
      () => {
        const end = performance.now() + 2;
        while (performance.now() < end);
      },
      { warmup: 0, runs: 1000, budgetMs: 10, minRuns: 3 },
    );
    expect(slow.runs).toBeGreaterThanOrEqual(3);
    expect(slow.runs).toBeLessThan(1000);
  });

  it('formats microseconds and aligns table columns', () => {
    expect([micros(1.234), micros(99.94), micros(1234.4), micros(Number.NaN)]).toEqual(['1.2', '99.9', '1,234', '-']);
    expect(
      table(
        ['name', 'n'],
        [
          ['a', '1'],
          ['long name', '1,000'],
        ],
        'lr',
      ),
    ).toEqual(['name           n', '---------  -----', 'a              1', 'long name  1,000']);
  });
});

describe('the initial page of a build', () => {
  it('finds module scripts and modulepreload links, in any attribute order', () => {
    const html = `<!doctype html><head>
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/lit-def.js">
      <link href='/assets/zod-123.js' rel='modulepreload'>
      <link rel="stylesheet" href="/assets/index-9.css">
      <script src="/legacy.js"></script>
      <link rel="icon" href="/favicon.svg">`;
    expect(initialScripts(html)).toEqual(['/assets/index-abc.js', '/assets/lit-def.js', '/assets/zod-123.js']);
    expect(stylesheets(html)).toEqual(['/assets/index-9.css']);
  });

  it('reads static imports and re-exports from minified code, and dynamic ones apart', () => {
    const code =
      'import{a as b,c}from"./lit-1.js";import"./side.js";export*from\'./re.js\';' +
      'const x=()=>import("./lazy-2.js");const s="not an import";window.importer=1;';
    expect(moduleImports(code)).toEqual({ static: ['./lit-1.js', './side.js', './re.js'], dynamic: ['./lazy-2.js'] });
    expect(moduleImports('import x from "lit";\nimport * as z from "./z.js"')).toEqual({ static: ['lit', './z.js'], dynamic: [] });
  });

  const dir = mkdtempSync(join(tmpdir(), 'aquajog-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('walks index.html, its preloads and their static imports, once each, under a base path', () => {
    const dist = join(dir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<script type="module" src="/app/assets/index.js"></script><link rel="modulepreload" href="/app/assets/a.js">');
    writeFileSync(join(dist, 'assets', 'index.js'), 'import"./a.js";import{b}from"./b.js";const l=()=>import("./lazy.js");');
    writeFileSync(join(dist, 'assets', 'a.js'), 'import{b}from"./b.js";export const a=1;');
    writeFileSync(join(dist, 'assets', 'b.js'), `export const b="${'b'.repeat(1000)}";`);
    writeFileSync(join(dist, 'assets', 'lazy.js'), 'export default 1;');
    writeFileSync(join(dist, 'assets', 'unused.js'), 'export default 2;');
    const { initial, lazy, missing } = walkInitial(dist);
    expect(initial.map((c) => c.file)).toEqual(['/assets/index.js', '/assets/a.js', '/assets/b.js']);
    expect(initial.map((c) => c.via)).toEqual(['script', 'modulepreload', 'import in index.js']);
    expect(initial[2]!.raw).toBe(1018);
    expect(initial[2]!.gzip).toBeLessThan(100);
    expect(lazy.map((c) => c.file)).toEqual(['/assets/lazy.js']);
    expect(missing).toEqual([]);
  });
});

describe('source-map attribution', () => {
  it('decodes base64 VLQ segments', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('CAAC')).toEqual([1, 0, 0, 1]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('gB')).toEqual([16]);
    expect(decodeVlq('2HwBAA')).toEqual([123, 24, 0, 0]);
    expect(() => decodeVlq('!')).toThrow();
  });

  it('shares the generated bytes out among the sources, and the rest is unmapped', () => {
    // Line 1: `ab` from a.ts, `cd` from b.ts; line 2: an unmapped string tail, then `ef` from a.ts.
    const code = 'abcd\n"x"ef';
    const map = { sources: ['../src/a.ts', '../node_modules/zod/v4/b.js'], mappings: 'AAAA,ECAA;GDAA' };
    const sizes = sourceSizes(code, map);
    expect(Object.fromEntries(sizes)).toEqual({ '../src/a.ts': 4, '../node_modules/zod/v4/b.js': 3, '(unmapped)': 3 });
    expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBe(code.length);
  });

  it('groups sources by package or project path', () => {
    expect(sourceGroup('../../../../work/main/node_modules/zod/v4/core/util.js')).toBe('zod');
    expect(sourceGroup('../node_modules/@lit/reactive-element/css-tag.js')).toBe('@lit/reactive-element');
    expect(sourceGroup('../../src/dsl/parse.ts')).toBe('src/dsl/parse.ts');
    expect(sourceGroup('\0vite/modulepreload-polyfill')).toBe('\0vite/modulepreload-polyfill');
  });
});

describe('the DSL section inputs', () => {
  it('has workouts that expand to about the interval limit', () => {
    for (const { name, source } of largeWorkouts()) {
      const result = compile(source);
      expect(result.diagnostics, name).toEqual([]);
      expect(result.plan!.intervals.length, name).toBeGreaterThan(MAX_INTERVALS * 0.95);
      expect(result.plan!.intervals.length, name).toBeLessThanOrEqual(MAX_INTERVALS);
    }
  });

  it('has hostile inputs that compile turns away', () => {
    const codes = hostileInputs().map(({ source }) => compile(source).diagnostics[0]?.code);
    expect(codes).toEqual(['too-long', 'too-long', 'too-long', 'unknown-word']);
  });
});

describe('bench/run.ts', () => {
  it('prints usage for --help and rejects an unknown section', async () => {
    const lines: string[] = [];
    expect(await main(['--help'], (l = '') => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toMatch(/dsl {5}Workout language/);
    expect(lines.join('\n')).toMatch(/bundle {2}Production build/);
    const error = console.error;
    console.error = () => {};
    try {
      expect(await main(['nope'], () => {})).toBe(2);
    } finally {
      console.error = error;
    }
  });
});
