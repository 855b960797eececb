/** Set by vite.config.ts at build time: the app version and build id. */
declare const __APP_VERSION__: string;
