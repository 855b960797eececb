/**
 * The workouts command line, as a user runs it: `check` and `show` over the
 * built-in library and over broken files. Most cases call the exported `main`
 * with a capturing io (quick, exact output); a few run the real command in a
 * subprocess for exit codes, stream handling and the npm script.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/workouts';
import { planSchema } from '../../src/dsl/index';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Paths as a user in the repository would type them. */
const rel = (path: string) => relative(process.cwd(), path) || '.';
const workoutsDir = rel(join(root, 'workouts'));
const workout = (name: string) => join(workoutsDir, name);
const libraryFiles = readdirSync(join(root, 'workouts'))
  .filter((f) => f.endsWith('.workout'))
  .sort();

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

function run(...argv: string[]): Run {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let tmp = '';
const file = (name: string, text: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'aquajog-cli-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** What `check` prints for each built-in file (totals from docs/DSL.md and by hand). */
const CHECK_LINES: Record<string, string> = {
  'foam-rolling.workout': 'Foam rolling  0:08:20  12 intervals',
  'fredericson-strength.workout': 'Fredericson strength  0:01:10  7 intervals  + 4 untimed',
  'fredericson-stretches.workout': 'Fredericson stretches  0:01:10  7 intervals  + 1 untimed',
  'hip-strength-extras.workout': 'Hip strength extras  0:04:10  9 intervals  + 2 untimed',
  'icing.workout': 'Icing  0:10:00  1 intervals',
  'lactic-acid.workout': 'Lactic acid  1:20:00  38 intervals',
  'pyramid.workout': 'Pyramid  1:17:00  35 intervals',
  'race-simulation.workout': 'Race simulation  0:56:00  18 intervals',
  'self-care.workout': 'IT band self-care  0:03:15  16 intervals  + 4 untimed',
  'springboard.workout': 'Springboard  1:15:00  42 intervals',
  'wave-your-hands.workout': 'Wave your hands in the air  0:55:00  42 intervals',
};

describe('workouts check', () => {
  it.each(libraryFiles)('passes %s with its one-line summary', (name) => {
    const r = run('check', workout(name));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\S+: ok {2}.+ {2}\d+:\d\d:\d\d {2}\d+ intervals( {2}\+ \d+ untimed)?$/);
    if (CHECK_LINES[name]) expect(r.out).toBe(`${workout(name)}: ok  ${CHECK_LINES[name]}`);
  });

  it('checks the whole library in one run, one line a file, in the order given', () => {
    const r = run('check', ...libraryFiles.map(workout));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.split('\n').map((l) => l.slice(0, l.indexOf(': ok')))).toEqual(libraryFiles.map(workout));
    // Every file the golden table knows is still in the library.
    expect(libraryFiles).toEqual(expect.arrayContaining(Object.keys(CHECK_LINES)));
  });

  it('reports each error as FILE:LINE:COL with a code frame, and exits 1', () => {
    const f = file('broken.workout', '# Broken\nwarmup 10m easy\n3:5 easy\n1m sprnt\n');
    const r = run('check', f);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      [
        `${f}:3:1: error: Seconds need two digits: write 3:05.`,
        '  3 | 3:5 easy',
        '    | ^^^',
        `${f}:4:4: error: Unknown word "sprnt". Did you mean "sprint"? Put names in "quotes".`,
        '  4 | 1m sprnt',
        '    |    ^^^^^',
      ].join('\n'),
    );
  });

  it('counts columns in code points, so the caret sits under the word after an emoji', () => {
    const f = file('emoji.workout', '# Emoji\n30s "\u{1F4AA} Push" sprnt\n');
    const r = run('check', f);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      [
        `${f}:2:14: error: Unknown word "sprnt". Did you mean "sprint"? Put names in "quotes".`,
        '  2 | 30s "\u{1F4AA} Push" sprnt',
        '    |              ^^^^^',
      ].join('\n'),
    );
  });

  it('prints the hint after the message, and shows a tab as one space under which the caret sits', () => {
    const f = file('tab.workout', '# Tabs\n3x\n\t1m easy\n');
    const r = run('check', f);
    expect(r.code).toBe(1);
    expect(r.err).toBe([`${f}:3:1: error: Use spaces, not tabs. Indent with 2 spaces a level.`, '  3 |  1m easy', '    | ^'].join('\n'));
  });

  it('reads CRLF files, and widens the gutter for two-digit lines', () => {
    const f = file('crlf.workout', `# CRLF\r\n${'1m easy\r\n'.repeat(9)}10mn easy\r\n`);
    const r = run('check', f);
    expect(r.code).toBe(1);
    expect(r.err).toBe([`${f}:11:3: error: Unknown unit "mn". Use s or m, e.g. 10m, 30s, 1:30.`, '  11 | 10mn easy', '     |   ^^'].join('\n'));
  });

  it('reports an empty file as missing its title', () => {
    const f = file('empty.workout', '');
    const r = run('check', f);
    expect(r.code).toBe(1);
    expect(r.err).toBe([`${f}:1:1: error: Add a title line: # Name.`, '  1 | ', '    | ^'].join('\n'));
  });

  it('prints warnings as "warning:" and still passes the file', () => {
    const f = file('warn.workout', '# Warn\nwhen: daily\nwhen: 2x daily\n1m easy\n');
    const r = run('check', f);
    expect(r.code).toBe(0);
    expect(r.err).toBe([`${f}:3:1: warning: "when" is set twice; the last one wins.`, '  3 | when: 2x daily', '    | ^^^^^'].join('\n'));
    expect(r.out).toBe(`${f}: ok  Warn  0:01:00  1 intervals`);
  });

  it('checks the workouts of one programme together: each whose weeks: disagrees gets the error on that line', () => {
    const a = file('plan-a.workout', '# Plan A\nprogramme: Knee\nweeks: 6\n1->3x 10 reps\n');
    const b = file('plan-b.workout', '# Plan B\nwhen: Mon, Thu\nweeks: 4 // shorter\nprogramme: Knee\n1->2x 10 reps\n');
    const extra = file('plan-extra.workout', '# Extra\nprogramme: Knee, optional\n1m easy\n');
    const r = run('check', a, b, extra);
    expect(r.code).toBe(1);
    expect(r.out).toBe(`${extra}: ok  Extra  0:01:00  1 intervals`);
    expect(r.err).toBe(
      [
        `${a}:3:1: error: Every workout in programme "Knee" with weeks: needs the same number (6 here, 4 in ${b}).`,
        '  3 | weeks: 6',
        '    | ^^^^^^^^',
        `${b}:3:1: error: Every workout in programme "Knee" with weeks: needs the same number (4 here, 6 in ${a}).`,
        '  3 | weeks: 4 // shorter',
        '    | ^^^^^^^^',
      ].join('\n'),
    );
    // Each file alone is fine, and so is the pair when they agree.
    expect(run('check', a).code).toBe(0);
    expect(run('check', b).code).toBe(0);
    expect(run('check', a, extra).code).toBe(0);
  });

  it('checks the built-in Fredericson programme clean, and flags a user workout that joins it with other weeks', () => {
    const mine = file('mine.workout', '# Mine\nprogramme: Fredericson, optional\nweeks: 8\n1m easy\n');
    const files = libraryFiles.map(workout);
    expect(run('check', ...files).code).toBe(0);
    const r = run('check', ...files, mine);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe(
      `${mine}:3:1: error: Every workout in programme "Fredericson" with weeks: needs the same number (8 here, 6 in ${workout('fredericson-strength.workout')}).`,
    );
    expect(r.out.split('\n')).toHaveLength(libraryFiles.length);
  });

  it('reports a when: it cannot read on its value, with the forms it can', () => {
    const f = file('when.workout', '# When\nwhen: 3 times a day\n1m easy\n');
    const r = run('check', f);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      [
        `${f}:2:7: error: Write when: 3x daily (or daily, 2-5x daily, 3x weekly, Mon, Wed, Fri).`,
        '  2 | when: 3 times a day',
        '    |       ^^^^^^^^^^^^^',
      ].join('\n'),
    );
  });

  it('with good and bad files, reports both and exits 1', () => {
    const bad = file('bad.workout', '# Bad\n10mn easy\n');
    const r = run('check', workout('pyramid.workout'), bad, workout('icing.workout'));
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      [`${workout('pyramid.workout')}: ok  Pyramid  1:17:00  35 intervals`, `${workout('icing.workout')}: ok  Icing  0:10:00  1 intervals`].join('\n'),
    );
    expect(r.err).toContain(`${bad}:2:3: error: Unknown unit "mn".`);
  });

  it('reports a missing file or a directory, goes on with the rest, and exits 1', () => {
    const missing = join(tmp, 'no-such.workout');
    const dir = join(tmp, 'a-directory.workout');
    mkdirSync(dir, { recursive: true });
    const r = run('check', missing, dir, workout('icing.workout'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${missing}: error: no such file\n${dir}: error: is a directory`);
    expect(r.out).toBe(`${workout('icing.workout')}: ok  Icing  0:10:00  1 intervals`);
  });

  it('rejects a file over 64 KB with one error', () => {
    const f = file('huge.workout', `# Huge\n${'1m easy "Padding the file out"\n'.repeat(2500)}`);
    const r = run('check', f);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe(`${f}:1:1: error: The workout is too long. A workout file can be at most 64 KB.`);
    expect(r.err.split('\n')).toHaveLength(3);
  });
});

