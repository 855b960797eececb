/**
 * What this device will do with the screen off, from feature detection: which
 * cues keep coming when the phone is locked or another app is in front, and
 * which wait for the athlete to come back. Settings shows it. The reasoning per
 * platform, and what was verified in a browser, is screen-off.md, beside this file.
 */

/** The features that decide it, as detected in this browser. */
export interface ScreenOffFeatures {
  /** An <audio> element can play a WAV from a Blob: the cue track (tones with no JavaScript running). */
  readonly track: boolean;
  /** Media Session: lock-screen and headphone buttons reach the page. */
  readonly mediaSession: boolean;
  /**
   * `navigator.audioSession` (WebKit, Safari 16.4+): this browser pauses a
   * locked page's JavaScript and lets only its media play on.
   */
  readonly audioSession: boolean;
  readonly speech: boolean;
  readonly vibration: boolean;
}

export function detectScreenOff(win: Window & typeof globalThis = window): ScreenOffFeatures {
  const nav = win.navigator;
  let track: boolean;
  try {
    track = typeof win.Audio === 'function' && typeof win.URL?.createObjectURL === 'function' && new win.Audio().canPlayType('audio/wav') !== '';
  } catch {
    track = false;
  }
  return {
    track,
    mediaSession: 'mediaSession' in nav && typeof (win as unknown as { MediaMetadata?: unknown }).MediaMetadata === 'function',
    audioSession: 'audioSession' in nav,
    speech: 'speechSynthesis' in win,
    vibration: typeof nav.vibrate === 'function',
  };
}

export interface ScreenOffLine {
  /** What it is about: "Tones", "Lock screen"... */
  readonly topic: string;
  readonly text: string;
}

/**
 * What the athlete can expect with the screen off, in plain words: with the
 * cue track (the default), or with the cues played over their own music
 * (`mixWithMusic`), where nothing may play that takes the audio focus.
 */
export function screenOffLines(f: ScreenOffFeatures, mixWithMusic = false): ScreenOffLine[] {
  if (mixWithMusic) return overMusicLines(f);
  const lines: ScreenOffLine[] = [];
  lines.push({
    topic: 'Tones',
    text: f.track
      ? 'Keep coming with the screen off or another app in front: every beep of the workout plays from one audio track, like music.'
      : 'Only while Aquajog is on screen: this browser can’t play the cue track.',
  });
  lines.push({
    topic: 'Lock screen and headphones',
    text: f.mediaSession
      ? 'Pause, Play, Next (Skip, or Done on a step that waits for you) and Previous (Back) work from the lock screen and headphone buttons.'
      : 'This browser has no lock-screen controls: unlock to pause or skip.',
  });
  const extras = extrasTopic(f);
  if (extras) {
    lines.push({
      topic: extras,
      text: f.audioSession
        ? 'Wait until you come back: with the screen locked this browser pauses the app, and only the audio track plays on.'
        : 'Need the app itself to run: they go on while this browser keeps a page that plays audio running, and wait until you come back if it stops it (a battery saver can).',
    });
  }
  if (!f.speech) lines.push({ topic: 'Spoken announcements', text: 'This browser can’t speak.' });
  // Not detectable: a page playing a long track takes the audio focus as a music player would (screen-off.md, beside this file).
  lines.push({
    topic: 'Your music',
    text: f.track
      ? 'Pauses when the cue track starts, as when a second music player starts. To keep it playing, choose to play the cues over your music.'
      : 'Keeps playing: the beeps play over it.',
  });
  return lines;
}

function extrasTopic(f: ScreenOffFeatures): string {
  return [f.speech ? 'Spoken announcements' : null, f.vibration ? 'vibration' : null].filter(Boolean).join(' and ');
}

/** The cues over the athlete's music: the page's own sound, so only while it runs. */
function overMusicLines(f: ScreenOffFeatures): ScreenOffLine[] {
  const lines: ScreenOffLine[] = [
    {
      topic: 'Tones',
      text: f.audioSession
        ? 'Only while Aquajog is on screen (it keeps the screen on during a workout): locking the phone silences them, and so does the Silent switch.'
        : 'Only while Aquajog is on screen (it keeps the screen on during a workout): with the screen locked they stop, or come late, until you return.',
    },
    { topic: 'Lock screen and headphones', text: 'The buttons stay with your music app: unlock Aquajog to pause or skip.' },
  ];
  const extras = extrasTopic(f);
  if (extras) lines.push({ topic: extras, text: 'Only while Aquajog is on screen.' });
  if (!f.speech) lines.push({ topic: 'Spoken announcements', text: 'This browser can’t speak.' });
  lines.push({ topic: 'Your music', text: 'Keeps playing: the beeps play over it, and Aquajog takes no lock-screen controls from it.' });
  return lines;
}
