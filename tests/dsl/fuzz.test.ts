/**
 * Fuzzing the workout language: thousands of random and mutated sources, each
 * checked against the properties every compile must have, whatever the input:
 * it never throws, diagnostics point inside the text (line, column and offsets
 * agree with an independent recount), are sorted and capped, compiling is
 * deterministic, and an accepted workout is a valid, bounded plan.
 *
 * Deterministic: a seeded PRNG (mulberry32). Every failure names the seed, the
 * case and its input; rerun with FUZZ_SEED=<seed>, try other seeds the same way,
 * and FUZZ_SCALE=10 for ten times the cases (FUZZ_VERBOSE=1 prints how many
 * inputs each generator got past the checker).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compile, MAX_INTERVALS, MAX_SOURCE_BYTES, planSchema, type CompileOptions, type CompileResult, type Diagnostic } from '../../src/dsl/index';
import { DIAGNOSTIC_CODES } from '../../src/dsl/diagnostics';

const SEED = Number(process.env['FUZZ_SEED'] ?? 0x5eed_a9a) >>> 0;
/** Scales every generator's case count; the default runs 10,000 inputs in all. */
const SCALE = Number(process.env['FUZZ_SCALE'] ?? 1);
/** No timing asserts here, but a loaded machine should not fail the run either. */
const TIMEOUT = 60_000;

const dir = new URL('../../workouts/', import.meta.url);
const CORPUS = readdirSync(dir)
  .filter((f) => f.endsWith('.workout'))
  .sort()
  .map((f) => readFileSync(new URL(f, dir), 'utf8'));

// ---- PRNG ------------------------------------------------------------------

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!;
const chance = (rng: Rng, p: number): boolean => rng() < p;

// ---- vocabulary --------------------------------------------------------------

/** Things phones and people type that the normaliser or tokenizer must survive. */
const ODD = [
  '\t',
  '"',
  '-',
  '\u2013',
  '\u2014',
  '\u2212',
  '\u201C',
  '\u201D',
  '\u2018',
  '\u2019',
  '\u00D7',
  '\u2192',
  '\u00A0',
  '\u202F',
  '\u3000',
  '\uFEFF',
  '\u200B',
  '\uD83D\uDCAA',
  '\uD83C\uDFCA\u200D\u2640\uFE0F',
  '\uD83D',
  '\uDCAA',
  '\uDBFF',
  '\uDC00',
  '\r\n',
  '\r',
  '\n',
  '\u2028',
  '\u0085',
  '\0',
  '\\',
  ':',
  '//',
  '#',
  '>',
  '*',
  '%',
  'x',
  'X',
  '->',
  '- >',
  '0',
  '9',
  '00',
  ' ',
  '  ',
  'é',
  'ǅ',
  '١٢',
  '\u0301',
  '<',
  '&',
  '${',
];