describe('workouts show', () => {
  const wave = workout('wave-your-hands.workout');
  const strength = workout('fredericson-strength.workout');
  const rows = (out: string) => out.split('\n').filter((l) => /^\s*\d+ {2}\d+:\d\d:\d\d/.test(l));

  it('prints Wave your hands in the air at 15 rounds: 1:12:30', () => {
    const r = run('show', wave, '--choose', '6=15');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Wave your hands in the air  1:12:30  62 intervals', 'Choice line 6: Rounds 10-15, using 15', '']);
    expect(lines[3]).toMatch(/^ # {2}start {4}duration {2}zone {4}label {13}side {2}round$/);
    const table = rows(r.out);
    expect(table).toHaveLength(62);
    expect(table[0]).toMatch(/^ 1 {2}0:00:00 {2}10:00 {5}easy {4}Warm-up$/);
    expect(table[1]).toMatch(/^ 2 {2}0:10:00 {2}1:00 {6}medium {2}Medium +Round 1 of 15$/);
    expect(table.at(-2)).toMatch(/1:01:30 {2}1:00 .* rest .* Round 15 of 15$/);
    expect(table.at(-1)).toMatch(/^62 {2}1:02:30 {2}10:00 {5}easy {4}Cool-down$/);
    const rounds = new Set(table.flatMap((l) => l.match(/Round (\d+) of 15$/)?.[1] ?? []));
    expect(rounds.size).toBe(15);
    expect(r.out).not.toMatch(/Round 16/);
  });

  it('takes the choice as LINE=VALUE, LINE:COL=VALUE or --choose=, the last one winning', () => {
    const expected = run('show', wave, '--choose', '6=15').out;
    expect(run('show', wave, '--choose', '6:1=15').out).toBe(expected);
    expect(run('show', wave, '--choose=6=15').out).toBe(expected);
    expect(run('show', wave, '--choose', '6=11', '--choose', '6=15').out).toBe(expected);
  });

  it('uses the low end of a range by default', () => {
    const r = run('show', wave);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual(['Wave your hands in the air  0:55:00  42 intervals', 'Choice line 6: Rounds 10-15, using 10']);
  });

  it('prints week 6 of Fredericson strength: three sets of 30 reps', () => {
    const r = run('show', strength, '--week', '6');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Fredericson strength  0:05:30  23 intervals  + 12 untimed', 'Week 6 of 6', '']);
    const table = rows(r.out);
    expect(table).toHaveLength(23);
    expect(table[0]).toMatch(/^ 1 {2}0:00:00 {2}30 reps {3}work {2}Lying hip abduction +Left +Set 1 of 3$/);
    expect(r.out).toContain('Set 3 of 3');
    expect(table.filter((l) => /30 reps/.test(l))).toHaveLength(12);
    expect(r.out).not.toMatch(/15 reps/);
    expect(run('show', strength, '--week=6').out).toBe(r.out);
  });

  it('prints week 1 by default: one set of 15', () => {
    const r = run('show', strength);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual(['Fredericson strength  0:01:10  7 intervals  + 4 untimed', 'Week 1 of 6']);
    expect(r.out).toContain('Set 1 of 1');
    expect(r.out).not.toContain('Set 2');
    expect(r.out).toContain('15 reps');
  });

  it('--json prints the plan, which planSchema accepts', () => {
    const r = run('show', wave, '--choose', '6=15', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const plan = planSchema.parse(JSON.parse(r.out));
    expect(plan.title).toBe('Wave your hands in the air');
    expect(plan.totalSeconds).toBe(72 * 60 + 30);
    expect(plan.intervals).toHaveLength(62);
    expect(plan.chosen).toEqual({ '6:1': 15 });

    const week6 = planSchema.parse(JSON.parse(run('show', strength, '--week', '6', '--json').out));
    expect([week6.week, week6.weeks, week6.totalSeconds, week6.untimedCount]).toEqual([6, 6, 330, 12]);
    expect(week6.intervals.filter((i) => i.amount === 'reps').every((i) => i.reps === 30)).toBe(true);
  });

  it('shows the side of each-side steps and a time choice as a clock', () => {
    const r = run('show', workout('self-care.workout'), '--choose', '5=25s');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Choice line 5: Extended leg twist with strap, each leg 0:20-0:30, using 0:25');
    expect(r.out).toMatch(/ 0:25 +work +Extended leg twist with strap +Left\n/);
    expect(r.out).toMatch(/ 0:05 +rest +Switch legs\s*\n/);
  });

  it('rejects a choice outside its range, or a week outside the plan, with exit 1', () => {
    const r = run('show', wave, '--choose', '6=9');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe([`${wave}:6:1: error: Choose from 10 to 15.`, '  6 | 10-15x', '    | ^^^^^'].join('\n'));

    const w = run('show', strength, '--week', '7');
    expect(w.code).toBe(1);
    expect(w.err).toBe([`${strength}:3:1: error: Choose a week from 1 to 6.`, '  3 | weeks: 6', '    | ^^^^^^^^'].join('\n'));
    expect(run('show', strength, '--week', '0').code).toBe(1);
  });

  it('warns about a choice for a line with no range, and shows the workout anyway', () => {
    const r = run('show', wave, '--choose', '5=3');
    expect(r.code).toBe(0);
    expect(r.err).toBe(`${wave}:5: warning: no range to choose on this line`);
    expect(r.out.split('\n')[0]).toBe('Wave your hands in the air  0:55:00  42 intervals');
  });

  it('shows the diagnostics of a broken file and exits 1', () => {
    const f = file('show-broken.workout', '# Bad\n10mn easy\n');
    const r = run('show', f);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe([`${f}:2:3: error: Unknown unit "mn". Use s or m, e.g. 10m, 30s, 1:30.`, '  2 | 10mn easy', '    |   ^^'].join('\n'));
    expect(run('show', join(tmp, 'missing.workout')).code).toBe(1);
  });
});

describe('usage', () => {
  const f = workout('pyramid.workout');
  it.each([
    [[]],
    [['check']],
    [['show']],
    [['frobnicate']],
    [['show', f, '--week']],
    [['show', f, '--week', 'three']],
    [['show', f, '--week', '-1']],
    [['show', f, '--choose']],
    [['show', f, '--choose', '6']],
    [['show', f, '--choose', '6=ten']],
    [['show', f, '--choose=x=1']],
    [['show', f, '--bogus']],
    [['show', f, f]],
  ] as string[][][])('exits 2 on %j, with a message on stderr', (argv) => {
    const r = run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).not.toBe('');
  });

  it('names the unknown command and prints the usage', () => {
    const r = run('frobnicate');
    expect(r.err.split('\n')[0]).toBe('error: unknown command "frobnicate"');
    expect(r.err).toContain('npm run workouts -- check FILE...');
  });

  it('prints the usage for --help, on stdout, with exit 0', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage:\n {2}npm run workouts -- check FILE\.\.\.\n {2}npm run workouts -- show FILE/);
  });
});

