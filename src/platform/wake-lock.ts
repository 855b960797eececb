/** Keeps the screen on during a workout; re-acquired when the page is visible again. */

export class ScreenWakeLock {
  private _sentinel: WakeLockSentinel | null = null;
  private _wanted = false;
  private readonly _onVisible = () => {
    if (this._wanted && this._doc.visibilityState === 'visible') void this._request();
  };

  constructor(
    private readonly _nav: Navigator = navigator,
    private readonly _doc: Document = document,
  ) {}

  get supported(): boolean {
    return 'wakeLock' in this._nav;
  }

  /** The screen is being kept on right now. */
  get held(): boolean {
    return this._sentinel !== null && !this._sentinel.released;
  }

  async acquire(): Promise<boolean> {
    if (!this._wanted) this._doc.addEventListener('visibilitychange', this._onVisible);
    this._wanted = true;
    return this._request();
  }

  async release(): Promise<void> {
    this._wanted = false;
    this._doc.removeEventListener('visibilitychange', this._onVisible);
    const s = this._sentinel;
    this._sentinel = null;
    await s?.release().catch(() => undefined);
  }

  private async _request(): Promise<boolean> {
    if (!this.supported || this.held) return this.held;
    try {
      this._sentinel = await this._nav.wakeLock.request('screen');
      return true;
    } catch {
      // Not allowed (battery saver, hidden page): tried again on the next visibility change.
      return false;
    }
  }
}
