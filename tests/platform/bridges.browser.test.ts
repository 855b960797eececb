import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { MediaSessionBridge } from '../../src/platform/media-session';
import { Speaker } from '../../src/platform/speech';
import { Vibrator } from '../../src/platform/vibration';
import { ScreenWakeLock } from '../../src/platform/wake-lock';

/** Runs `fn` inside a real click, as the app does from the Start tap. */
async function inTap<T>(fn: () => Promise<T>): Promise<T> {
  const button = document.createElement('button');
  button.textContent = 'Start';
  let result!: Promise<T>;
  button.addEventListener('click', () => (result = fn()));
  document.body.append(button);
  await userEvent.click(button);
  button.remove();
  return result;
}

describe('screen wake lock', () => {
  it('holds the screen on during a workout and lets go at the end', async () => {
    const lock = new ScreenWakeLock();
    expect(lock.supported).toBe(true);
    expect(await inTap(() => lock.acquire())).toBe(true);
    expect(lock.held).toBe(true);
    await lock.release();
    expect(lock.held).toBe(false);
  });

  it('asks again when the page becomes visible after the browser dropped it', async () => {
    const lock = new ScreenWakeLock();
    await inTap(() => lock.acquire());
    // The browser releases wake locks when the page is hidden; simulate that release.
    const sentinel = (lock as unknown as { _sentinel: WakeLockSentinel })._sentinel;
    await sentinel.release();
    expect(lock.held).toBe(false);
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(lock.held).toBe(true));
    await lock.release();
  });
});

describe('vibration', () => {
  it('vibrates only when enabled and visible', () => {
    const calls: number[][] = [];
    const nav = { vibrate: (p: number[]) => (calls.push(p), true) } as unknown as Navigator;
    const visible = { visibilityState: 'visible' } as Document;
    const hidden = { visibilityState: 'hidden' } as Document;
    expect(new Vibrator(nav, visible).vibrate([100])).toBe(true);
    expect(new Vibrator(nav, hidden).vibrate([100])).toBe(false);
    const off = new Vibrator(nav, visible);
    off.enabled = false;
    expect(off.vibrate([100])).toBe(false);
    expect(calls).toEqual([[100]]);
    expect(new Vibrator({} as Navigator, visible).supported).toBe(false);
  });
});

describe('speech', () => {
  it('uses offline voices only, and stays quiet without one', () => {
    // Real voices can't be made in a test: a plain utterance stands in for Chromium's.
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        voice: SpeechSynthesisVoice | null = null;
        lang = '';
        rate = 1;
        constructor(readonly text: string) {}
      },
    );
    const spoken: SpeechSynthesisUtterance[] = [];
    const voices = [
      { name: 'Cloud', lang: 'en-US', localService: false },
      { name: 'Local', lang: 'en-GB', localService: true },
    ] as SpeechSynthesisVoice[];
    const synth = {
      getVoices: () => voices,
      speak: (u: SpeechSynthesisUtterance) => spoken.push(u),
      cancel: () => undefined,
      addEventListener: () => undefined,
    } as unknown as SpeechSynthesis;
    const speaker = new Speaker(synth, 'en-US');
    expect(speaker.voiceName).toBe('Local');
    expect(speaker.speak('Sprint, one minute.')).toBe(true);
    expect(spoken[0]!.voice!.name).toBe('Local');
    const none = new Speaker({ ...synth, getVoices: () => [voices[0]!] } as unknown as SpeechSynthesis, 'en-US');
    expect(none.available).toBe(false);
    expect(none.speak('Sprint')).toBe(false);
    vi.unstubAllGlobals();
  });

  it('finds no offline voice in headless Chromium, so cues stay tones', () => {
    expect(new Speaker().available).toBe(speechSynthesis.getVoices().some((v) => v.localService));
  });
});

describe('media session', () => {
  it('routes headphone play and pause to the workout, with the interval as the title', async () => {
    const handlers = new Map<string, (() => void) | null>();
    const original = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
    navigator.mediaSession.setActionHandler = (action: MediaSessionAction, fn: MediaSessionActionHandler | null) => {
      handlers.set(action, fn as (() => void) | null);
      original(action, fn);
    };
    try {
      const bridge = new MediaSessionBridge();
      const log: string[] = [];
      await inTap(() => bridge.activate({ play: () => log.push('play'), pause: () => log.push('pause') }));
      bridge.update('Sprint', 'Lactic acid · Round 4 of 12', true);
      expect(navigator.mediaSession.metadata?.title).toBe('Sprint');
      expect(navigator.mediaSession.playbackState).toBe('playing');
      handlers.get('pause')!();
      handlers.get('play')!();
      expect(log).toEqual(['pause', 'play']);
      bridge.deactivate();
      expect(navigator.mediaSession.metadata).toBeNull();
      expect(handlers.get('play')).toBeNull();
    } finally {
      navigator.mediaSession.setActionHandler = original;
    }
  });

  it('plays its silent loop only while the workout runs and no other element of the page plays', async () => {
    // Played for real; the spy only tells which element was asked to.
    const spy = vi.spyOn(HTMLMediaElement.prototype, 'play');
    const bridge = new MediaSessionBridge();
    try {
      // The cue track plays from the Start tap: the loop is played once in the tap all the same, then stands by.
      bridge.keepAlive = false;
      await inTap(() => bridge.activate({ play: () => undefined, pause: () => undefined }));
      expect(spy).toHaveBeenCalledTimes(1);
      const loop = spy.mock.contexts[0] as HTMLMediaElement;
      expect(loop.loop).toBe(true);
      bridge.update('Sprint', 'Lactic acid', true);
      expect(loop.paused).toBe(true);
      // The track started again (iOS wants the handlers again then): the loop stays quiet.
      await bridge.activate({ play: () => undefined, pause: () => undefined });
      expect(loop.paused).toBe(true);
      // The track failed: the loop keeps the lock-screen controls, while the workout runs.
      bridge.keepAlive = true;
      expect(loop.paused).toBe(false);
      bridge.update('Sprint', 'Lactic acid', false);
      expect(loop.paused).toBe(true);
      bridge.update('Sprint', 'Lactic acid', true);
      expect(loop.paused).toBe(false);
      bridge.keepAlive = false;
      expect(loop.paused).toBe(true);
    } finally {
      bridge.deactivate();
      spy.mockRestore();
    }
  });
});
