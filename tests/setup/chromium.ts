/**
 * How the e2e tests launch Chromium on this machine (vite.config.ts does the
 * same for browser mode): Debian's browser (never a
 * Playwright download), overridable with CHROMIUM_PATH, with flags that work
 * as root with no network.
 */
export const chromiumPath: string = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Options for `chromium.launch()` from the `playwright` library. */
export const chromiumLaunchOptions = {
  executablePath: chromiumPath,
  args: [...chromiumArgs],
  headless: true,
};
