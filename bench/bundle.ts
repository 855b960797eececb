/**
 * The production build: how much JavaScript the first page load fetches,
 * gzipped. Follows dist/index.html's module scripts and modulepreload links,
 * then each chunk's static imports; dynamic imports (lazy chunks) are listed
 * apart, since the first page does not wait for them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { count, table, type Context, type Section } from './report';

/** Attributes of every `<tag ...>` in `html`, lower-cased names. */
function tags(html: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1]!.toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    }
    out.push(attrs);
  }
  return out;
}

/** URLs of the JavaScript the page loads up front: module scripts, then modulepreloads. */
export function initialScripts(html: string): string[] {
  const scripts = tags(html, 'script')
    .filter((a) => a['type'] === 'module' && a['src'])
    .map((a) => a['src']!);
  const preloads = tags(html, 'link')
    .filter((a) => (a['rel'] ?? '').split(/\s+/).includes('modulepreload') && a['href'])
    .map((a) => a['href']!);
  return [...new Set([...scripts, ...preloads])];
}

/** Stylesheets the page links, for the footnote. */
export function stylesheets(html: string): string[] {
  return tags(html, 'link')
    .filter((a) => (a['rel'] ?? '').split(/\s+/).includes('stylesheet') && a['href'])
    .map((a) => a['href']!);
}

/**
 * Specifiers of a module's static imports and re-exports (`import x from"./a.js"`,
 * `import"./b.js"`, `export*from"./c.js"`), and separately its dynamic `import("./d.js")`s.
 * Built for minified bundler output, not arbitrary code (strings that look like
 * imports would count too).
 */