const TOKENS = [
  // numbers and times
  '0',
  '1',
  '2',
  '3',
  '5',
  '10',
  '15',
  '30',
  '60',
  '99',
  '999',
  '999999',
  '1000000',
  '00',
  '007',
  '12345678901234567890',
  '30s',
  '0s',
  '1s',
  '5s',
  '90s',
  '10m',
  '0m',
  '1m30s',
  '1m3s',
  '1m30',
  '1:30',
  '1:00',
  '0:00',
  '3:5',
  '1:60',
  '90:00',
  '1:30:00',
  '1440m',
  '1441m',
  '86400s',
  '86401s',
  '10mn',
  '10 m',
  '30sec',
  '5min',
  // ranges, progressions, repeats
  '10-15x',
  '15-10x',
  '3x',
  '1x',
  '0x',
  '999x',
  '2 x',
  'x',
  '\u00D7',
  '3\u00D7',
  '1->3x',
  '3->1x',
  '20-30s',
  '30-20s',
  '10-12m',
  '20s-30s',
  '1:00-1:30',
  '1:00->1:30',
  '15->30',
  '15->30 reps',
  '10-15 reps',
  '->',
  '\u2192',
  '-',
  '--',
  // keywords
  'ladder',
  'ladder 1m to 5m by 30s',
  'ladder 1m to 5m to 1m by 30s',
  'ladder 1m to 5m by 40s',
  'ladder 5m to 1m by 1m',
  'to',
  'by',
  'between',
  'warmup',
  'cooldown',
  'reps',
  'rep',
  'steps',
  'step',
  'open',
  'each',
  'each side',
  'each leg',
  'each arm',
  'each foot',
  'tempo',
  'tempo 2-5-2',
  'tempo 2-5',
  'tempo 0-0-0',
  'tempo 700-1-1',
  'hold',
  'hold 5s',
  'hold 0s',
  'hold 5',
  'zone',
  'bpm',
  '120-150 bpm',
  '87-92% HRmax',
  '87-92%',
  '% HRmax',
  'HRmax',
  'FTP',
  '300 bpm',
  // zones
  'easy',
  'medium',
  'hard',
  'sprint',
  'rest',
  'work',
  'sprnt',
  'threshold',
  'Easy',
  'HARD',
  // text
  '"quoted"',
  '"Clamshell',
  '""',
  '"a // b"',
  '\u201Ccurly\u201D',
  '\u201Copen',
  '"\uD83D\uDCAA"',
  '*',
  '//',
  '// comment',
  '>',
  '> note',
  '#',
  '# Title',
  'https://example.com',
  // settings and zone lines
  'weeks: 6',
  'weeks: 0',
  'weeks: 53',
  'weeks:',
  'when: 3x daily',
  'when:',
  'tags: pool, bungee',
  'tags: ,',
  'switch: 5s',
  'switch: 0s',
  'switch: 5',
  'whn: daily',
  'zone threshold 80-87% HRmax "Threshold"',
  'zone x',
  'zone easy 60-70% HRmax',
];

/** Whole lines the soup generator likes to mix in, so some soups get far into the parser. */
const LINES = [
  '# Soup',
  'warmup 10m easy',
  'cooldown 10m easy',
  '3x',
  '  30s hard',
  '  between 30s easy',
  '  * hard',
  'ladder 1m to 3m by 1m',
  '2-4x 15 reps "Squat" each side',
  '15 reps hold 5s "Bridge"',
  'weeks: 6',
  '1->3x',
  '  15->30 reps each leg',
  '  between 1m rest',
  'open "Get in"',
  '10-12m "Ice"',
  '> a note',
  '  > a step note',
];

// ---- generators ----------------------------------------------------------------

type Mutator = (rng: Rng, text: string) => string;

const lines = (text: string): string[] => text.split('\n');
const randomPos = (rng: Rng, text: string): number => int(rng, text.length + 1);

