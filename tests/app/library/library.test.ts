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

  it('slugs paths', () => {
    expect(slugOf('/workouts/race-simulation.workout')).toBe('race-simulation');
  });
});
