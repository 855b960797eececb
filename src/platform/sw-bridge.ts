/**
 * The service worker bridge: registration, "Ready to work offline", and the
 * "Update available" prompt. An update is never applied by itself, and never
 * offered while a workout is running: the app asks `isBusy()` first.
 */

export interface RegisterOptions {
  immediate?: boolean;
  onNeedRefresh?: () => void;
  onOfflineReady?: () => void;
  onRegisteredSW?: (swUrl: string, registration: ServiceWorkerRegistration | undefined) => void;
  onRegisterError?: (error: unknown) => void;
}
/** `registerSW` from `virtual:pwa-register` (passed in, so this module is testable). */
export type RegisterSW = (options: RegisterOptions) => (reloadPage?: boolean) => Promise<void>;

/** How often an installed app checks for a new version while open. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export class SwBridge {
  private _needRefresh = false;
  private _offlineReady = false;
  private _update: ((reloadPage?: boolean) => Promise<void>) | null = null;
  private readonly _listeners = new Set<() => void>();

  constructor(
    private readonly _register: RegisterSW,
    private readonly _container: ServiceWorkerContainer | undefined = globalThis.navigator?.serviceWorker,
    private readonly _reload: () => void = () => location.reload(),
  ) {}

  /** Registers the service worker. Safe where service workers are unavailable. */
  start(): void {
    if (!this._container) return;
    this._update = this._register({
      immediate: true,
      onNeedRefresh: () => {
        this._needRefresh = true;
        this._notify();
      },
      onOfflineReady: () => {
        this._offlineReady = true;
        this._notify();
      },
      onRegisteredSW: (_url, registration) => {
        if (registration) setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
      },
    });
  }

  onChange(listener: () => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /** A new version is waiting. */
  get needRefresh(): boolean {
    return this._needRefresh;
  }

  /** The app is cached and works offline (first install). */
  get offlineReady(): boolean {
    return this._offlineReady;
  }

  dismissOfflineReady(): void {
    this._offlineReady = false;
    this._notify();
  }

  /** Not now: asked again on the next new version or page load. */
  dismissUpdate(): void {
    this._needRefresh = false;
    this._notify();
  }

  /** The user agreed: activate the new version and reload into it. */
  async applyUpdate(): Promise<void> {
    if (!this._update) return;
    // vite-plugin-pwa 2.0.0 does not reload after the first accepted update
    // (upstream issue 789): reload when the new worker takes control.
    this._container?.addEventListener('controllerchange', () => this._reload(), { once: true });
    await this._update(true);
  }

  private _notify(): void {
    for (const l of this._listeners) l();
  }
}