const MUTATORS: readonly Mutator[] = [
  // replace one UTF-16 unit with an odd one
  (rng, t) => {
    const p = int(rng, Math.max(1, t.length));
    return t.slice(0, p) + pick(rng, ODD) + t.slice(p + 1);
  },
  // flip a bit of one UTF-16 unit (may make surrogates, controls, anything)
  (rng, t) => {
    if (t.length === 0) return t;
    const p = int(rng, t.length);
    return t.slice(0, p) + String.fromCharCode(t.charCodeAt(p) ^ (1 << int(rng, 16))) + t.slice(p + 1);
  },
  // flip a low bit (stays close to ASCII: digits become letters, spaces punctuation)
  (rng, t) => {
    if (t.length === 0) return t;
    const p = int(rng, t.length);
    return t.slice(0, p) + String.fromCharCode(t.charCodeAt(p) ^ (1 << int(rng, 7))) + t.slice(p + 1);
  },
  // delete a run of characters
  (rng, t) => {
    const p = randomPos(rng, t);
    return t.slice(0, p) + t.slice(p + 1 + int(rng, 12));
  },
  // insert something odd
  (rng, t) => {
    const p = randomPos(rng, t);
    return t.slice(0, p) + pick(rng, ODD) + t.slice(p);
  },
  // insert a token, usually with spaces round it
  (rng, t) => {
    const p = randomPos(rng, t);
    const sp = chance(rng, 0.7) ? ' ' : '';
    return t.slice(0, p) + sp + pick(rng, TOKENS) + sp + t.slice(p);
  },
  // duplicate a line
  (rng, t) => {
    const ls = lines(t);
    const k = int(rng, ls.length);
    ls.splice(k, 0, ls[k]!);
    return ls.join('\n');
  },
  // delete a line
  (rng, t) => {
    const ls = lines(t);
    ls.splice(int(rng, ls.length), 1);
    return ls.join('\n');
  },
  // swap two lines
  (rng, t) => {
    const ls = lines(t);
    const a = int(rng, ls.length);
    const b = int(rng, ls.length);
    [ls[a], ls[b]] = [ls[b]!, ls[a]!];
    return ls.join('\n');
  },
  // change a line's indentation
  (rng, t) => {
    const ls = lines(t);
    const k = int(rng, ls.length);
    const body = ls[k]!.replace(/^[ \t]*/, '');
    const indent = pick(rng, ['', ' ', '  ', '   ', '    ', '      ', '        ', '\t', ' \t', '\t\t', '\u00A0\u00A0']);
    ls[k] = indent + body;
    return ls.join('\n');
  },
  // indent or dedent every line after some point (moves blocks in and out)
  (rng, t) => {
    const ls = lines(t);
    const from = int(rng, ls.length);
    const dedent = chance(rng, 0.5);
    return ls.map((l, i) => (i < from ? l : dedent ? l.replace(/^ {1,2}/, '') : `  ${l}`)).join('\n');
  },
  // line endings: CRLF, CR, or a mix
  (rng, t) => {
    const mode = int(rng, 3);
    return mode === 0 ? t.replace(/\n/g, '\r\n') : mode === 1 ? t.replace(/\n/g, '\r') : t.replace(/\n/g, () => pick(rng, ['\n', '\r\n', '\r']));
  },
  // phone punctuation everywhere
  (rng, t) =>
    t
      .replace(/"/g, () => pick(rng, ['\u201C', '\u201D', '"']))
      .replace(/-/g, () => pick(rng, ['\u2013', '\u2014', '-']))
      .replace(/x/g, () => pick(rng, ['x', '\u00D7'])),
  // replace a number with a different one
  (rng, t) => {
    const nums = [...t.matchAll(/\d+/g)];
    if (nums.length === 0) return t;
    const m = pick(rng, nums);
    return t.slice(0, m.index) + pick(rng, ['0', '1', '2', '7', '59', '60', '99', '999', '999999', '1000000', '00', '01']) + t.slice(m.index + m[0].length);
  },
  // truncate
  (rng, t) => t.slice(0, randomPos(rng, t)),
  // graft lines from another built-in file
  (rng, t) => {
    const other = lines(pick(rng, CORPUS));
    const from = int(rng, other.length);
    const graft = other.slice(from, from + 1 + int(rng, 4));
    const ls = lines(t);
    ls.splice(int(rng, ls.length + 1), 0, ...graft);
    return ls.join('\n');
  },
  // nest the whole body under a repeat (may go too deep or too long)
  (rng, t) => {
    const ls = lines(t);
    const k = 1 + int(rng, Math.max(1, ls.length - 1));
    const head = pick(rng, ['3x', '10-15x', '999x', '1->3x', 'ladder 1m to 2m by 30s', '2x 30s easy']);
    return [...ls.slice(0, k), head, ...ls.slice(k).map((l) => `  ${l}`)].join('\n');
  },
];

function mutate(rng: Rng, text: string, rounds: number): string {
  let t = text;
  for (let i = 0; i < rounds; i++) t = pick(rng, MUTATORS)(rng, t);
  return t;
}

/** Random lines of tokens from the language's vocabulary. */
function soup(rng: Rng): string {
  const out: string[] = [];
  if (chance(rng, 0.8)) out.push(chance(rng, 0.9) ? '# Soup' : pick(rng, ['#', '#  ', '# \uD83C\uDFCA', '## Two']));
  const n = 1 + int(rng, 12);
  for (let i = 0; i < n; i++) {
    if (chance(rng, 0.25)) {
      out.push(pick(rng, LINES));
      continue;
    }
    const indent = ' '.repeat(chance(rng, 0.8) ? 2 * int(rng, 4) : int(rng, 7));
    const words: string[] = [];
    const k = 1 + int(rng, 7);
    for (let j = 0; j < k; j++) words.push(chance(rng, 0.9) ? pick(rng, TOKENS) : pick(rng, ODD));
    out.push(indent + words.join(chance(rng, 0.85) ? ' ' : ''));
  }
  const eol = pick(rng, ['\n', '\n', '\n', '\r\n', '\r']);
  return out.join(eol) + (chance(rng, 0.5) ? eol : '');
}

/** A workout built from the grammar (mostly valid), so the expander gets exercised too. */
function grammar(rng: Rng): string {
  const out = [pick(rng, ['# Grammar', '# G \uD83C\uDFCA', '#Tight'])];
  const weeks = chance(rng, 0.4) ? 1 + int(rng, 8) : null;
  if (weeks !== null) out.push(`weeks: ${weeks}`);
  if (chance(rng, 0.3)) out.push(`switch: ${pick(rng, ['0s', '5s', '10s', '1:00'])}`);
  if (chance(rng, 0.3)) out.push(`when: ${pick(rng, ['daily', '3x daily', '\u2013'])}`);
  if (chance(rng, 0.3)) out.push(`tags: ${pick(rng, ['pool', 'rehab, strength', 'Pool, pool'])}`);
  const zones = ['easy', 'medium', 'hard', 'sprint', 'rest', 'work'];
  if (chance(rng, 0.3)) {
    const [line, name] = pick(rng, [
      ['zone threshold 80-87% HRmax "Threshold"', 'threshold'],
      ['zone easy 60-70% HRmax', 'easy'],
      ['zone steady 130-150 bpm', 'steady'],
      ['zone calm "Calm"', 'calm'],
    ] as const);
    out.push(line);
    zones.push(name);
  }
  if (chance(rng, 0.3)) out.push('> A note on the workout');
  // A progression (`a->b`) only where the plan has weeks, mostly.
  const arrow = () => (weeks !== null || chance(rng, 0.05) ? '->' : '-');
  const count = (): string => {
    const a = 1 + int(rng, 3);
    const r = rng();
    if (r < 0.6) return String(a);
    if (r < 0.8) return `${a}-${a + int(rng, 2)}`;
    return `${a}${arrow()}${a + int(rng, 2)}`;
  };
  const time = (): string => {
    const r = rng();
    if (r < 0.3) return `${5 * (1 + int(rng, 12))}s`;
    if (r < 0.5) return `${1 + int(rng, 10)}m`;
    if (r < 0.6) return `${int(rng, 3)}:${pick(rng, ['00', '05', '30', '45'])}`;
    if (r < 0.7) return `1m${pick(rng, ['05', '30'])}s`;
    if (r < 0.85) return `${10 * (1 + int(rng, 3))}-${10 * (4 + int(rng, 3))}s`;
    return `${1 + int(rng, 3)}m${arrow()}${4 + int(rng, 3)}m`;
  };
  const step = (indent: string, inLadder: boolean, inBlock: boolean): string => {
    const parts: string[] = [];
    if (inBlock && chance(rng, 0.15)) parts.push('between');
    else if (chance(rng, 0.1)) parts.push(pick(rng, ['warmup', 'cooldown']));
    const r = rng();
    let counted = false;
    if (inLadder && r < 0.3) parts.push('*');
    else if (r < 0.65) parts.push(time());
    else if (r < 0.85) {
      parts.push(`${count()} ${pick(rng, ['reps', 'steps', 'rep'])}`);
      counted = true;
    } else if (r < 0.92) parts.push(pick(rng, ['reps', 'open']));
    else parts.push(time());
    if (chance(rng, 0.6)) parts.push(pick(rng, zones));
    if (chance(rng, 0.15)) parts.push(pick(rng, ['87-92% HRmax', '140 bpm', '120-150 bpm']));
    if (chance(rng, 0.4)) parts.push(pick(rng, ['"Clamshell"', '\u201CBridge\u201D', '"\uD83D\uDCAA Push"', '""']));
    if (chance(rng, 0.25)) parts.push(pick(rng, ['each side', 'each leg', 'each arm']));
    if (chance(rng, counted ? 0.4 : 0.03)) parts.push(pick(rng, ['tempo 2-5-2', 'hold 5s', 'tempo 1-0-1']));
    if (chance(rng, 0.1)) parts.push('// a comment');
    const line = indent + parts.join(' ');
    return chance(rng, 0.1) ? `${line}\n${indent}> A note on the step` : line;
  };
  const block = (indent: string, depth: number, inLadder: boolean): void => {
    const n = 1 + int(rng, 4);
    // Mostly two levels, now and then the third: expansions stay small enough to run thousands.
    const deeper = depth < 2 || (depth < 3 && chance(rng, 0.15));
    for (let i = 0; i < n; i++) {
      const r = rng();
      if (deeper && r < 0.2) {
        out.push(`${indent}${count()}x`);
        block(`${indent}  `, depth + 1, false);
      } else if (deeper && r < 0.3) {
        out.push(`${indent}${pick(rng, ['ladder 30s to 2m by 30s', 'ladder 1m to 3m to 1m by 1m', 'ladder 2m to 1m by 30s'])}`);
        out.push(`${indent}  * ${pick(rng, zones)}`);
        block(`${indent}  `, depth + 1, chance(rng, 0.1));
      } else if (deeper && r < 0.35) {
        out.push(`${indent}${count()}x ${step('', false, false)}`);
      } else {
        out.push(step(indent, inLadder, depth > 0));
      }
    }
  };
  block('', 0, false);
  return out.join(pick(rng, ['\n', '\n', '\r\n']));
}

/** Random UTF-16 noise with the language's punctuation mixed in. */
function noise(rng: Rng): string {
  const n = int(rng, 200);
  let s = chance(rng, 0.5) ? '# N\n' : '';
  for (let i = 0; i < n; i++) {
    const r = rng();
    if (r < 0.4) s += pick(rng, ODD);
    else if (r < 0.6) s += String.fromCharCode(int(rng, 0x10000));
    else if (r < 0.8) s += pick(rng, TOKENS);
    else s += String.fromCharCode(32 + int(rng, 95));
  }
  return s;
}

// ---- the properties ------------------------------------------------------------

/** Line starts, found independently of the compiler: CRLF, CR and LF each end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

function position(text: string, starts: readonly number[], offset: number): { line: number; column: number; lineEnd: number } {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  // A byte-order mark at the very start of the text is not a column.
  const start = starts[line] === 0 && text.charCodeAt(0) === 0xfeff ? 1 : starts[line]!;
  const next = line + 1 < starts.length ? starts[line + 1]! : text.length;
  const lineEnd = start + text.slice(start, next).replace(/(\r\n|\r|\n)$/, '').length;
  // Spreading a string iterates code points; a lone surrogate counts as one.
  return { line: line + 1, column: [...text.slice(start, offset)].length + 1, lineEnd };
}

/** Compiles twice and returns the first broken property (or null) and the result. */
function compileAndCheck(source: string, options: CompileOptions): { problem: string | null; result: CompileResult | null } {
  let a: CompileResult;
  let b: CompileResult;
  try {
    a = compile(source, options);
    b = compile(source, options);
  } catch (e) {
    return { problem: `compile threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, result: null };
  }
  // Results are plain data (no undefined, no NaN), so equal JSON is deep equality; it is
  // much quicker than a structural walk, and the walk runs when the strings differ.
  if (JSON.stringify(a) !== JSON.stringify(b) && !isDeepStrictEqual(a, b)) {
    return { problem: 'two compiles of the same text differ', result: a };
  }
  return { problem: properties(source, a), result: a };
}

function violation(source: string, options: CompileOptions): string | null {
  return compileAndCheck(source, options).problem;
}

/** The properties of one compile result; returns the first broken one, or null. */
function properties(source: string, a: CompileResult): string | null {
  const starts = lineStarts(source);
  const ds = a.diagnostics;
  if (ds.length > 20) return `${ds.length} diagnostics (cap is 20)`;
  for (const [k, d] of ds.entries()) {
    const where = `diagnostic ${k} ${JSON.stringify(d)}`;
    if (!(DIAGNOSTIC_CODES as readonly string[]).includes(d.code) || typeof d.message !== 'string' || d.message === '')
      return `${where}: a code outside DIAGNOSTIC_CODES, or an empty message`;
    if (d.severity !== 'error' && d.severity !== 'warning') return `${where}: severity`;
    for (const key of ['line', 'column', 'endColumn', 'offset', 'endOffset'] as const) {
      if (!Number.isInteger(d[key])) return `${where}: ${key} is not an integer`;
    }
    if (d.line < 1 || d.line > starts.length) return `${where}: line outside 1..${starts.length}`;
    if (d.column < 1) return `${where}: column < 1`;
    if (d.endColumn <= d.column) return `${where}: endColumn <= column`;
    if (d.offset < 0 || d.offset > source.length || d.endOffset < d.offset || d.endOffset > source.length) {
      return `${where}: offsets outside 0..${source.length}`;
    }
    const p = position(source, starts, d.offset);
    if (p.line !== d.line || p.column !== d.column) return `${where}: offset ${d.offset} is at ${p.line}:${p.column}`;
    if (d.endOffset > p.lineEnd && d.endOffset > d.offset) return `${where}: span runs past the end of its line (${p.lineEnd})`;
    const endColumn = d.endOffset > d.offset ? position(source, starts, d.endOffset).column : d.column + 1;
    if (endColumn !== d.endColumn) return `${where}: endOffset ${d.endOffset} is at column ${endColumn}`;
    const prev = ds[k - 1];
    if (prev && (prev.offset > d.offset || (prev.line === d.line && prev.column > d.column) || prev.line > d.line)) {
      return `${where}: not sorted after ${JSON.stringify(prev)}`;
    }
  }

  const hasError = ds.some((d) => d.severity === 'error');
  if (a.ok === hasError) return `ok is ${a.ok} with ${hasError ? 'errors' : 'no errors'}`;
  if (!a.ok) return a.plan === null ? null : 'a plan despite errors';
  const plan = a.plan;
  if (!plan) return 'ok but no plan';
  const parsed = planSchema.safeParse(plan);
  if (!parsed.success) return `plan fails planSchema: ${parsed.error.message.slice(0, 500)}`;
  if (plan.intervals.length > MAX_INTERVALS) return `${plan.intervals.length} intervals`;
  // The plan's own bookkeeping (plan.ts): starts count the timed intervals before.
  let offset = 0;
  let untimed = 0;
  for (const [k, i] of plan.intervals.entries()) {
    if (i.index !== k) return `interval ${k} has index ${i.index}`;
    if (i.start !== offset) return `interval ${k} starts at ${i.start}, expected ${offset}`;
    if (i.line > starts.length) return `interval ${k} has line ${i.line} of ${starts.length}`;
    if (!plan.zones.some((z) => z.name === i.zone)) return `interval ${k} has unknown zone ${i.zone}`;
    if (i.duration === null) untimed++;
    offset += i.duration ?? 0;
  }
  if (plan.totalSeconds !== offset) return `totalSeconds ${plan.totalSeconds}, intervals add up to ${offset}`;
  if (plan.untimedCount !== untimed) return `untimedCount ${plan.untimedCount}, counted ${untimed}`;
  return null;
}

/** Options for a second compile of an accepted workout: the other end of every range, the last week. */
function highOptions(result: CompileResult): CompileOptions | null {
  const plan = result.plan;
  if (!plan || (plan.choices.length === 0 && plan.weeks === null)) return null;
  const choices = Object.fromEntries(plan.choices.map((c) => [c.id, c.max]));
  return plan.weeks === null ? { choices } : { choices, week: plan.weeks };
}

function runCases(name: string, cases: number, generate: (rng: Rng, k: number) => string, minAccepted = 0): void {
  const failures: string[] = [];
  let accepted = 0;
  const CASES = Math.round(cases * SCALE);
  for (let k = 0; k < CASES && failures.length < 5; k++) {
    const caseSeed = (SEED ^ Math.imul(k + 1, 0x9e3779b1) ^ hash(name)) >>> 0;
    const source = generate(mulberry32(caseSeed), k);
    const { problem, result } = compileAndCheck(source, {});
    const fail = (p: string, o: CompileOptions) =>
      failures.push(`${name} case ${k} (FUZZ_SEED=${SEED}, case seed ${caseSeed}, options ${JSON.stringify(o)}): ${p}\n  input: ${JSON.stringify(source)}`);
    if (problem || !result) {
      fail(problem ?? 'no result', {});
      continue;
    }
    if (result.ok) accepted++;
    // Every fourth case, when accepted, again at the high end of its ranges and in its last week.
    const high = k % 4 === 0 ? highOptions(result) : null;
    if (high) {
      const p = violation(source, high);
      if (p) fail(p, high);
    }
  }
  if (process.env['FUZZ_VERBOSE']) console.log(`${name}: ${accepted} of ${CASES} accepted`);
  if (failures.length > 0) {
    console.error(`fuzz seed ${SEED}\n${failures.join('\n')}`);
  }
  expect(failures, `FUZZ_SEED=${SEED}`).toEqual([]);
  // Most generators are meant to reach the expander too, not only the error paths.
  expect(accepted / CASES, `${name}: share of inputs accepted`).toBeGreaterThanOrEqual(minAccepted);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

describe(`fuzzing compile (FUZZ_SEED=${SEED})`, { timeout: TIMEOUT }, () => {
  it('survives light mutations of the built-in workouts', () => {
    runCases('light', 1200, (rng, k) => mutate(rng, CORPUS[k % CORPUS.length]!, 1 + int(rng, 2)), 0.2);
  });

  it('survives heavy mutations of the built-in workouts', () => {
    runCases('heavy', 1800, (rng, k) => mutate(rng, CORPUS[k % CORPUS.length]!, 3 + int(rng, 6)), 0.02);
  });

  it('survives token soup from the language vocabulary', () => {
    runCases('soup', 2800, (rng) => (chance(rng, 0.3) ? mutate(rng, soup(rng), 1 + int(rng, 3)) : soup(rng)));
  });

  it('survives workouts built from the grammar, some of them mutated', () => {
    runCases('grammar', 1400, (rng) => (chance(rng, 0.3) ? mutate(rng, grammar(rng), 1 + int(rng, 3)) : grammar(rng)), 0.2);
  });

  it('survives random noise', () => {
    runCases('noise', 2800, (rng) => noise(rng));
  });

  it('has built-in files that compile clean (the corpus is sane)', () => {
    expect(CORPUS.length).toBeGreaterThan(0);
    for (const text of CORPUS) {
      expect(violation(text, {})).toBeNull();
      expect(compile(text).ok).toBe(true);
    }
  });

  it('has a property check that catches what it is meant to (checking the checker)', () => {
    const source = '# T\r\n\uD83C\uDFCA\u00D7 1m sprnt\r\n10mn easy\r\n';
    const result = compile(source);
    expect(result.diagnostics.length).toBeGreaterThanOrEqual(2);
    expect(properties(source, result)).toBeNull();
    const [d0, d1] = result.diagnostics as [Diagnostic, Diagnostic];
    const broken = (ds: Diagnostic[]) => properties(source, { ...result, diagnostics: ds });
    expect(broken([{ ...d0, column: d0.column + 1, endColumn: d0.endColumn + 1 }, d1])).toMatch(/is at/);
    expect(broken([d0, { ...d1, endColumn: d1.endColumn + 1 }])).toMatch(/endOffset/);
    expect(broken([{ ...d0, line: d0.line + 1 }, d1])).toMatch(/is at/);
    expect(broken([{ ...d0, endColumn: d0.column }, d1])).toMatch(/endColumn/);
    expect(broken([{ ...d0, endOffset: source.length + 1 }, d1])).toMatch(/offsets/);
    expect(broken([d1, d0])).toMatch(/not sorted/);
    const plan = compile('# T\n1m easy\n30s hard\n').plan!;
    const ok = (p: typeof plan) => properties('# T\n1m easy\n30s hard\n', { ok: true, diagnostics: [], workout: null, plan: p });
    expect(ok(plan)).toBeNull();
    expect(ok({ ...plan, totalSeconds: 1 })).toMatch(/totalSeconds/);
    expect(ok({ ...plan, intervals: [plan.intervals[0]!, { ...plan.intervals[1]!, start: 0 }] })).toMatch(/starts at/);
    expect(ok({ ...plan, week: 0 })).toMatch(/planSchema/);
  });
});

describe('inputs built to be expensive', { timeout: TIMEOUT }, () => {
  const tooLong = (source: string, options: CompileOptions = {}) => {
    const result = compile(source, options);
    expect(violation(source, options)).toBeNull();
    expect(result.ok).toBe(false);
    expect(result.plan).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toContain('too-long');
    return result;
  };

  it('rejects a file over 64 KB', () => {
    const big = `# Big\n${'1m easy "A step that fills the file"\n'.repeat(2000)}`;
    expect(big.length).toBeGreaterThan(MAX_SOURCE_BYTES);
    const result = tooLong(big);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('counts the 64 KB limit in UTF-8 bytes, not characters', () => {
    const head = '# Emoji\n1m easy\n> ';
    const fill = (bytes: number) => head + 'a'.repeat(bytes - head.length);
    expect(compile(fill(MAX_SOURCE_BYTES)).ok).toBe(true);
    tooLong(fill(MAX_SOURCE_BYTES + 1));
    // 20,000 emoji: 40,000 UTF-16 units but 80,000 bytes.
    tooLong(`${head}${'\uD83C\uDFCA'.repeat(20_000)}`);
  });

  it('rejects nested 999x repeats', () => {
    tooLong('# Bomb\n999x\n  999x\n    999x\n      1s easy\n');
    tooLong('# Bomb\n999999x\n  999999x\n    999999x\n      1s easy\n      between 1s rest\n');
    tooLong('# Bomb\n999x 1s easy each side\n');
  });

  it('rejects a ladder of many rungs, and ranges and progressions pushed high', () => {
    tooLong('# Ladder\nladder 1s to 1440m by 1s\n  * hard\n  between 1s easy\n');
    const range = '# Range\n1-999x\n  1-999x\n    1s easy\n';
    expect(compile(range).ok).toBe(true);
    tooLong(range, { choices: { '2': 999, '3': 999 } });
    const weeks = '# Weeks\nweeks: 6\n1->999x\n  1->999x\n    1s easy\n';
    expect(compile(weeks).ok).toBe(true);
    tooLong(weeks, { week: 6 });
  });

  it('rejects a nest one level too deep even when it is short', () => {
    const result = compile('# Deep\n1x\n  1x\n    1x\n      1x\n        1s easy\n');
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toContain('nest-too-deep');
  });

  it('caps a file full of errors at 20 diagnostics', () => {
    const source = `# Typos\n${'1m sprnt\n'.repeat(500)}`;
    const result = compile(source);
    expect(violation(source, {})).toBeNull();
    expect(result.diagnostics).toHaveLength(20);
    expect(result.diagnostics.every((d) => d.code === 'unknown-word')).toBe(true);
  });
});
