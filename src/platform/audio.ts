/**
 * Audio output: the one module that owns the AudioContext. Cues are tones
 * booked ahead on the audio clock with `start(when)`, so a busy main thread
 * can't delay them.
 */
import { TONE_PEAK, TONE_RAMP_S as RAMP_S, cueNotes } from '../engine/cue-track';
import type { Cue } from '../engine/cues';

/**
 * Books the tone(s) of one cue on any audio context (live or offline) at
 * context time `when`. Returns the sources so they can be cancelled. The notes
 * are the cue track's (src/engine/cue-track.ts), so both sound alike.
 */
export function renderCue(
  ctx: BaseAudioContext,
  destination: AudioNode,
  cue: Pick<Cue, 'kind' | 'pitch' | 'lengthMs'>,
  when: number,
  volume = 1,
): AudioScheduledSourceNode[] {
  return cueNotes(cue, volume).map((note) => tone(ctx, destination, note.pitch, when + note.at, note.length, note.volume));
}

function tone(ctx: BaseAudioContext, destination: AudioNode, pitch: number, when: number, length: number, volume: number): OscillatorNode {
  const osc = ctx.createOscillator();
  osc.type = 'triangle';
  osc.frequency.value = pitch;
  const gain = ctx.createGain();
  const peak = TONE_PEAK * volume;
  gain.gain.setValueAtTime(0, when);
  gain.gain.linearRampToValueAtTime(peak, when + RAMP_S);
  gain.gain.setValueAtTime(peak, when + Math.max(RAMP_S, length - RAMP_S));
  gain.gain.linearRampToValueAtTime(0, when + length);
  osc.connect(gain).connect(destination);
  osc.start(when);
  osc.stop(when + length + 0.01);
  return osc;
}

export const AudioState = {
  /** No context yet: created in the Start tap. */
  None: 'none',
  Running: 'running',
  /** Suspended, interrupted (iOS) or closed: a tap must bring it back. */
  Blocked: 'blocked',
} as const;
export type AudioState = (typeof AudioState)[keyof typeof AudioState];

type AudioContextFactory = () => AudioContext;

/** Owns the live AudioContext and the sources booked on it. */
export class AudioOut {
  private _ctx: AudioContext | null = null;
  private _master: GainNode | null = null;
  private readonly _booked = new Map<string, AudioScheduledSourceNode[]>();
  private readonly _listeners = new Set<() => void>();
  private _volume = 1;

  constructor(private readonly _create: AudioContextFactory = () => new AudioContext({ latencyHint: 'interactive' })) {}

  get context(): AudioContext | null {
    return this._ctx;
  }

  get state(): AudioState {
    if (!this._ctx) return AudioState.None;
    return this._ctx.state === 'running' ? AudioState.Running : AudioState.Blocked;
  }

  /** Called when the context stops or starts running (an interruption, a resume). */
  onStateChange(listener: () => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  set volume(v: number) {
    this._volume = Math.min(1, Math.max(0, v));
    if (this._master && this._ctx) this._master.gain.setValueAtTime(this._volume, this._ctx.currentTime);
  }

  get volume(): number {
    return this._volume;
  }

  /**
   * Creates or resumes the context. Call it from a tap (Start, "Tap to restore
   * sound"): browsers only allow audio to start in a user gesture.
   */
  async unlock(): Promise<AudioState> {
    if (!this._ctx || this._ctx.state === 'closed') {
      this._ctx = this._create();
      this._master = this._ctx.createGain();
      this._master.gain.value = this._volume;
      this._master.connect(this._ctx.destination);
      this._ctx.addEventListener('statechange', () => this._listeners.forEach((l) => l()));
    }
    if (this._ctx.state !== 'running') {
      // Outside a user gesture resume() can wait forever: give it a moment, then
      // report the state as it is; the UI asks for another tap if still blocked.
      await Promise.race([this._ctx.resume().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    }
    return this.state;
  }

  /** Context time now, in seconds, or null without a running context. */
  now(): number | null {
    return this._ctx && this._ctx.state === 'running' ? this._ctx.currentTime : null;
  }

  /** Books a cue at context time `when`. Booking the same id again does nothing. */
  book(cue: Cue, when: number): boolean {
    if (!this._ctx || !this._master || this._booked.has(cue.id)) return false;
    const sources = renderCue(this._ctx, this._master, cue, Math.max(when, this._ctx.currentTime));
    this._booked.set(cue.id, sources);
    const last = sources[sources.length - 1];
    if (last) last.onended = () => this._booked.delete(cue.id);
    return true;
  }

  /**
   * A short, soft tone now: Bluetooth headphones wake on it, so speech that
   * follows (SPEECH_DELAY_MS later) doesn't lose its first word.
   */
  primer(): boolean {
    const now = this.now();
    if (now === null || !this._ctx || !this._master) return false;
    renderCue(this._ctx, this._master, { kind: 'countdown', pitch: 330, lengthMs: 150 }, now, 0.35);
    return true;
  }

  isBooked(id: string): boolean {
    return this._booked.has(id);
  }

  /** Cancels every booked cue that has not finished. */
  cancelAll(): void {
    for (const sources of this._booked.values()) {
      for (const s of sources) {
        s.onended = null;
        try {
          s.stop();
        } catch {
          // Already stopped.
        }
      }
    }
    this._booked.clear();
  }

  async close(): Promise<void> {
    this.cancelAll();
    await this._ctx?.close().catch(() => undefined);
    this._ctx = null;
  }
}
