/** Finding a browser for the tests on any machine: CHROMIUM_PATH, the usual places, then PATH. */
import { describe, expect, it } from 'vitest';
import { findChromium } from './chromium';

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when it is an executable', () => {
    expect(findChromium({ CHROMIUM_PATH: '/x/chrome' }, only('/x/chrome', '/usr/bin/chromium'))).toEqual({ path: '/x/chrome', problem: null });
  });

  it("says why CHROMIUM_PATH was passed over, and finds Debian's chromium", () => {
    expect(findChromium({ CHROMIUM_PATH: '/gone' }, only('/usr/bin/chromium'))).toEqual({
      path: '/usr/bin/chromium',
      problem: 'CHROMIUM_PATH=/gone is not an executable',
    });
  });

  it('finds an installed Google Chrome, then a browser on PATH', () => {
    expect(findChromium({}, only('/usr/bin/google-chrome-stable')).path).toBe('/usr/bin/google-chrome-stable');
    expect(findChromium({ PATH: '/a:/home/me/bin' }, only('/home/me/bin/chromium-browser')).path).toBe('/home/me/bin/chromium-browser');
  });

  it('finds nothing on a machine with no browser', () => {
    expect(findChromium({ PATH: '/usr/bin:/bin' }, () => false)).toEqual({ path: null, problem: null });
  });
});
