import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { library } from '../../../src/app/library/library';
import { mineEntry } from '../../../src/app/mine/mine-entry';
import { ProgrammeState } from '../../../src/app/programme/programme-state';
import { loadTodayHint } from '../../../src/app/shared/settings';
import { startProgramme } from '../../../src/programme/programme';
import { Store } from '../../../src/storage/db';
import type { SessionRecord } from '../../../src/storage/schema';

/** Node has no localStorage: a small one in memory, where the Today hint goes. */
const memory = new Map<string, string>();
globalThis.localStorage = {
  getItem: (k: string) => memory.get(k) ?? null,
  setItem: (k: string, v: string) => void memory.set(k, String(v)),
  removeItem: (k: string) => void memory.delete(k),
  clear: () => memory.clear(),
  key: (i: number) => [...memory.keys()][i] ?? null,
  get length() {
    return memory.size;
  },
} satisfies Storage;

let n = 0;
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  localStorage.clear();
});

const MONDAY = new Date(2026, 10, 30, 8, 0).getTime();
const DAY = 24 * 3600 * 1000;

async function fresh(now: { t: number }): Promise<{ store: Store; state: ProgrammeState }> {
  const store = await Store.open({ name: `aquajog-programme-${++n}` });
  stores.push(store);
  let id = 0;
  return {
    store,
    state: new ProgrammeState(
      store,
      library,
      () => now.t,
      () => `id-${++id}`,
    ),
  };
}

function run(workoutId: string, startedAt: number, patch: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: `s-${workoutId}-${startedAt}`,
    workoutId,
    title: workoutId,
    kind: 'rehab',
    source: '# X\n1m',
    choices: {},
    week: 1,
    startedAt,
    endedAt: startedAt + 120_000,
    plannedSeconds: 120,
    activeSeconds: 120,
    completed: true,
    endedAtInterval: null,
    intervalCount: 3,
    zoneSeconds: {},
    rpe: null,
    pain: null,
    note: '',
    updatedAt: startedAt,
    ...patch,
  };
}

describe('ProgrammeState', () => {
  it('starts a programme from the library, saves every change at once, and reads it back after a reload', async () => {
    const now = { t: MONDAY };
    const { store, state } = await fresh(now);
    expect(state.defs.map((d) => d.name)).toEqual(['Fredericson']);
    await state.start('Fredericson', '2026-11-30');
    expect(loadTodayHint()).toBe(true);
    const markId = await state.mark('fredericson-stretches');
    await state.checkIn(4, 'before', 'fredericson-stretches');
    await state.repeatWeek();
    const again = new ProgrammeState(store, library, () => now.t);
    await again.load();
    expect(again.current).toMatchObject({ name: 'Fredericson', start: '2026-11-30', status: 'active' });
    expect(again.current!.marks.map((m) => m.id)).toEqual([markId]);
    expect(again.current!.checkIns.map((c) => c.pain)).toEqual([4]);
    expect(again.current!.segments).toHaveLength(2);
    await again.unmark(markId);
    expect((await store.listProgrammes())[0]!.marks).toEqual([]);
  });

  it('runs one of each programme at a time: starting again ends the one running', async () => {
    const now = { t: MONDAY };
    const { store, state } = await fresh(now);
    const first = await state.start('Fredericson', '2026-11-23');
    now.t += DAY;
    await state.start('Fredericson', '2026-12-01');
    const all = await store.listProgrammes();
    expect(all.map((p) => [p.start, p.status, p.ended])).toEqual([
      ['2026-11-23', 'ended', '2026-12-01'],
      ['2026-12-01', 'active', null],
    ]);
    expect(state.current!.id).not.toBe(first.id);
  });

  it('keeps the newest running when an import brings a second one', async () => {
    const now = { t: MONDAY };
    const { store, state } = await fresh(now);
    const def = state.def('Fredericson')!;
    await store.saveProgramme(startProgramme(def, '2026-11-02', 'old', MONDAY - 10 * DAY));
    await store.saveProgramme(startProgramme(def, '2026-11-23', 'new', MONDAY - DAY));
    await state.load();
    expect(state.current!.id).toBe('new');
    expect(state.records.find((r) => r.id === 'old')!.status).toBe('ended');
    // Ended for good: in the database too, so it never comes back when the newer one ends.
    expect((await store.listProgrammes()).map((p) => [p.id, p.status])).toEqual([
      ['old', 'ended'],
      ['new', 'active'],
    ]);
    await state.end();
    await state.load();
    expect(state.current).toBeNull();
  });

  it('counts finished runs of its workouts since it started, and the pain rated after them', async () => {
    const now = { t: MONDAY + 3 * 3600_000 };
    const { store, state } = await fresh(now);
    await state.start('Fredericson', '2026-11-30');
    await store.saveSession(run('fredericson-stretches', MONDAY + 60_000, { pain: 3 }));
    await store.saveSession(run('fredericson-stretches', MONDAY + 2 * 60_000, { completed: false }));
    await store.saveSession(run('fredericson-strength', MONDAY - DAY)); // before it started
    await store.saveSession(run('pyramid', MONDAY + 3 * 60_000)); // not in the programme
    await state.load();
    expect(state.runs()).toEqual([
      { workoutId: 'fredericson-stretches', day: '2026-11-30', completed: true },
      { workoutId: 'fredericson-stretches', day: '2026-11-30', completed: false },
    ]);
    expect(state.pains(state.current!)).toEqual([{ day: '2026-11-30', at: MONDAY + 60_000 + 120_000, pain: 3, moment: 'after' }]);
  });

  it('writes the reminders from today to the last day, with each week\u2019s dose', async () => {
    const now = { t: MONDAY + 9 * DAY };
    const { state } = await fresh(now);
    await state.start('Fredericson', '2026-11-30');
    const ics = state.ics({ 'fredericson-strength': ['18:00'] })!;
    expect(ics).toContain('DTSTART:20261209T180000');
    expect(ics).toContain('UNTIL=20270110T235959');
    expect(ics.replace(/\r\n /g, '')).toContain('Week 6: 3 sets of 30 each side');
  });

  it('takes in one\u2019s own workouts: one can join a programme, another can start its own', async () => {
    const { state } = await fresh({ t: MONDAY });
    const join = mineEntry({ id: 'mine-1', source: '# Band walks\nwhen: daily\nprogramme: Fredericson, optional\n2x\n  10 steps "Band walk" each side\n' });
    const own = mineEntry({ id: 'mine-2', source: '# Knee plan\nwhen: Mon, Thu\nweeks: 4\nprogramme: Knee\n2->3x\n  10 reps "Step down" each leg\n' });
    state.setEntries([...library, join, own]);
    expect(state.def('Fredericson')!.members.map((m) => m.workoutId)).toContain('mine-1');
    expect(state.def('Knee')).toMatchObject({ weeks: 4, members: [{ workoutId: 'mine-2', schedule: { kind: 'days', days: ['mon', 'thu'] } }] });
    expect(state.planAt('mine-2', 4)!.intervals.filter((i) => i.label === 'Step down')).toHaveLength(6);
  });
});
