/**
 * The workouts command line: check and show `.workout` files.
 *
 *   npm run workouts -- check FILE...
 *   npm run workouts -- show FILE [--choose LINE=VALUE]... [--week W] [--json]
 *
 * Diagnostics are GNU style, `FILE:LINE:COL: error: MESSAGE`, each followed by
 * a code frame. Exit status: 0 clean, 1 any error in a file, 2 bad usage.
 */
import { readFileSync } from 'node:fs';
import {
  checkProgrammes,
  codeFrame,
  compile,
  compileOptions,
  formatClock,
  roundOf,
  sideText,
  type CompileResult,
  type Diagnostic,
  type Interval,
  type Plan,
  type ProgrammeFile,
  withDiagnostics,
} from '../dsl/index';

const USAGE = `Usage:
  npm run workouts -- check FILE...
  npm run workouts -- show FILE [--choose LINE=VALUE]... [--week W] [--json]

check   parses each file and reports errors as FILE:LINE:COL: error: MESSAGE;
        workouts in one programme: are checked together (same weeks:)
show    prints the expanded timeline: start, duration, zone, label, side, round
        --choose LINE=VALUE  picks a value for the range on source line LINE
                             (or LINE:COL); times as 25, 25s, 1m or 1:30
        --week W             the week of a plan with "weeks:"
        --json               the plan as JSON`;

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** H:MM:SS, as the check summary prints durations. */
export function hms(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function readSource(file: string, io: Output): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`${file}: error: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(e)})`}`);
    return null;
  }
}

function printDiagnostics(file: string, source: string, diagnostics: readonly Diagnostic[], io: Output): void {
  for (const d of diagnostics) {
    io.err(`${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}${d.hint ? ` ${d.hint}` : ''}`);
    io.err(codeFrame(source, d).replace(/^/gm, '  '));
  }
}

export function checkSummary(file: string, plan: Plan): string {
  const untimed = plan.untimedCount > 0 ? `  + ${plan.untimedCount} untimed` : '';
  return `${file}: ok  ${plan.title}  ${hms(plan.totalSeconds)}  ${plan.intervals.length} intervals${untimed}`;
}

function check(files: string[], io: Output): number {
  const option = files.find((f) => f.startsWith('-'));
  if (option !== undefined) {
    io.err(`error: check takes no option ${option}\n${USAGE}`);
    return 2;
  }
  if (files.length === 0) {
    io.err(USAGE);
    return 2;
  }
  let status = 0;
  // Files read and compiled first: workouts in one programme are checked together.
  const compiled: (ProgrammeFile & { result: CompileResult })[] = [];
  for (const file of files) {
    const source = readSource(file, io);
    if (source === null) status = 1;
    else compiled.push({ name: file, source, result: compile(source) });
  }
  const programmeErrors = checkProgrammes(compiled);
  compiled.forEach(({ name: file, source, result: compiledResult }, k) => {
    const result = withDiagnostics(compiledResult, programmeErrors[k] ?? []);
    printDiagnostics(file, source, result.diagnostics, io);
    if (result.ok && result.plan) io.out(checkSummary(file, result.plan));
    else status = 1;
  });
  return status;
}

/** `25`, `25s`, `1m`, `1m30s`, `1:30` -> seconds; plain numbers are counts or seconds. */
export function parseChoiceValue(text: string): number | null {
  const t = text.trim();
  let m = /^(\d+)s?$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d+)m(?:(\d+)s)?$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2] ?? 0);
  m = /^(\d+):(\d\d)$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  return null;
}

/** Every repeat it is in, outermost first: "Round 2 of 3, Set 1 of 2". */
function roundsText(i: Interval): string {
  return i.rounds.map(roundOf).join(', ');
}

function durationText(i: Interval): string {
  if (i.amount === 'open') return 'open';
  const count = i.reps === null ? i.amount : `${i.reps} ${i.amount}`;
  if (i.duration === null) return count;
  return i.amount === 'time' ? formatClock(i.duration) : `${count} ${formatClock(i.duration)}`;
}

export function timelineLines(plan: Plan): string[] {
  const rows = plan.intervals.map((i) => [String(i.index + 1), hms(i.start), durationText(i), i.zone, i.label, sideText(i.side), roundsText(i)]);
  const header = ['#', 'start', 'duration', 'zone', 'label', 'side', 'round'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const fmt = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [fmt(header), ...rows.map(fmt)];
}

function show(args: string[], io: Output): number {
  let file: string | null = null;
  let week: number | undefined;
  let json = false;
  const choices: Record<string, number> = {};
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--json') json = true;
    else if (a === '--week' || a.startsWith('--week=')) {
      const v = a.includes('=') ? a.slice(7) : args[++k];
      if (v === undefined || !/^\d+$/.test(v)) {
        io.err(`error: --week needs a whole number, e.g. --week 3`);
        return 2;
      }
      week = Number(v);
    } else if (a === '--choose' || a.startsWith('--choose=')) {
      const v = a.includes('=') ? a.slice(9) : args[++k];
      const m = v === undefined ? null : /^(\d+(?::\d+)?)=(.+)$/.exec(v);
      const value = m ? parseChoiceValue(m[2]!) : null;
      if (!m || value === null) {
        io.err(`error: --choose needs LINE=VALUE, e.g. --choose 5=15 or --choose 3=25s`);
        return 2;
      }
      choices[m[1]!] = value;
    } else if (a.startsWith('-')) {
      io.err(`error: unknown option ${a}\n${USAGE}`);
      return 2;
    } else if (file === null) file = a;
    else {
      io.err(`error: show takes one file\n${USAGE}`);
      return 2;
    }
  }
  if (file === null) {
    io.err(USAGE);
    return 2;
  }
  const source = readSource(file, io);
  if (source === null) return 1;
  const result: CompileResult = compile(source, compileOptions(choices, week));
  printDiagnostics(file, source, result.diagnostics, io);
  const plan = result.plan;
  if (!result.ok || !plan) return 1;
  if (week !== undefined && plan.weeks === null) io.err(`${file}: warning: --week is ignored: this workout has no "weeks:"`);
  const known = new Set(plan.choices.flatMap((c) => [c.id, String(c.line)]));
  for (const key of Object.keys(choices)) {
    if (!known.has(key)) io.err(`${file}:${key.split(':')[0]}: warning: no range to choose on this line`);
  }
  if (json) {
    io.out(JSON.stringify(plan, null, 2));
    return 0;
  }
  io.out(`${plan.title}  ${hms(plan.totalSeconds)}  ${plan.intervals.length} intervals${plan.untimedCount ? `  + ${plan.untimedCount} untimed` : ''}`);
  if (plan.weeks !== null) io.out(`Week ${plan.week} of ${plan.weeks}`);
  for (const c of plan.choices) {
    const show = (v: number) => (c.kind === 'time' ? formatClock(v) : String(v));
    io.out(`Choice line ${c.line}: ${c.label} ${show(c.min)}-${show(c.max)}, using ${show(plan.chosen[c.id] ?? c.min)}`);
  }
  io.out('');
  for (const line of timelineLines(plan)) io.out(line);
  return 0;
}

export function main(argv: string[], io: Output): number {
  const [command, ...rest] = argv;
  if (command === 'check') return check(rest, io);
  if (command === 'show') return show(rest, io);
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  io.err(command === undefined ? USAGE : `error: unknown command "${command}"\n${USAGE}`);
  return 2;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  // `show FILE | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = main(process.argv.slice(2), {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
  });
}
