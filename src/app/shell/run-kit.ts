/**
 * What the shell loads right after the first paint: the database and the
 * runs around it (recording, recovering, keeping cut-off runs), so a run
 * interrupted last time is offered at once and the database is open before a
 * Start tap. Its own chunk: the first page carries none of it.
 */
import { Store, type DbEvent } from '../../storage/db';
import type { Checkpoint } from '../../storage/schema';
import { Runs, type KeepAs } from '../run/runs';

export { KeepAs, rebuildPlan, runInfoOf, Runs } from '../run/runs';

/** Runs over the app's database, opened on first use. */
export function openRuns(onEvent: (event: DbEvent) => void, onKept: (checkpoint: Checkpoint, as: KeepAs) => void): Runs {
  return new Runs(() => Store.open({ onEvent }), { onKept });
}
