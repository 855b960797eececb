/**
 * A workout that joins a built-in programme must agree with it on `weeks:`:
 * the check the command line and the library run across files, run in the
 * editor as you type against the built-in workouts.
 */
import { checkProgrammes, withDiagnostics, type CompileResult } from '../../dsl';
import { library } from '../library/library';

export function withProgrammeCheck(text: string, result: CompileResult): CompileResult {
  if (!result.workout?.programme) return result;
  const files = [
    ...library.map((e) => ({ name: e.path.replace(/^\//, ''), source: e.source, result: e.result })),
    { name: 'this workout', source: text, result },
  ];
  return withDiagnostics(result, checkProgrammes(files).at(-1) ?? []);
}
