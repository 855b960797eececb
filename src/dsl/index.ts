/**
 * The workout language: public entry point. Pure (no DOM, no Node APIs).
 *
 * Stages: normalise -> lines -> tokens -> parse (readonly AST with spans)
 * -> check -> expand (typed plan). Errors are data: every stage collects
 * diagnostics and none throws for user input.
 */
export { compile, diagnose, planOf, compileOptions, MAX_SOURCE_BYTES, MAX_INTERVALS } from './compile';
export type { CompileOptions, CompileResult } from './compile';
export type { Diagnostic, Severity } from './diagnostics';
export { codeFrame } from './diagnostics';
export { formatClock, durationWords, summarise, estimateNote, estimatedSeconds, outline, ESTIMATE, weekTable, totalsByZone, setSummaries } from './summary';
export type { WeekRow, SetSummary, OutlineBlock } from './summary';
export { planSchema, scheduleSchema, programmeSchema, WEEKDAYS } from './plan';
export { checkProgrammes, withDiagnostics } from './programmes';
export type { ProgrammeFile } from './programmes';
export { roundOf, roundText, sideLabel, sideText, spokenSide, targetText } from './wording';
export type { Plan, Interval, Zone, Choice, Target, Round, Tempo, Role, Side, SideKind, Schedule, Programme, Weekday } from './plan';
