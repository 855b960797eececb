/**
 * Spoken announcements, with voices that work offline only (`localService`):
 * a network voice would go silent at the pool.
 */

export interface SpeechPort {
  speak(text: string): boolean;
  cancel(): void;
  readonly available: boolean;
}

export class Speaker implements SpeechPort {
  private _voice: SpeechSynthesisVoice | null = null;
  enabled = true;

  constructor(
    private readonly _synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
    private readonly _lang = globalThis.navigator?.language ?? 'en',
  ) {
    if (!this._synth) return;
    this._pick();
    this._synth.addEventListener?.('voiceschanged', () => this._pick());
  }

  /** An offline voice exists on this device. */
  get available(): boolean {
    return this._voice !== null;
  }

  get voiceName(): string | null {
    return this._voice?.name ?? null;
  }

  private _pick(): void {
    const local = (this._synth?.getVoices() ?? []).filter((v) => v.localService);
    const base = this._lang.split('-')[0]!.toLowerCase();
    this._voice =
      local.find((v) => v.lang.toLowerCase() === this._lang.toLowerCase()) ??
      local.find((v) => v.lang.toLowerCase().startsWith(base)) ??
      local.find((v) => v.lang.toLowerCase().startsWith('en')) ??
      local[0] ??
      null;
  }

  /** Speaks now, cutting off anything still being said: the newest cue matters. */
  speak(text: string): boolean {
    if (!this.enabled || !this._synth || !this._voice || text === '') return false;
    this._synth.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.voice = this._voice;
    u.lang = this._voice.lang;
    u.rate = 1.05;
    this._synth.speak(u);
    return true;
  }

  cancel(): void {
    this._synth?.cancel();
  }
}