export function moduleImports(code: string): { static: string[]; dynamic: string[] } {
  const stat = new Set<string>();
  const dyn = new Set<string>();
  const from = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'])([^"'\n]+)\1/g;
  for (const m of code.matchAll(from)) stat.add(m[2]!);
  for (const m of code.matchAll(/(?:^|[^\w$.])import\s*\(\s*(["'`])([^"'`\n]+)\1\s*\)/g)) dyn.add(m[2]!);
  return { static: [...stat], dynamic: [...dyn].filter((d) => !stat.has(d)) };
}

/** Maps a URL from the page (absolute or relative to `from`) to a file under dist, if there is one. */
function fileFor(dist: string, url: string, from = '/'): string | null {
  if (/^[a-z]+:\/\//i.test(url) && !url.startsWith('http://bench/')) return null;
  const path = decodeURIComponent(new URL(url, `http://bench${from}`).pathname);
  // A `base` such as /aquajog/ prefixes every URL but not the files: drop leading segments until one exists.
  const parts = path.split('/').filter((p) => p !== '');
  for (let k = 0; k < parts.length; k++) {
    const candidate = join(dist, ...parts.slice(k));
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map segment (base64 VLQ) into its numbers. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch);
    if (digit < 0) throw new Error(`bad VLQ character ${JSON.stringify(ch)}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * Bytes of generated code attributed to each original source, from a source
 * map (v3, no index maps). A segment runs to the next segment on its line or
 * to the line's end. Code on a line before its first segment is counted under
 * `(unmapped)`: bundlers leave the inside of multi-line strings unmapped, such
 * as Lit `css` blocks and files inlined as text, and guessing their owner from
 * the segment before them is wrong as often as not. Columns are UTF-16 units,
 * which for minified ASCII output are bytes; the sizes add up to `code.length`.
 */
export function sourceSizes(code: string, map: { sources: readonly (string | null)[]; mappings: string }): Map<string, number> {
  const sizes = new Map<string, number>();
  const keyOf = (source: number | null) => (source === null ? '(unmapped)' : (map.sources[source] ?? '(unknown)'));
  const add = (source: number | null, n: number) => {
    if (n > 0) sizes.set(keyOf(source), (sizes.get(keyOf(source)) ?? 0) + n);
  };
  const codeLines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  let source = 0;
  codeLines.forEach((text, li) => {
    // Each line break belongs with the code before it.
    const lineLength = text.length + (li < codeLines.length - 1 ? 1 : 0);
    let column = 0;
    const segments: { column: number; source: number | null }[] = [];
    for (const seg of (mappingLines[li] ?? '').split(',')) {
      if (seg === '') continue;
      const v = decodeVlq(seg);
      column += v[0] ?? 0;
      if (v.length >= 4) source += v[1]!;
      segments.push({ column, source: v.length >= 4 ? source : null });
    }
    add(null, Math.min(segments[0]?.column ?? lineLength, lineLength));
    segments.forEach((seg, k) => {
      const end = Math.min(segments[k + 1]?.column ?? lineLength, lineLength);
      add(seg.source, end - Math.min(seg.column, end));
    });
  });
  return sizes;
}

/** `../../node_modules/@lit/reactive-element/x.js` -> `@lit/reactive-element`; `../src/dsl/parse.ts` -> `src/dsl/parse.ts`. */
export function sourceGroup(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1]!;
  const src = /(?:^|\/)((?:src|workouts|public)\/.*)$/.exec(source);
  return src ? src[1]! : source.replace(/^(\.\.?\/)+/, '');
}

interface Chunk {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
  readonly via: string;
}

const gzipped = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** Walks the initial module graph from index.html; returns it and any lazy chunks it names. */
export function walkInitial(dist: string): { initial: Chunk[]; lazy: Chunk[]; missing: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const seen = new Map<string, Chunk>();
  const lazy = new Map<string, Chunk>();
  const missing: string[] = [];
  const queue: { file: string; via: string }[] = [];
  const urlOf = (file: string) => `/${relative(dist, file).split(/[\\/]/).join('/')}`;
  for (const url of initialScripts(html)) {
    const f = fileFor(dist, url);
    if (f) queue.push({ file: f, via: /modulepreload/.test(html) && !tags(html, 'script').some((a) => a['src'] === url) ? 'modulepreload' : 'script' });
    else missing.push(url);
  }
  const dynamicFound: string[] = [];
  while (queue.length > 0) {
    const { file, via } = queue.shift()!;
    if (seen.has(file)) continue;
    const buf = readFileSync(file);
    seen.set(file, { file: urlOf(file), raw: buf.length, gzip: gzipped(buf), via });
    const imports = moduleImports(buf.toString('utf8'));
    const base = posix.dirname(urlOf(file)) + '/';
    for (const spec of imports.static) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue; // bare specifiers are not files
      const f = fileFor(dist, spec, base);
      if (f) queue.push({ file: f, via: `import in ${posix.basename(urlOf(file))}` });
      else missing.push(spec);
    }
    for (const spec of imports.dynamic) {
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const f = fileFor(dist, spec, base);
        if (f) dynamicFound.push(f);
      }
    }
  }
  for (const f of dynamicFound) {
    if (seen.has(f) || lazy.has(f)) continue;
    const buf = readFileSync(f);
    lazy.set(f, { file: urlOf(f), raw: buf.length, gzip: gzipped(buf), via: 'import()' });
  }
  return { initial: [...seen.values()], lazy: [...lazy.values()], missing };
}

/** Every .js file under dir (recursive), for the "other JavaScript" line. */
function allJs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...allJs(p));
    else if (entry.name.endsWith('.js') || entry.name.endsWith('.mjs')) out.push(p);
  }
  return out;
}

export function build(root: string, print: Context['print']): boolean {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  print('building: vite build ...');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [vite, 'build'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    print(`vite build failed (exit ${r.status ?? r.signal}) after ${seconds} s; last lines:`);
    for (const l of `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-15)) print(`  ${l}`);
    return false;
  }
  print(`built in ${seconds} s`);
  return true;
}

/** The biggest packages and source files in the initial JavaScript, from the source maps. */
function contributors(dist: string, initial: readonly Chunk[], print: Context['print']): void {
  const sizes = new Map<string, number>();
  let withoutMap = 0;
  for (const chunk of initial) {
    const file = join(dist, ...chunk.file.split('/').filter((p) => p !== ''));
    const mapFile = `${file}.map`;
    if (!existsSync(mapFile)) {
      withoutMap++;
      continue;
    }
    try {
      const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
      for (const [source, n] of sourceSizes(readFileSync(file, 'utf8'), map)) {
        const group = sourceGroup(source);
        sizes.set(group, (sizes.get(group) ?? 0) + n);
      }
    } catch (e) {
      print(`  (could not read ${relative(dist, mapFile)}: ${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (sizes.size === 0) {
    if (withoutMap > 0) print('  (no source maps next to the chunks: build with sourcemap on to see what the bytes are)');
    return;
  }
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const top = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 12);
  print();
  print('  biggest parts of it, minified bytes before gzip (from the source maps):');
  const label = (name: string) => (name === '(unmapped)' ? '(unmapped: multi-line strings, e.g. CSS, .workout text)' : name);
  const rows = top.map(([name, n]) => [label(name), count(n), `${((100 * n) / total).toFixed(1)}%`]);
  for (const l of table(['source', 'bytes', 'share'], rows, 'lrr')) print(`    ${l}`);
}

export const bundleSection: Section = {
  name: 'bundle',
  title: 'Production build: JavaScript for the first page, gzip level 9 (node:zlib)',
  run({ root, flags, print }) {
    const dist = join(root, process.env['AQUAJOG_OUT_DIR'] || 'dist');
    const index = join(dist, 'index.html');
    if (flags.has('--build') || !existsSync(index)) {
      if (!build(root, print)) return;
    } else {
      print(`using the existing dist/ (built ${statSync(index).mtime.toISOString().replace('T', ' ').slice(0, 19)} UTC); --build rebuilds it`);
    }
    if (!existsSync(index)) {
      print('dist/index.html is missing: nothing to measure');
      return;
    }
    const { initial, lazy, missing } = walkInitial(dist);
    const total = initial.reduce((a, c) => ({ raw: a.raw + c.raw, gzip: a.gzip + c.gzip }), { raw: 0, gzip: 0 });
    const rows = initial.map((c) => [c.file, count(c.raw), count(c.gzip), c.via]);
    rows.push(['total (initial page)', count(total.raw), count(total.gzip), `${initial.length} file${initial.length === 1 ? '' : 's'}`]);
    print();
    for (const l of table(['file', 'bytes', 'gzip', 'loaded by'], rows, 'lrrl')) print(`  ${l}`);
    print(`  initial JavaScript: ${(total.gzip / 1024).toFixed(1)} KB gzipped (${(total.raw / 1024).toFixed(1)} KB raw)`);
    if (missing.length > 0) print(`  not found under dist/: ${missing.join(', ')}`);
    contributors(dist, initial, print);

    const html = readFileSync(index, 'utf8');
    const css = stylesheets(html)
      .map((u) => fileFor(dist, u))
      .filter((f): f is string => f !== null);
    const cssGzip = css.reduce((a, f) => a + gzipped(readFileSync(f)), 0);
    print(
      `  also fetched up front: index.html ${count(gzipped(Buffer.from(html)))} B gzipped${css.length ? `, CSS ${count(cssGzip)} B gzipped (${css.length} file${css.length === 1 ? '' : 's'})` : ''}`,
    );
    if (lazy.length > 0) {
      const lazyGzip = lazy.reduce((a, c) => a + c.gzip, 0);
      print(`  lazy chunks (import()): ${lazy.length}, ${count(lazyGzip)} B gzipped: ${lazy.map((c) => c.file).join(', ')}`);
    }
    const counted = new Set([...initial, ...lazy].map((c) => c.file));
    const other = allJs(dist).filter((f) => !counted.has(`/${relative(dist, f).split(/[\\/]/).join('/')}`));
    if (other.length > 0) {
      const gz = other.reduce((a, f) => a + gzipped(readFileSync(f)), 0);
      print(
        `  other JavaScript in dist/ (service worker, workbox, unreferenced): ${other.length} file${other.length === 1 ? '' : 's'}, ${count(gz)} B gzipped: ${other.map((f) => relative(dist, f)).join(', ')}`,
      );
    }
  },
};
