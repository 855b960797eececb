/**
 * One's own workouts on this device: kept in the database's `workouts` store
 * (and so in the backup), listed, saved, deleted with Undo. The screens that
 * need them (the library's Mine section, a Mine workout page, the editor, a
 * shared link's preview) load this on demand and share one connection.
 */
import { Store } from '../../storage/db';
import type { CustomWorkout } from '../../storage/schema';
import { copyTitle, mineRecord, retitle, titleOf } from './mine';

type Listener = () => void;

export class MineStore {
  private _store: Promise<Store> | null = null;
  private _deleted: CustomWorkout | null = null;
  private readonly _listeners = new Set<Listener>();

  constructor(
    private readonly _open: () => Promise<Store> = () => Store.open(),
    private readonly _now: () => number = () => Date.now(),
  ) {}

  /** The database (opened once; a failed open is tried again next time). */
  store(): Promise<Store> {
    this._store ??= this._open().catch((e: unknown) => {
      this._store = null;
      throw e;
    });
    return this._store;
  }

  /** Told after every change (save, delete, undo). Returns the unsubscribe. */
  onChange(listener: Listener): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  private _changed(): void {
    for (const listener of this._listeners) listener();
  }

  /** Newest first. */
  async list(): Promise<CustomWorkout[]> {
    return (await (await this.store()).listWorkouts()).reverse();
  }

  async get(id: string): Promise<CustomWorkout | null> {
    return (await this.store()).getWorkout(id);
  }

  /** Saves text as a new workout (no `id`) or over an existing one; errors and all: a draft is kept as written. */
  async save(source: string, id?: string): Promise<CustomWorkout> {
    const store = await this.store();
    const previous = id === undefined ? null : await store.getWorkout(id);
    const record = mineRecord(source, this._now(), previous);
    await store.saveWorkout(record);
    this._changed();
    return record;
  }

  /** A copy of any workout's text, under a title of its own. */
  async duplicate(source: string): Promise<CustomWorkout> {
    const taken = (await this.list()).map((w) => w.title);
    return this.save(retitle(source, copyTitle(titleOf(source), taken)));
  }

  async rename(id: string, title: string): Promise<CustomWorkout | null> {
    const workout = await this.get(id);
    return workout === null ? null : this.save(retitle(workout.source, title), id);
  }

  /** Deletes a workout; `undo()` brings the last one back. */
  async delete(id: string): Promise<CustomWorkout | null> {
    const deleted = await (await this.store()).deleteWorkout(id);
    if (deleted) this._deleted = deleted;
    this._changed();
    return deleted;
  }

  /** The workout deleted last, while Undo can still bring it back. */
  get deleted(): CustomWorkout | null {
    return this._deleted;
  }

  /** Puts the last deleted workout back, as it was. */
  async undo(): Promise<CustomWorkout | null> {
    const workout = this._deleted;
    if (workout === null) return null;
    await (await this.store()).saveWorkout(workout);
    this._deleted = null;
    this._changed();
    return workout;
  }

  /** Forgets the Undo offer (it was seen and dismissed). */
  forgetDeleted(): void {
    this._deleted = null;
    this._changed();
  }
}

/** The app's one MineStore. */
export const mine = new MineStore();
