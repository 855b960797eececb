import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { compile } from '../../../src/dsl';
import { copyTitle, isMineId, retitle, TEMPLATE, titleOf } from '../../../src/app/mine/mine';
import { MineStore } from '../../../src/app/mine/mine-store';
import { Store } from '../../../src/storage/db';
import { readdirSync } from 'node:fs';

let n = 0;
const stores: Store[] = [];
function fresh(now = () => 1000): MineStore {
  const name = `aquajog-mine-${++n}`;
  return new MineStore(async () => {
    const store = await Store.open({ name });
    stores.push(store);
    return store;
  }, now);
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

describe('one’s own workouts as text', () => {
  it('start from a template that compiles and teaches ranges, notes and comments', () => {
    const result = compile(TEMPLATE);
    expect(result.diagnostics).toEqual([]);
    expect(result.plan?.title).toBe('My workout');
    expect(TEMPLATE).toMatch(/^\s*\/\//m);
    expect(TEMPLATE).toMatch(/^> /m);
    expect(result.plan?.choices.length).toBe(1);
  });

  it('take a new title in place of the old, or on top when there is none', () => {
    expect(retitle('# Pyramid\nwarmup 1m easy', 'Mine')).toBe('# Mine\nwarmup 1m easy');
    expect(retitle('\n  # Pyramid\n1m', 'A\nB')).toBe('\n# A B\n1m');
    expect(retitle('1m easy', 'New')).toBe('# New\n1m easy');
    expect(retitle('# X', '  ')).toBe('# Untitled workout');
    expect(titleOf('1m easy')).toBe('Untitled workout');
  });

  it('name copies so they can be told apart', () => {
    expect(copyTitle('Pyramid', [])).toBe('Pyramid (copy)');
    expect(copyTitle('Pyramid', ['Pyramid (copy)'])).toBe('Pyramid (copy 2)');
    expect(copyTitle('Pyramid (copy)', ['Pyramid (copy)'])).toBe('Pyramid (copy 2)');
  });

  it('have ids no built-in workout file can have', () => {
    const builtIns = readdirSync(new URL('../../../workouts/', import.meta.url)).filter((f) => f.endsWith('.workout'));
    expect(builtIns.length).toBeGreaterThan(5);
    for (const file of builtIns) expect(isMineId(file.replace(/\.workout$/, ''))).toBe(false);
  });
});

describe('Mine on the device', () => {
  it('saves a draft with errors as written, and updates it in place', async () => {
    let now = 1000;
    const mine = fresh(() => now);
    const draft = await mine.save('# Draft\n1m sprnt');
    expect(isMineId(draft.id)).toBe(true);
    expect(draft).toMatchObject({ title: 'Draft', source: '# Draft\n1m sprnt', createdAt: 1000, updatedAt: 1000 });
    now = 2000;
    const fixed = await mine.save('# Draft\n1m sprint', draft.id);
    expect(fixed).toMatchObject({ id: draft.id, createdAt: 1000, updatedAt: 2000 });
    expect(await mine.list()).toEqual([fixed]);
  });

  it('duplicates, renames, and deletes with Undo', async () => {
    const mine = fresh();
    let changes = 0;
    mine.onChange(() => changes++);
    const copy = await mine.duplicate('# Pyramid\nwarmup 10m easy');
    const second = await mine.duplicate('# Pyramid\nwarmup 10m easy');
    expect([copy.title, second.title]).toEqual(['Pyramid (copy)', 'Pyramid (copy 2)']);
    const renamed = await mine.rename(copy.id, 'Short pyramid');
    expect(renamed?.source).toBe('# Short pyramid\nwarmup 10m easy');
    expect((await mine.get(copy.id))?.title).toBe('Short pyramid');
    expect(await mine.delete(copy.id)).toMatchObject({ id: copy.id });
    expect((await mine.list()).map((w) => w.id)).toEqual([second.id]);
    expect(mine.deleted?.id).toBe(copy.id);
    await mine.undo();
    expect((await mine.list()).map((w) => w.id).sort()).toEqual([copy.id, second.id].sort());
    expect((await mine.get(copy.id))?.source).toBe('# Short pyramid\nwarmup 10m easy');
    expect(mine.deleted).toBeNull();
    expect(changes).toBe(5);
  });

  it('is in the backup', async () => {
    const mine = fresh();
    const saved = await mine.save('# Mine\n1m easy');
    const backup = await (await mine.store()).exportAll(null);
    expect(backup.workouts).toEqual([saved]);
  });
});
