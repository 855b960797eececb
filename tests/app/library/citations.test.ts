/**
 * Sources are cited as people cite them (publisher, title, where to find it),
 * never by the file names of the seed documents, anywhere a user reads them:
 * library cards, workout pages, notes, summaries, History's outline.
 */
import { describe, expect, it } from 'vitest';
import { estimateNote, outline, summarise, weekTable } from '../../../src/dsl';
import { splitSource } from '../../../src/app/shared/format';
import { library, planOf } from '../../../src/app/library/library';

/** A seed document's file name ("002_ad76675d910a5709.txt"), or any text file name. */
const FILE_NAME = /\d{3}_[0-9a-f]{16}|\b[\w-]+\.txt\b/i;

/** Every piece of text the app shows for a built-in workout at its default choices. */
function userVisibleText(entry: (typeof library)[number]): string[] {
  const plan = planOf(entry);
  if (plan === null) return [entry.title];
  const { source, notes } = splitSource(plan.notes);
  return [
    entry.title,
    plan.title,
    ...plan.notes,
    source ?? '',
    ...notes,
    summarise(plan),
    estimateNote(plan) ?? '',
    plan.when ?? '',
    ...plan.tags,
    ...plan.choices.map((c) => c.label),
    ...plan.zones.map((z) => z.label),
    ...plan.intervals.flatMap((i) => [i.label, ...i.notes]),
    ...outline(plan).flatMap((b) => [b.heading ?? '', ...b.steps]),
    ...weekTable(entry.source).flatMap((row) => [row.summary, ...row.sets]),
  ];
}

describe('citations in the built-in library', () => {
  it('finds the file-name pattern it guards against', () => {
    expect('From 002_ad76675d910a5709.txt (RunnersConnect)').toMatch(FILE_NAME);
    expect('notes.txt').toMatch(FILE_NAME);
    expect('Source: RunnersConnect (runnersconnect.net)').not.toMatch(FILE_NAME);
  });

  it.each(library.map((entry) => [entry.id, entry] as const))('%s shows no file name anywhere', (_id, entry) => {
    expect(planOf(entry), 'compiles').not.toBeNull();
    for (const text of userVisibleText(entry)) expect(text).not.toMatch(FILE_NAME);
  });

  it.each(library.map((entry) => [entry.id, entry] as const))('%s cites a source with its title', (_id, entry) => {
    const { source } = splitSource(planOf(entry)!.notes);
    expect(source).toMatch(/^Sources?: .*"[^"]{10,}"/);
  });
});
