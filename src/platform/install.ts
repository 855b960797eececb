/**
 * Installing to the home screen: the browser's own prompt where it offers one
 * (`beforeinstallprompt`, Chromium), instructions where it doesn't (iOS Safari).
 */

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export class Installer {
  private _deferred: BeforeInstallPromptEvent | null = null;
  private _installed = false;
  private readonly _listeners = new Set<() => void>();

  constructor(private readonly _win: Window = window) {
    _win.addEventListener('beforeinstallprompt', (e) => {
      // Keep it for our own Install button instead of the browser's mini-infobar.
      e.preventDefault();
      this._deferred = e as BeforeInstallPromptEvent;
      this._notify();
    });
    _win.addEventListener('appinstalled', () => {
      this._deferred = null;
      this._installed = true;
      this._notify();
    });
  }

  onChange(listener: () => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /** The browser offers installation: show an Install button. */
  get canPrompt(): boolean {
    return this._deferred !== null;
  }

  /** Running as an installed app (or just installed). */
  get installed(): boolean {
    const nav = this._win.navigator as Navigator & { standalone?: boolean };
    return this._installed || this._win.matchMedia?.('(display-mode: standalone)').matches === true || nav.standalone === true;
  }

  /** iPhone or iPad Safari: installing is Share, then Add to Home Screen. */
  get needsIosInstructions(): boolean {
    const nav = this._win.navigator;
    const ios = /iPad|iPhone|iPod/.test(nav.userAgent) || (nav.userAgent.includes('Macintosh') && nav.maxTouchPoints > 1);
    return ios && !this.installed;
  }

  async prompt(): Promise<boolean> {
    const e = this._deferred;
    if (!e) return false;
    this._deferred = null;
    await e.prompt();
    const { outcome } = await e.userChoice;
    this._notify();
    return outcome === 'accepted';
  }

  private _notify(): void {
    for (const l of this._listeners) l();
  }
}
