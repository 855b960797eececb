/**
 * The first step of `npm test`: make sure a Chrome or Chromium is there for
 * the browser tests. Found: nothing to do. Not found on a Debian or Ubuntu
 * machine as root: install the distribution's chromium, as `.ci/run` always
 * did. Otherwise stop at once with one line that says what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium';

const found = findChromium();
if (found.path) {
  if (found.problem) console.error(`${found.problem}; using ${found.path}`);
  process.exit(0);
}

const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (process.platform === 'linux' && root && existsSync('/usr/bin/apt-get')) {
  console.error("No Chrome or Chromium found: installing the distribution's chromium (apt-get install chromium)");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
  } catch {
    console.error('Installing chromium failed: run `apt-get install chromium` and try again, or set CHROMIUM_PATH to a Chrome or Chromium.');
    process.exit(1);
  }
  if (findChromium({ ...process.env, CHROMIUM_PATH: '' }).path) process.exit(0);
}

console.error(
  `${found.problem ? `${found.problem}, and no` : 'No'} Chrome or Chromium found: install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: Google Chrome) or set CHROMIUM_PATH to its executable.`,
);
process.exit(1);
