/** Set by vite.config.ts at build time: the app version and build id. */
declare const __APP_VERSION__: string;

/** The built-in workouts' library cards, compiled at build time (vite.config.ts, `builtInLibrary`). */
declare module 'virtual:aquajog-library' {
  const cards: readonly import('./app/library/library-card').LibraryCard[];
  export default cards;
}
