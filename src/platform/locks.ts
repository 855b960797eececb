/**
 * Web Locks, for one thing: a tab that runs a workout holds a lock named after
 * the run, so another tab (or this one after a reload) can tell a live run from
 * one that was cut off. Where the browser has no Web Locks, nothing is held and
 * nothing is reported held.
 */

/** The part of `LockManager` this module uses. */
export type LockManagerLike = Pick<LockManager, 'request' | 'query'>;

export class RunLocks {
  constructor(private readonly _locks: LockManagerLike | undefined = (globalThis.navigator as Navigator | undefined)?.locks) {}

  /** Holds the lock of run `id` until the returned function is called. */
  hold(id: string): () => void {
    if (!this._locks) return () => undefined;
    let release: (() => void) | null = null;
    let released = false;
    void this._locks
      .request(
        lockName(id),
        () =>
          new Promise<void>((resolve) => {
            release = resolve;
            if (released) resolve();
          }),
      )
      .catch(() => undefined);
    return () => {
      released = true;
      release?.();
    };
  }

  /** Whether some tab holds run `id`'s lock now (false where unknown). */
  async isHeld(id: string): Promise<boolean> {
    if (!this._locks) return false;
    const held = await this._locks.query().catch(() => null);
    return held?.held?.some((l) => l.name === lockName(id)) ?? false;
  }
}

function lockName(id: string): string {
  return `aquajog-run:${id}`;
}
