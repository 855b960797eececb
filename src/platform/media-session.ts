/**
 * Headphone play/pause and lock-screen controls, through the Media Session API.
 *
 * Android Chrome and iOS Safari route those buttons only to a page that is
 * playing an HTML media element; Web Audio alone does not count. So while a
 * workout runs, a silent looping <audio> (a WAV made here, no network) keeps
 * the page the active media session whenever the cue track isn't playing
 * (see keepAlive), and the session's metadata carries the current interval as
 * its title.
 */

export interface MediaHandlers {
  play(): void;
  pause(): void;
  next?(): void;
  previous?(): void;
}

/**
 * Silence as a WAV blob: 8 kHz, mono, 8-bit (silence is 128), 30 s long. A
 * long loop costs the main thread little (a one-second loop restarted its
 * decoder every second: 1.5 ms of main-thread time a second); 240 KB, made in
 * memory, never fetched.
 */
export function silentWav(seconds = 30): Blob {
  const rate = 8000;
  const samples = rate * seconds;
  const buf = new ArrayBuffer(44 + samples);
  const v = new DataView(buf);
  const str = (o: number, s: string) => [...s].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
  str(0, 'RIFF');
  v.setUint32(4, 36 + samples, true);
  str(8, 'WAVE');
  str(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, rate, true);
  v.setUint32(28, rate, true); // bytes a second
  v.setUint16(32, 1, true); // block align
  v.setUint16(34, 8, true); // bits a sample
  str(36, 'data');
  v.setUint32(40, samples, true);
  new Uint8Array(buf, 44).fill(128);
  return new Blob([buf], { type: 'audio/wav' });
}

export class MediaSessionBridge {
  private _audio: HTMLAudioElement | null = null;
  private _url: string | null = null;
  /** The workout runs (as last told by update()). */
  private _playing = false;
  private _keepAlive = true;

  constructor(private readonly _nav: Navigator = navigator) {}

  get supported(): boolean {
    return 'mediaSession' in this._nav;
  }

  /** Activated and not deactivated since: the buttons come here (and the keep-alive plays while needed). */
  get active(): boolean {
    return this._audio !== null;
  }

  /**
   * Whether the silent loop is needed. Not while another of the page's media
   * elements plays (the cue track): that one keeps the page the active media
   * session by itself, and each playing element costs the main thread its own
   * work (a timeupdate timer four times a second, reads, watch-time reports:
   * 0.6-0.8 ms a second in headless Chromium), so two cost twice what one does.
   */
  get keepAlive(): boolean {
    return this._keepAlive;
  }

  set keepAlive(needed: boolean) {
    this._keepAlive = needed;
    this._follow();
  }

  /** Starts the silent keep-alive (call from the Start tap) and routes the buttons. */
  async activate(handlers: MediaHandlers): Promise<void> {
    if (!this.supported) return;
    const ms = this._nav.mediaSession;
    const set = (action: MediaSessionAction, fn: (() => void) | undefined) => {
      try {
        ms.setActionHandler(action, fn ? () => fn() : null);
      } catch {
        // Action not supported on this browser.
      }
    };
    set('play', handlers.play);
    set('pause', handlers.pause);
    set('nexttrack', handlers.next);
    set('previoustrack', handlers.previous);
    // Cleared, not just left unset: iOS otherwise offers its own 10-second skips, which would move a cue
    // track away from the workout while the page can't correct it.
    for (const a of ['seekbackward', 'seekforward', 'seekto'] as MediaSessionAction[]) set(a, undefined);
    if (!this._audio) {
      this._url = URL.createObjectURL(silentWav());
      this._audio = new Audio(this._url);
      this._audio.loop = true;
      this._audio.volume = 0.01;
      // Played the first time whatever keepAlive says: this is the Start tap, and an element once played in a
      // tap may play later without one (iOS), should the cue track fail. If it isn't needed, update() pauses it.
      await this._audio.play().catch(() => undefined);
      return;
    }
    if (this._playing && this._keepAlive && this._audio.paused) await this._audio.play().catch(() => undefined);
  }

  update(title: string, detail: string, playing: boolean): void {
    if (!this.supported) return;
    const ms = this._nav.mediaSession;
    ms.metadata = new MediaMetadata({ title, artist: detail, album: 'Aquajog' });
    ms.playbackState = playing ? 'playing' : 'paused';
    this._playing = playing;
    this._follow();
  }

  /** Plays the silent loop while the workout runs and it is needed; pauses it otherwise. */
  private _follow(): void {
    const audio = this._audio;
    if (!audio) return;
    const play = this._playing && this._keepAlive;
    if (play && audio.paused) void audio.play().catch(() => undefined);
    if (!play && !audio.paused) audio.pause();
  }

  deactivate(): void {
    if (this.supported) {
      const ms = this._nav.mediaSession;
      for (const a of ['play', 'pause', 'nexttrack', 'previoustrack'] as MediaSessionAction[]) {
        try {
          ms.setActionHandler(a, null);
        } catch {
          // ignore
        }
      }
      ms.metadata = null;
      ms.playbackState = 'none';
    }
    this._audio?.pause();
    this._audio = null;
    this._playing = false;
    if (this._url) URL.revokeObjectURL(this._url);
    this._url = null;
  }
}
