/**
 * The workouts a person writes or saves ("Mine") live in IndexedDB under ids
 * that start with `mine-`, so a route or a History entry can tell them from the
 * built-in files (whose ids are file names) without loading anything.
 */
export const MINE_PREFIX = 'mine-';

/** True for the id of a workout of one's own. */
export function isMineId(id: string): boolean {
  return id.startsWith(MINE_PREFIX);
}
