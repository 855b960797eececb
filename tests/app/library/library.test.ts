import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import builtInCards from 'virtual:aquajog-library';
import { cardOf, groupEntries, library, loadLibrary, planOf, slugOf } from '../../../src/app/library/library';
import { groupCards } from '../../../src/app/library/library-card';

describe('the bundled library', () => {
  it('has every file in workouts/, by file name', () => {
    const files = readdirSync(new URL('../../../workouts/', import.meta.url))
      .filter((name) => name.endsWith('.workout'))
      .map((name) => name.replace(/\.workout$/, ''))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    expect(library.map((entry) => entry.id).sort()).toEqual(files);
  });

  it('puts pool workouts and rehab in their own groups', () => {
    const groups = groupEntries(library);
    const titles = Object.fromEntries(groups.map((g) => [g.title, g.entries.map((e) => e.title)]));
    expect(titles['Pool']).toEqual(expect.arrayContaining(['Pyramid', 'Wave your hands in the air']));
    expect(titles['Rehab']?.length ?? 0).toBeGreaterThan(0);
  });
});

describe('the library cards compiled at build time', () => {
  it('are exactly what the app would compile from the same files', () => {
    expect(builtInCards).toEqual(library.map(cardOf));
    expect(builtInCards.length).toBeGreaterThanOrEqual(11);
  });

  it('carry totals, notes, sources and tags, and group as the entries do', () => {
    const pyramid = builtInCards.find((c) => c.id === 'pyramid')!;
    expect(pyramid).toMatchObject({ title: 'Pyramid', group: 'pool', total: '1:17:00', totalIsClock: true, diagnostics: [], error: null });
    expect(pyramid.source).toMatch(/^Source: RunnersConnect, “IT Band Syndrome/);
    expect(groupCards(builtInCards).map((g) => [g.title, g.cards.map((c) => c.id)])).toEqual(
      groupEntries(library).map((g) => [g.title, g.entries.map((e) => e.id)]),
    );
  });

  it('keep a broken workout with its diagnostics and no total', () => {
    const [card] = loadLibrary({ '/workouts/broken.workout': '# Broken\n10mn easy\n' }).map(cardOf);
    expect(card).toMatchObject({ id: 'broken', title: 'Broken', total: null, group: 'other' });
    expect(card!.diagnostics[0]).toMatchObject({ code: 'unknown-unit', line: 2 });
  });
});

describe('loadLibrary', () => {
  it('keeps a workout that does not compile, named by its title line, with its diagnostics', () => {
    const [entry] = loadLibrary({ '/workouts/broken-one.workout': '# Broken one\n10mn easy\n' });
    expect(entry?.id).toBe('broken-one');
    expect(entry?.title).toBe('Broken one');
    expect(entry && planOf(entry)).toBeNull();
    expect(entry?.result?.diagnostics[0]).toMatchObject({ severity: 'error', line: 2 });
    expect(groupEntries(entry ? [entry] : []).map((g) => g.title)).toEqual(['Other']);
  });

  it('sorts by title', () => {
    const entries = loadLibrary({
      '/workouts/b.workout': '# Zebra\ntags: pool\n1m easy\n',
      '/workouts/a.workout': '# Apple\ntags: pool\n1m easy\n',
    });
    expect(entries.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('checks the workouts of one programme together: one whose weeks: disagree carries the error and cannot be started', () => {
    const entries = loadLibrary({
      '/workouts/knee-a.workout': '# Knee A\nprogramme: Knee\nweeks: 6\n1->3x 10 reps\n',
      '/workouts/knee-b.workout': '# Knee B\nprogramme: Knee\nweeks: 6\n1->2x 10 reps\n',
      '/workouts/knee-c.workout': '# Knee C\nprogramme: Knee, optional\nweeks: 4\n1m easy\n',
      '/workouts/knee-extra.workout': '# Knee extra\nprogramme: Knee, optional\n1m easy\n',
    });
    const byId = Object.fromEntries(entries.map((e) => [e.id, e]));
    for (const id of ['knee-a', 'knee-b', 'knee-extra']) expect(planOf(byId[id]!), id).not.toBeNull();
    const c = byId['knee-c']!;
    expect(planOf(c)).toBeNull();
    expect(c.result?.ok).toBe(false);
    expect(c.result?.diagnostics).toEqual([
      expect.objectContaining({
        code: 'programme-weeks',
        severity: 'error',
        line: 3,
        column: 1,
        endColumn: 9,
        message: 'Every workout in programme "Knee" with weeks: needs the same number (4 here, 6 in knee-a.workout).',
      }),
    ]);
    expect(cardOf(c)).toMatchObject({ title: 'Knee C', total: null, diagnostics: c.result?.diagnostics });
  });

  it('compiles the built-in Fredericson programme with no programme errors, its weeks and schedules read', () => {
    const fredericson = library.filter((e) => planOf(e)?.programme?.name === 'Fredericson');
    expect(library.every((e) => e.result?.ok)).toBe(true);
    expect(fredericson.map((e) => [e.id, planOf(e)!.programme!.optional, planOf(e)!.weeks]).sort()).toEqual([
      ['foam-rolling', true, null],
      ['fredericson-strength', false, 6],
      ['fredericson-stretches', false, 6],
      ['hip-strength-extras', true, null],
      ['icing', true, null],
      ['self-care', true, null],
    ]);
  });

  it('slugs paths', () => {
    expect(slugOf('/workouts/race-simulation.workout')).toBe('race-simulation');
  });
});
