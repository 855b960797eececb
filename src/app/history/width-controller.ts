import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The host's content width in CSS pixels, kept current with a ResizeObserver.
 * Charts draw their SVG at this width (one SVG unit per pixel), so text in them
 * is as large as the app's text at any screen size instead of scaling with it.
 */
export class WidthController implements ReactiveController {
  /** Content width; `fallback` until the first measurement. */
  width: number;
  private _observer: ResizeObserver | null = null;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    fallback: number,
  ) {
    this.width = fallback;
    _host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this._observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      // Hidden (width 0) keeps the last width, so nothing collapses to nothing.
      if (width > 0 && width !== this.width) {
        this.width = width;
        this._host.requestUpdate();
      }
    });
    this._observer.observe(this._host);
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observer = null;
  }
}