// ---- the real command, in a subprocess ----------------------------------------------

interface Proc {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function exec(command: string, args: string[]): Promise<Proc> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Lines npm itself writes to stderr about the machine's npm config, not the CLI's. */
const withoutNpmNoise = (s: string) =>
  s
    .split('\n')
    .filter((l) => !l.startsWith('npm warn'))
    .join('\n');

describe('the real command', { timeout: 60_000 }, () => {
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const cli = join('src', 'cli', 'workouts.ts');
  const library = libraryFiles.map((f) => join('workouts', f));
  let bigFile = '';
  let badFile = '';
  let shortPlan = '';
  let results: Record<string, Proc> = {};

  beforeAll(async () => {
    // 1,000 rounds of two steps: 2,000 lines of timeline, more than a pipe holds.
    bigFile = file('big.workout', '# Big\n1000x\n  30s hard\n  30s easy\n');
    badFile = file('bad-sub.workout', '# Bad\nwarmup 10m easy\n3:5 easy\n');
    shortPlan = file('short-plan.workout', '# Short plan\nprogramme: Fredericson\nweeks: 4\n1->3x 10 reps "Squat"\n');
    const node = process.execPath;
    // Started together: each one pays Node's and tsx's start-up.
    const [checkAll, mixed, usage, piped, npmShow, programme] = await Promise.all([
      exec(node, [tsx, cli, 'check', ...library]),
      exec(node, ['--import', 'tsx', cli, 'check', 'workouts/icing.workout', badFile]),
      exec(node, ['--import', 'tsx', cli]),
      // `show | head` closes the pipe early; the command must not fail or print a stack.
      exec('bash', ['-c', `${JSON.stringify(node)} --import tsx ${cli} show ${JSON.stringify(bigFile)} | head -n 2; echo "status=\${PIPESTATUS[0]}"`]),
      exec('npm', ['run', '--silent', 'workouts', '--', 'show', 'workouts/wave-your-hands.workout', '--choose', '6=15']),
      exec(node, ['--import', 'tsx', cli, 'check', 'workouts/fredericson-strength.workout', 'workouts/fredericson-stretches.workout', shortPlan]),
    ]);
    results = { checkAll: checkAll!, mixed: mixed!, usage: usage!, piped: piped!, npmShow: npmShow!, programme: programme! };
  }, 120_000);

  it('check over the library exits 0 with one ok line a file (npx tsx)', () => {
    const r = results['checkAll']!;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(
      library.map((f) => {
        const name = f.slice('workouts/'.length);
        return CHECK_LINES[name] ? `${f}: ok  ${CHECK_LINES[name]}` : expect.stringMatching(/: ok {2}/);
      }),
    );
  });

  it('check exits 1 when one file is bad, with the good one on stdout and the frame on stderr', () => {
    const r = results['mixed']!;
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('workouts/icing.workout: ok  Icing  0:10:00  1 intervals\n');
    expect(r.stderr).toBe(`${badFile}:3:1: error: Seconds need two digits: write 3:05.\n  3 | 3:5 easy\n    | ^^^\n`);
  });

  it('check exits 1 when a workout joins a programme with another number of weeks', () => {
    const r = results['programme']!;
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        'workouts/fredericson-strength.workout: ok  Fredericson strength  0:01:10  7 intervals  + 4 untimed',
        'workouts/fredericson-stretches.workout: ok  Fredericson stretches  0:01:10  7 intervals  + 1 untimed',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe(
      [
        `${shortPlan}:3:1: error: Every workout in programme "Fredericson" with weeks: needs the same number (4 here, 6 in workouts/fredericson-strength.workout).`,
        '  3 | weeks: 4',
        '    | ^^^^^^^^',
        '',
      ].join('\n'),
    );
  });

  it('exits 2 with the usage when given nothing', () => {
    const r = results['usage']!;
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage:/);
  });

  it('show into a pipe that closes early exits 0 without an error', () => {
    const r = results['piped']!;
    expect(r.stdout).toBe('Big  16:40:00  2000 intervals\n\nstatus=0\n');
    expect(r.stderr).toBe('');
  });

  it('npm run workouts -- show works the same', () => {
    const r = results['npmShow']!;
    expect(withoutNpmNoise(r.stderr).trim()).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Wave your hands in the air  1:12:30  62 intervals', 'Choice line 6: Rounds 10-15, using 15']);
  });
});
