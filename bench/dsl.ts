/**
 * The workout language: how long compile (parse, check, expand) takes for each
 * built-in workout, for a workout at the 2,000-interval limit, and to turn away
 * inputs built to be expensive.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, MAX_INTERVALS, MAX_SOURCE_BYTES } from '../src/dsl/index';
import { count, micros, table, time, type Context, type Section } from './report';

/** Workouts that expand to (about) the interval limit, written different ways. */
export function largeWorkouts(): { name: string; source: string }[] {
  const half = MAX_INTERVALS / 2;
  return [
    { name: `${half}x, two steps (4 lines)`, source: `# Big repeat\n${half}x\n  30s hard\n  30s easy\n` },
    {
      name: `${MAX_INTERVALS} lines, one step each`,
      source: `# Long file\n${Array.from({ length: MAX_INTERVALS }, (_, i) => `${30 + (i % 60)}s ${['easy', 'hard', 'rest'][i % 3]} "Step ${i + 1}"`).join('\n')}\n`,
    },
    {
      name: 'nested repeats, ladders, each side',
      // 68 x (ladder: 9 rungs + 8 betweens; 3 sets each side: 9 + 2 betweens; a rest) + 2 = 1,974
      source: [
        '# Mixed',
        'weeks: 6',
        'warmup 10m easy',
        '68x',
        '  ladder 1m to 3m to 1m by 30s',
        '    * hard',
        '    between 30s easy',
        '  3x',
        '    15->30 reps "Hip hike" each side tempo 1-1-1',
        '    between 20s rest',
        '  2m rest',
        'cooldown 10m easy',
        '',
      ].join('\n'),
    },
  ];
}

/** Inputs that must be turned away quickly. */
export function hostileInputs(): { name: string; source: string }[] {
  const line = '1m easy "Padding this file out to the limit"\n';
  const typo = '1m sprnt "A typo on every line"\n';
  return [
    {
      name: `${Math.round((MAX_SOURCE_BYTES * 1.1) / 1024)} KB file (over the ${MAX_SOURCE_BYTES / 1024} KB limit)`,
      source: `# Huge\n${line.repeat(Math.ceil((MAX_SOURCE_BYTES * 1.1) / line.length))}`,
    },
    { name: '999x 999x 999x nested bomb', source: '# Bomb\n999x\n  999x\n    999x\n      1s easy\n' },
    { name: 'ladder 1s to 24h by 1s', source: '# Ladder bomb\nladder 1s to 1440m by 1s\n  * hard\n' },
    { name: 'just under 64 KB, a typo per line', source: `# Typos\n${typo.repeat(Math.floor((MAX_SOURCE_BYTES - 10) / typo.length))}` },
  ];
}

function libraryTable(root: string, print: Context['print']): void {
  const dir = join(root, 'workouts');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.workout'))
    .sort();
  const runs = 500;
  const rows = files.map((f) => {
    const source = readFileSync(join(dir, f), 'utf8');
    const plan = compile(source).plan;
    const s = time(() => compile(source), { warmup: 200, runs, budgetMs: 3000 });
    return [
      f.replace(/\.workout$/, ''),
      count(Buffer.byteLength(source)),
      plan ? count(plan.intervals.length) : 'error',
      count(s.runs),
      micros(s.median),
      micros(s.p95),
      micros(s.min),
    ];
  });
  print(`(a) compile each built-in workout: up to ${runs} runs (3 s) after 200 warm-up, microseconds`);
  for (const l of table(['workout', 'bytes', 'intervals', 'runs', 'median', 'p95', 'min'], rows, 'lrrrrrr')) print(`  ${l}`);
}

function largeTable(print: Context['print']): void {
  const rows = largeWorkouts().map(({ name, source }) => {
    const result = compile(source);
    const intervals = result.plan ? count(result.plan.intervals.length) : `error: ${result.diagnostics[0]?.code ?? '?'}`;
    const s = time(() => compile(source), { warmup: 20, runs: 100, budgetMs: 2000 });
    return [name, count(Buffer.byteLength(source)), intervals, count(s.runs), micros(s.median), micros(s.p95)];
  });
  print(`(b) compile a workout at the ${count(MAX_INTERVALS)}-interval limit: up to 100 runs (2 s) after 20 warm-up, microseconds`);
  for (const l of table(['workout', 'bytes', 'intervals', 'runs', 'median', 'p95'], rows, 'lrrrrr')) print(`  ${l}`);
}

function hostileTable(print: Context['print']): void {
  const rows = hostileInputs().map(({ name, source }) => {
    const result = compile(source);
    const outcome = result.ok ? 'accepted!' : `${result.diagnostics[0]?.code}${result.diagnostics.length > 1 ? ` +${result.diagnostics.length - 1}` : ''}`;
    const s = time(() => compile(source), { warmup: 20, runs: 200, budgetMs: 2000 });
    return [name, count(Buffer.byteLength(source)), outcome, count(s.runs), micros(s.median), micros(s.p95)];
  });
  print('(c) turn away hostile input: up to 200 runs (2 s) after 20 warm-up, microseconds');
  for (const l of table(['input', 'bytes', 'diagnostics', 'runs', 'median', 'p95'], rows, 'lrlrrr')) print(`  ${l}`);
}

export const dslSection: Section = {
  name: 'dsl',
  title: 'Workout language: compile = parse + check + expand (src/dsl)',
  run({ root, print }) {
    libraryTable(root, print);
    print();
    largeTable(print);
    print();
    hostileTable(print);
  },
};
