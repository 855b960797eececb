import { describe, expect, it } from 'vitest';
import { detectScreenOff, screenOffLines, type ScreenOffFeatures } from '../../src/platform/screen-off';

/** A window with just the features asked for. */
function fakeWindow(features: {
  wav?: boolean;
  mediaSession?: boolean;
  audioSession?: boolean;
  speech?: boolean;
  vibrate?: boolean;
}): Window & typeof globalThis {
  const navigator: Record<string, unknown> = {};
  if (features.mediaSession) navigator['mediaSession'] = {};
  if (features.audioSession) navigator['audioSession'] = { type: 'auto' };
  if (features.vibrate) navigator['vibrate'] = () => true;
  const win: Record<string, unknown> = {
    navigator,
    URL: { createObjectURL: () => 'blob:x' },
    Audio: class {
      canPlayType(type: string) {
        return features.wav && type === 'audio/wav' ? 'maybe' : '';
      }
    },
  };
  if (features.mediaSession) win['MediaMetadata'] = class {};
  if (features.speech) win['speechSynthesis'] = {};
  return win as unknown as Window & typeof globalThis;
}

const text = (f: ScreenOffFeatures) => screenOffLines(f).map((l) => `${l.topic}: ${l.text}`);

describe('what this device does with the screen off', () => {
  it('on a browser like Chrome on Android: tones from the track; words and buzzes while the page runs', () => {
    const f = detectScreenOff(fakeWindow({ wav: true, mediaSession: true, speech: true, vibrate: true }));
    expect(f).toEqual({ track: true, mediaSession: true, audioSession: false, speech: true, vibration: true });
    const lines = text(f);
    expect(lines[0]).toMatch(/^Tones: Keep coming with the screen off/);
    expect(lines[1]).toMatch(/^Lock screen and headphones: Pause, Play, Next/);
    expect(lines[2]).toMatch(/^Spoken announcements and vibration: Need the app itself to run/);
  });

  it('on a browser like Safari on iPhone (Audio Session, no vibration): words wait for the athlete to come back', () => {
    const f = detectScreenOff(fakeWindow({ wav: true, mediaSession: true, audioSession: true, speech: true }));
    expect(f.audioSession).toBe(true);
    expect(f.vibration).toBe(false);
    const lines = text(f);
    expect(lines[0]).toMatch(/^Tones: Keep coming/);
    expect(lines[2]).toMatch(/^Spoken announcements: Wait until you come back/);
  });

  it('says so when nothing can keep going', () => {
    const lines = text(detectScreenOff(fakeWindow({})));
    expect(lines[0]).toBe('Tones: Only while Aquajog is on screen: this browser can’t play the cue track.');
    expect(lines[1]).toBe('Lock screen and headphones: This browser has no lock-screen controls: unlock to pause or skip.');
    expect(lines).toContain('Spoken announcements: This browser can’t speak.');
  });

  it('with the track, says that other apps’ music pauses and where to choose otherwise', () => {
    const lines = text(detectScreenOff(fakeWindow({ wav: true, mediaSession: true, speech: true })));
    expect(lines.at(-1)).toBe(
      'Your music: Pauses when the cue track starts, as when a second music player starts. To keep it playing, choose to play the cues over your music.',
    );
  });

  it('over the athlete’s music: everything only while the app is on screen, the buttons left to the music app', () => {
    const chrome = screenOffLines(detectScreenOff(fakeWindow({ wav: true, mediaSession: true, speech: true, vibrate: true })), true).map(
      (l) => `${l.topic}: ${l.text}`,
    );
    expect(chrome[0]).toMatch(/^Tones: Only while Aquajog is on screen \(it keeps the screen on during a workout\): with the screen locked they stop/);
    expect(chrome[1]).toBe('Lock screen and headphones: The buttons stay with your music app: unlock Aquajog to pause or skip.');
    expect(chrome[2]).toBe('Spoken announcements and vibration: Only while Aquajog is on screen.');
    expect(chrome.at(-1)).toMatch(/^Your music: Keeps playing/);
    // WebKit's mixing session is silenced by the Silent switch too: the athlete is told.
    const safari = screenOffLines(detectScreenOff(fakeWindow({ wav: true, mediaSession: true, audioSession: true, speech: true })), true);
    expect(safari[0]!.text).toMatch(/Silent switch/);
  });
});
