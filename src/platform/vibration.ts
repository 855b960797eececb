/** Vibration cues: only where the device has it, only while the page is visible, never the only cue. */

export class Vibrator {
  enabled = true;

  constructor(
    private readonly _nav: Navigator | undefined = globalThis.navigator,
    private readonly _doc: Document | undefined = globalThis.document,
  ) {}

  /** The device can vibrate (false on iOS and most desktops). */
  get supported(): boolean {
    return typeof this._nav?.vibrate === 'function';
  }

  vibrate(pattern: readonly number[]): boolean {
    if (!this.enabled || !this.supported || this._doc?.visibilityState !== 'visible') return false;
    try {
      return this._nav!.vibrate([...pattern]);
    } catch {
      return false;
    }
  }
}
