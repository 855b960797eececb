/**
 * The cue track against the production build, in real time (a media element's
 * clock is the audio device's; Playwright's fake clock can't move it):
 *
 * - the page frozen for 60 s mid-workout with the DevTools protocol, as a
 *   phone freezes a locked or backgrounded page: the track keeps playing with
 *   the wall clock, and after thawing the screen and the track agree within
 *   50 ms, with no tone played twice (no Web Audio tone at all, no seek back);
 * - Pause, Play, Skip, Back and Done from the lock screen (the Media Session
 *   action handlers the app set): the track's position and the engine agree.
 *
 * Headless Chromium mutes its output, so the track is checked by its position,
 * which the media pipeline moves only by playing; the samples themselves are
 * checked to the sample in tests/engine/cue-track.test.ts.
 */
import type { CDPSession, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness';

const session = useBrowser();

/** Installs the probes before the app's scripts: media elements, their seeks, Web Audio tones, the lock-screen handlers. */
function probes(): void {
  const w = window as unknown as Record<string, unknown>;
  const media = new Set<HTMLMediaElement>();
  const seeks: { to: number; from: number; at: number }[] = [];
  const tones: number[] = [];
  const actions: Record<string, () => void> = {};
  Object.assign(w, { __media: media, __seeks: seeks, __tones: tones, __actions: actions });
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    media.add(this);
    return play.call(this);
  };
  const time = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'currentTime')!;
  Object.defineProperty(HTMLMediaElement.prototype, 'currentTime', {
    ...time,
    set(this: HTMLMediaElement, v: number) {
      if (!this.loop) seeks.push({ from: time.get!.call(this) as number, to: v, at: Date.now() });
      time.set!.call(this, v);
    },
  });
  const start = AudioScheduledSourceNode.prototype.start;
  AudioScheduledSourceNode.prototype.start = function (this: AudioScheduledSourceNode, ...args: unknown[]) {
    tones.push(Date.now());
    return (start as (...a: unknown[]) => void).apply(this, args);
  };
  const set = MediaSession.prototype.setActionHandler;
  MediaSession.prototype.setActionHandler = function (this: MediaSession, action: MediaSessionAction, handler: MediaSessionActionHandler | null) {
    if (handler) actions[action] = () => handler({ action });
    else delete actions[action];
    return set.call(this, action, handler);
  };
}

interface Sample {
  /** Date.now() in the page. */
  wall: number;
  /** The track element's position, ms. */
  trackMs: number;
  paused: boolean;
  /** Where the engine says the track should be, ms (null: not in the loaded segment). */
  expectedMs: number | null;
  status: string;
  index: number;
  segments: number;
  /** Web Audio tones started so far. */
  tones: number;
  seeks: number;
  /** The big digits. */
  shown: string;
}

/** Reads the track, the engine and the screen in one task, so they describe one instant. */
async function sample(page: Page): Promise<Sample> {
  return page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    type Screen = HTMLElement & {
      session: {
        timer: { state(): { status: string; index: number } };
        track: { element: HTMLAudioElement | null; expectedMs(s: unknown): number | null; stats: { segments: number } };
      };
    };
    const screen = document.querySelector('aq-app')!.shadowRoot!.querySelector('aq-timer-screen') as Screen;
    const s = screen.session.timer.state();
    const el = screen.session.track.element!;
    return {
      wall: Date.now(),
      trackMs: el.currentTime * 1000,
      paused: el.paused,
      expectedMs: screen.session.track.expectedMs(s),
      status: s.status,
      index: s.index,
      segments: screen.session.track.stats.segments,
      tones: (w['__tones'] as number[]).length,
      seeks: (w['__seeks'] as unknown[]).length,
      shown: screen.shadowRoot!.querySelector('[aria-label="Time left"]')?.textContent?.trim() ?? '',
    };
  });
}

/**
 * Waits until the track plays in step with the engine: within 20 ms, twice in a
 * row a quarter of a second apart with no seek between (its start-up lag corrected).
 */
async function inStep(page: Page): Promise<Sample> {
  const ok = (s: Sample) => s.expectedMs !== null && Math.abs(s.trackMs - s.expectedMs) <= 20;
  let last = await sample(page);
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const s = await sample(page);
    if (ok(s) && ok(last) && s.seeks === last.seeks && s.paused === last.paused) return s;
    last = s;
  }
  return last;
}

async function start(page: Page, title: string): Promise<void> {
  await page.addInitScript(probes);
  await page.goto('/');
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
}

