/**
 * Sessions are never lost: a finished workout is in History at once and after a
 * reload; a reload in the middle of a workout offers to resume it where the
 * clock says; export, delete all, import brings everything back.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness';

const session = useBrowser();
const START = new Date('2026-11-21T09:00:00');

async function finishIcing(): Promise<void> {
  const { page } = session;
  await page.goto('/#/workout/icing');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByText('Ice the outside of the knee').first().waitFor();
  await page.clock.runFor(10 * 60_000 + 1500);
  await page.getByRole('heading', { name: 'Workout complete' }).waitFor();
  await page.getByText('Saved to History.').waitFor();
}

describe('history', () => {
  it('shows a finished workout at once, and after a reload', async () => {
    const { page } = session;
    await page.clock.install({ time: START });
    await finishIcing();
    await page.getByRole('group', { name: 'How hard was it? (RPE)' }).getByRole('radio', { name: '7', exact: true }).check();
    await page.getByRole('link', { name: 'History' }).first().click();
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Icing' });
    await item.first().getByText('Completed').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Icing' }).first().waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Icing' }).count()).toBe(1);
  });
});

describe('resume after a reload', () => {
  it('comes back at the interval and time the clock says, within a second', async () => {
    const { page } = session;
    await page.clock.install({ time: START });
    await page.goto('/#/workout/lactic-acid');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByLabel('Time left').waitFor();
    // 10 min warm-up + 3 rounds of 5 min, then 90 s easy and 45 s of round 4's 2 min sprint.
    await page.clock.runFor(10 * 60_000 + 3 * 5 * 60_000 + 135_000);
    const seconds = (text: string | null) => {
      const [m, s] = text!.trim().split(':').map(Number) as [number, number];
      return m * 60 + s;
    };
    const before = seconds(await page.getByLabel('Time left').textContent());
    const beforeAt = await page.evaluate(() => Date.now());
    expect(Math.abs(before - 75)).toBeLessThanOrEqual(3); // the clock ran on a little while the page loaded
    await page.reload();
    await page.getByRole('heading', { name: 'Lactic acid was interrupted' }).waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByText('Round 4 of 12').waitFor();
    expect(await page.getByText('Sprint', { exact: true }).first().isVisible()).toBe(true);
    const after = seconds(await page.getByLabel('Time left').textContent());
    const elapsed = ((await page.evaluate(() => Date.now())) - beforeAt) / 1000;
    // Exactly where the clock says: what was left, less the time the reload took.
    expect(Math.abs(before - elapsed - after)).toBeLessThanOrEqual(1);
  });

  it('can save the cut-off run as ended early instead', async () => {
    const { page } = session;
    await page.clock.install({ time: START });
    await page.goto('/#/workout/race-simulation');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByLabel('Time left').waitFor();
    await page.clock.runFor(12 * 60_000);
    await page.reload();
    await page.getByRole('button', { name: 'Save as ended early' }).click();
    await page.getByRole('link', { name: 'History' }).first().click();
    const item = page.getByRole('listitem').filter({ hasText: 'Race simulation' }).first();
    await item.getByText(/Ended early at interval \d+ of 18/).waitFor();
  });
});

describe('backup', () => {
  it('exports everything, deletes all, imports it back', async () => {
    const { page } = session;
    await page.clock.install({ time: START });
    await finishIcing();
    await page.goto('/#/history');
    await page.getByRole('listitem').filter({ hasText: 'Icing' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
    const file = await download.path();
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text).sessions).toHaveLength(1);

    await page.getByRole('button', { name: 'Delete all data' }).click();
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByText(/No sessions yet/).waitFor();

    await page.getByLabel('Import backup').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByText(/Imported 1 session/).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Icing' }).first().waitFor();

    // A damaged file changes nothing and says why.
    await page.getByLabel('Import backup').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"aquajog-backup"') });
    await page
      .getByRole('alert')
      .filter({ hasText: /not valid JSON/ })
      .waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Icing' }).count()).toBe(1);
  });
});

describe('two tabs', () => {
  it('never offers to resume a workout another tab is running, and saves it once', async () => {
    const { page, context } = session;
    await page.clock.install({ time: START });
    await page.goto('/#/workout/icing');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByLabel('Time left').waitFor();
    await page.clock.runFor(60_000);

    const other = await context.newPage();
    await other.goto('/');
    await other.getByRole('heading', { name: 'Workouts' }).waitFor();
    await other.waitForTimeout(500);
    expect(await other.getByRole('button', { name: 'Resume' }).count()).toBe(0);

    await page.clock.runFor(9 * 60_000 + 1500);
    await page.getByText('Saved to History.').waitFor();
    await other.goto('/#/history');
    await other.getByRole('listitem').filter({ hasText: 'Icing' }).first().getByText('Completed').waitFor();
    expect(await other.getByRole('listitem').filter({ hasText: 'Icing' }).count()).toBe(1);
    await other.close();
  });
});
