/**
 * Persistent storage: whether the browser may clear Aquajog's data to free
 * space, asking it not to, and how much space the data takes. A thin wrapper
 * over `navigator.storage` that tests replace; every call answers null where
 * the browser lacks the API or refuses to say.
 */

/** The part of `StorageManager` this module uses. */
export type StorageManagerLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

export class Persistence {
  constructor(private readonly _manager: Partial<StorageManagerLike> | undefined = globalThis.navigator?.storage) {}

  /** The browser can be asked to keep the data. */
  get supported(): boolean {
    return typeof this._manager?.persist === 'function';
  }

  /** True when the data is kept until the user clears it; null when unknown. */
  async persisted(): Promise<boolean | null> {
    try {
      return typeof this._manager?.persisted === 'function' ? await this._manager.persisted() : null;
    } catch {
      return null;
    }
  }

  /**
   * Asks the browser to keep the data. Browsers decide by their own rules
   * (installed, bookmarked, visited often), often without a prompt.
   */
  async persist(): Promise<boolean | null> {
    try {
      return this.supported ? await this._manager!.persist!() : null;
    } catch {
      return null;
    }
  }

  /** Bytes used by this site, as the browser estimates them; null when unknown. */
  async usage(): Promise<number | null> {
    try {
      if (typeof this._manager?.estimate !== 'function') return null;
      const estimate = await this._manager.estimate();
      return typeof estimate.usage === 'number' ? estimate.usage : null;
    } catch {
      return null;
    }
  }
}
