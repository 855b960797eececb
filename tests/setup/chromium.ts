/**
 * How the tests and benchmarks find and launch Chromium on this machine
 * (vite.config.ts uses it for browser mode too): a Chrome or Chromium already
 * installed (never a Playwright download), CHROMIUM_PATH first, with flags
 * that work as root with no network.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where browsers are installed, most likely first. */
export const CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
/** Names looked up on PATH after the usual places. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface Found {
  /** The browser's executable, or null when none was found. */
  readonly path: string | null;
  /** Why CHROMIUM_PATH was passed over, when it was set but is not an executable. */
  readonly problem: string | null;
}

/** Finds Chrome or Chromium: CHROMIUM_PATH, then the usual places, then PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, isExecutable: (path: string) => boolean = executable): Found {
  const wanted = env['CHROMIUM_PATH'];
  if (wanted) {
    if (isExecutable(wanted)) return { path: wanted, problem: null };
  }
  const problem = wanted ? `CHROMIUM_PATH=${wanted} is not an executable` : null;
  for (const path of CANDIDATES) if (isExecutable(path)) return { path, problem };
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) if (isExecutable(join(dir, name))) return { path: join(dir, name), problem };
  }
  return { path: null, problem };
}

/** The browser the tests launch ('/usr/bin/chromium' when none is found, which then fails to launch with its path). */
export const chromiumPath: string = findChromium().path ?? '/usr/bin/chromium';

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
