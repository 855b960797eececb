/** One's own workout compiled like a built-in one, so every screen can show and start it the same way. */
import type { CustomWorkout } from '../../storage/schema';
import { compileSafely, type LibraryEntry } from '../library/library-compile';
import { titleOf } from './mine';

export function mineEntry(workout: Pick<CustomWorkout, 'id' | 'source'>): LibraryEntry {
  const { result, error } = compileSafely(workout.source);
  const title = (result?.ok && result.plan?.title) || titleOf(workout.source);
  return { id: workout.id, path: '', source: workout.source, result, error, title };
}