/** Calls a lock-screen action as the system would, then lets the page settle. */
async function action(page: Page, name: MediaSessionAction): Promise<Sample> {
  await page.evaluate((a) => (window as unknown as { __actions: Record<string, () => void> }).__actions[a]!(), name);
  await page.waitForTimeout(300);
  return inStep(page);
}

const FREEZE_MS = 60_000;

describe('the cue track', () => {
  it('keeps playing through 60 s of a frozen page, and agrees with the screen after it', { timeout: 120_000 }, async () => {
    const { page, context } = session;
    await start(page, 'Wave your hands in the air');
    // Past the warm-up: a minute with a tone every few seconds (countdowns, starts).
    await page.getByRole('button', { name: 'Skip', exact: true }).click();
    const before = await inStep(page);
    expect(before.paused).toBe(false);
    expect(Math.abs(before.trackMs - before.expectedMs!)).toBeLessThanOrEqual(50);

    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
    const frozenAt = Date.now();
    await new Promise((r) => setTimeout(r, FREEZE_MS));
    // Nothing runs in a frozen page; the wall clock goes on.
    expect(Date.now() - frozenAt).toBeGreaterThanOrEqual(FREEZE_MS);
    await cdp.send('Page.setWebLifecycleState', { state: 'active' });

    const after = await sample(page);
    const wall = after.wall - before.wall;
    // The track played on with the page frozen: its position moved with the wall clock.
    expect(wall).toBeGreaterThanOrEqual(FREEZE_MS);
    expect(Math.abs(after.trackMs - before.trackMs - wall), 'track position against the wall clock (ms)').toBeLessThanOrEqual(50);
    // The screen and the track agree: the engine's position is the track's, within 50 ms.
    expect(after.status).toBe('running');
    expect(after.index).toBeGreaterThan(before.index);
    expect(Math.abs(after.trackMs - after.expectedMs!), 'track against engine after thawing (ms)').toBeLessThanOrEqual(50);
    // No tone twice: none from Web Audio, and the track was never moved (a seek back would replay).
    expect(after.seeks).toBe(before.seeks);
    expect(after.tones).toBe(0);

    // The screen shows where the engine is (it redraws from the clock, not from what it missed).
    await page.waitForTimeout(200);
    const shown = await sample(page);
    const remaining = await page.evaluate(() => {
      const screen = document.querySelector('aq-app')!.shadowRoot!.querySelector('aq-timer-screen') as HTMLElement & {
        session: { timer: { state(): { intervalRemainingMs: number } } };
      };
      return screen.session.timer.state().intervalRemainingMs;
    });
    const secs = Math.ceil(remaining / 1000);
    expect([
      `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`,
      `${Math.floor((secs + 1) / 60)}:${String((secs + 1) % 60).padStart(2, '0')}`,
    ]).toContain(shown.shown);
  });

  it('follows Pause, Play, Skip, Back and Done from the lock screen', { timeout: 60_000 }, async () => {
    const { page } = session;
    // Clamshells until Done (left), a timed switch, clamshells until Done (right), 30 s rest...
    await start(page, 'Hip strength extras');
    const agree = (s: Sample, what: string) => {
      expect(s.expectedMs, `${what}: position in the loaded track`).not.toBeNull();
      expect(Math.abs(s.trackMs - s.expectedMs!), `${what}: track against engine (ms)`).toBeLessThanOrEqual(50);
    };
    let s = await inStep(page);
    agree(s, 'start');
    expect([s.index, s.segments]).toEqual([0, 1]);

    s = await action(page, 'pause');
    expect([s.status, s.paused]).toEqual(['paused', true]);
    agree(s, 'pause');
    await page.waitForTimeout(1000);
    const still = await sample(page);
    expect(still.trackMs).toBe(s.trackMs);

    s = await action(page, 'play');
    expect([s.status, s.paused]).toEqual(['running', false]);
    agree(s, 'play');

    // "Next" on an untimed step is Done: the next stretch of the track is made and played.
    s = await action(page, 'nexttrack');
    expect([s.index, s.segments, s.status]).toEqual([1, 2, 'running']);
    agree(s, 'done');

    // Skip the timed switch: the right side is in the same track, so a seek, not a new track.
    s = await action(page, 'nexttrack');
    expect([s.index, s.segments]).toEqual([2, 2]);
    agree(s, 'skip');

    s = await action(page, 'previoustrack');
    expect([s.index, s.segments]).toEqual([1, 2]);
    agree(s, 'back');

    s = await action(page, 'previoustrack');
    expect([s.index, s.segments]).toEqual([0, 3]);
    agree(s, 'back to the first step');
    expect(s.tones, 'Web Audio tones while the track sounds them').toBe(0);
  });
});
