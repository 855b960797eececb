/** Runs every stage over one source text. Never throws for user input. */
import type { Workout } from './ast';
import { check } from './check';
import { LineIndex, Reporter, locate, type Diagnostic } from './diagnostics';
import { checkExpansion, expand, MAX_INTERVALS, type ExpandOptions } from './expand';
import { parse } from './parse';
import type { Plan } from './plan';
import { normalise } from './text';

export { MAX_INTERVALS };
/** The largest workout file accepted, in UTF-8 bytes. */
export const MAX_SOURCE_BYTES = 64 * 1024;

export type CompileOptions = ExpandOptions;

/**
 * The options a run, a page or a saved session compiles with: its choices,
 * and its week when it has one (null or undefined: no week given; any number,
 * even one out of range, is passed on for the checker to judge).
 */
export function compileOptions(choices: Readonly<Record<string, number>>, week?: number | null): CompileOptions {
  return week === null || week === undefined ? { choices } : { choices, week };
}

export interface CompileResult {
  /** No errors: the workout can be started. Warnings may remain. */
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** The syntax tree, when the text could be read at all. */
  readonly workout: Workout | null;
  /** The expanded timeline, only when `ok`. */
  readonly plan: Plan | null;
}

export function compile(source: string, options: CompileOptions = {}): CompileResult {
  return run(source, options, true);
}

/**
 * What `compile` says about a text without expanding it: the same `ok`,
 * diagnostics and syntax tree, and no plan (`plan` is null). For checking as
 * one types: the editor shows diagnostics on every keystroke and needs the
 * plan only for its preview, which waits.
 */
export function diagnose(source: string, options: CompileOptions = {}): CompileResult {
  return run(source, options, false);
}

/**
 * The plan of a text `diagnose` found `ok`, from the syntax tree it returned:
 * the plan `compile(source, options)` gives, without reading the text again
 * (null where the options don't fit it, as compile's would have errors).
 */
export function planOf(source: string, workout: Workout, options: CompileOptions = {}): Plan | null {
  const report = new Reporter();
  const plan = expand(workout, report, new LineIndex(source), options);
  return report.hasErrors ? null : plan;
}

function run(source: string, options: CompileOptions, withPlan: boolean): CompileResult {
  const index = new LineIndex(source);
  if (utf8Length(source, MAX_SOURCE_BYTES) > MAX_SOURCE_BYTES) {
    const diagnostics = locate(
      [
        {
          code: 'too-long',
          severity: 'error',
          start: 0,
          end: 0,
          message: 'The workout is too long.',
          hint: `A workout file can be at most ${MAX_SOURCE_BYTES / 1024} KB.`,
        },
      ],
      index,
    );
    return { ok: false, diagnostics, workout: null, plan: null };
  }
  const report = new Reporter();
  const workout = parse(normalise(source), report);
  check(workout, report);
  let plan: Plan | null = null;
  if (!report.hasErrors) {
    if (withPlan) plan = expand(workout, report, index, options);
    else checkExpansion(workout, report, index, options);
  }
  const diagnostics = locate(report.items, index);
  const ok = !diagnostics.some((d) => d.severity === 'error');
  return { ok, diagnostics, workout, plan: ok ? plan : null };
}

/** UTF-8 length of `text`, counting no further than just past `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length; // every UTF-16 unit is at least one byte
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
