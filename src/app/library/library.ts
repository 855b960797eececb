/**
 * The built-in workouts, compiled in the app. The `.workout` files are bundled
 * as text (no fetch, so they work offline from the first load) and compiled
 * once, when this module loads: the workout page, the timer and History load
 * it on demand. The library page itself shows cards made at build time
 * (`virtual:aquajog-library`) and never loads this.
 */
import { loadLibrary, type LibraryEntry } from './library-compile';

export * from './library-compile';
export { compileOptions, summarise } from '../../dsl';

const files = import.meta.glob<string>('/workouts/*.workout', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Every built-in workout, compiled at default choices. */
export const library: readonly LibraryEntry[] = loadLibrary(files);
