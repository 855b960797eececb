/**
 * A session is safe from the first tap, whatever the storage is doing. The
 * database is held shut for real: a second tab of the same origin keeps an
 * older version of it open and ignores the upgrade request, exactly what an
 * old Aquajog tab left open does, so the app's open is blocked until that tab
 * lets go (or forever).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness';

const session = useBrowser();
const START = new Date('2026-11-21T09:00:00');
/** Icing: one 10-minute step. */
const ICING_MS = 10 * 60_000;

/** Opens a tab that holds the database at version 1 and won't let it upgrade. */
async function holdDatabase(): Promise<{ release: () => Promise<void> }> {
  const holder = await session.context.newPage();
  await holder.goto('/favicon.svg');
  await holder.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('aquajog', 1);
        request.onupgradeneeded = () => {
          const db = request.result;
          db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('by-start', 'startedAt');
          db.createObjectStore('checkpoint');
        };
        request.onsuccess = () => {
          // Deaf to "versionchange": the newer tab's open stays blocked.
          (globalThis as unknown as { held: IDBDatabase }).held = request.result;
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
  return {
    release: async () => {
      await holder.evaluate(() => (globalThis as unknown as { held: IDBDatabase }).held.close());
      await holder.close();
    },
  };
}

async function startIcing(page: Page): Promise<void> {
  await page.goto('/#/workout/icing');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByLabel('Time left').waitFor();
}

async function historyItems(page: Page, title: string): Promise<number> {
  await page.goto('/#/history');
  await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
  await page.getByRole('listitem').filter({ hasText: title }).first().waitFor();
  return page.getByRole('listitem').filter({ hasText: title }).count();
}

describe('a workout started before the database opens', () => {
  it('is checkpointed once it opens: reload a minute in, resume, finish, one session', async () => {
    const { page } = session;
    await page.clock.install({ time: START });
    const db = await holdDatabase();
    await startIcing(page);
    await page.clock.runFor(5000);
    // While the storage is shut the run says so, and keeps going.
    await page.getByText(/Storage isn't open yet/).waitFor();
    await db.release();
    await page.clock.runFor(55_000);
    await expect.poll(() => page.getByText(/Storage isn't open yet/).count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Icing was interrupted' }).waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByLabel('Time left').waitFor();
    await page.clock.runFor(ICING_MS);
    await page.getByRole('heading', { name: 'Workout complete' }).waitFor();
    await page.getByText('Saved to History.').waitFor();
    expect(await historyItems(page, 'Icing')).toBe(1);
  });

  it('ended after a minute, with storage opening only afterwards: one session in History', async () => {
    const { page } = session;
    await page.clock.install({ time: START });
    const db = await holdDatabase();
    await startIcing(page);
    await page.clock.runFor(60_000);
    await endWorkout(page);
    await page.getByText(/Not saved yet/).waitFor();
    await db.release();
    await page.getByText('Saved to History.').waitFor();
    expect(await historyItems(page, 'Icing')).toBe(1);
    const item = page.getByRole('listitem').filter({ hasText: 'Icing' }).first();
    await item.getByText(/Ended early/).waitFor();
  });

  it('with a database that never opens: warned while running, exported at the end, saved when it opens', async () => {
    const { page } = session;
    await page.clock.install({ time: START });
    const db = await holdDatabase();
    await startIcing(page);
    await page.clock.runFor(5000);
    await page.getByRole('alert').filter({ hasText: "Progress isn't being saved. Storage isn't open yet" }).waitFor();
    await page.clock.runFor(ICING_MS);
    await page.getByRole('heading', { name: 'Workout complete' }).waitFor();
    await page.getByText(/Not saved yet\. Storage isn't open yet/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export this session' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^aquajog-session-2026-11-21-09\d\d\.json$/);
    const backup = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(backup).toMatchObject({ format: 'aquajog-backup', version: 2, workouts: [], settings: null });
    expect(backup.sessions).toHaveLength(1);
    expect(backup.sessions[0]).toMatchObject({ workoutId: 'icing', completed: true, activeSeconds: 600 });
    expect(backup.sessions[0].startedAt - START.getTime()).toBeGreaterThanOrEqual(0);
    expect(backup.sessions[0].startedAt - START.getTime()).toBeLessThan(60_000);
    // The storage comes back: the waiting session lands by itself.
    await db.release();
    await page.getByText('Saved to History.').waitFor();
    expect(await historyItems(page, 'Icing')).toBe(1);
  });
});

describe('a run cut off in its last second', () => {
  it('is offered as completed when by the clock it is over, and saved so', async () => {
    const { page, context } = session;
    await page.clock.install({ time: START });
    await startIcing(page);
    await page.clock.runFor(ICING_MS - 900);
    // The tab dies (battery, OS) and the app is opened again five minutes later.
    await page.close();
    const again = await context.newPage();
    await again.clock.setSystemTime(START.getTime() + ICING_MS + 5 * 60_000);
    await again.goto('/');
    await again.getByRole('heading', { name: 'Icing was interrupted' }).waitFor();
    await again.getByText('By the clock it would be over by now.').waitFor();
    expect(await again.getByRole('button', { name: 'Resume' }).count()).toBe(0);
    await again.getByRole('button', { name: 'Save as completed' }).click();
    await again.getByText('Saved to History as completed.').waitFor();
    await again.goto('/#/history');
    const item = again.getByRole('listitem').filter({ hasText: 'Icing' }).first();
    await item.getByText('Completed').waitFor();
    expect(await again.getByRole('listitem').filter({ hasText: 'Icing' }).count()).toBe(1);
    await again.close();
  });
});

/** Ends the workout on purpose, the way the timer screen asks for it. */
async function endWorkout(page: Page): Promise<void> {
  // End asks to confirm, then leaves 5 seconds to undo before the run really ends.
  await page.getByRole('button', { name: 'End', exact: true }).click();
  await page.getByRole('button', { name: 'End workout' }).click();
  await page.getByRole('button', { name: 'Undo' }).waitFor();
  await page.clock.runFor(5000);
  await page.getByRole('heading', { name: /Workout (ended|complete)/ }).waitFor();
}
