/**
 * Following the Fredericson programme day by day on the production build,
 * with the page's clock: start it on a Monday, week 1's dose, a stretch
 * session run to the end checks itself off, two more by hand (with Undo), a
 * skipped day shown as missed, week 6's dose, and the whole state through a
 * reload and through export, delete all and import. axe on Today, the
 * calendar and the pain check-in.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness';

const session = useBrowser();
const MONDAY = new Date('2026-11-30T08:00:00');

function item(page: Page, title: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${title}`) }) });
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const problems = results.violations.map((v) => `${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(problems, `axe on ${where}`).toEqual([]);
}

/** What the programme shows, to compare before and after a backup's round trip. */
async function programmeState(page: Page): Promise<string[]> {
  await page.getByRole('heading', { name: 'Calendar' }).waitFor();
  const where = (await page.locator('aq-today-page .where').textContent())!;
  const statuses = await page.locator('aq-today-page li.item .status').allTextContents();
  const missed = await page.locator('aq-today-page .missed li').allTextContents();
  const days = await page.locator('aq-programme-calendar tbody td .visually-hidden').allTextContents();
  return [where, ...statuses, ...missed, ...days].map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('the Fredericson programme', () => {
  it('is followed day by day and kept through a reload and a backup', async () => {
    const { page } = session;
    await page.clock.install({ time: MONDAY });
    await page.goto('/#/workout/fredericson-strength');
    await page.getByRole('link', { name: 'follow it day by day on Today' }).click();

    // Start on Monday (today by default).
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    expect(await page.getByLabel('Start date').inputValue()).toBe('2026-11-30');
    await page.getByRole('button', { name: 'Start the programme' }).click();
    await page.getByText('Week 1 of 6, day 1').waitFor();
    await item(page, 'Fredericson strength').getByRole('heading', { name: 'Fredericson strength: 1 set of 15 each side' }).waitFor();
    await expect.poll(() => item(page, 'Fredericson stretches').locator('.status').textContent()).toContain('0 of 3 done');
    await expectNoViolations(page, 'Today');

    // Run a stretch session to the end, with the pain check-in before it.
    await page.getByRole('button', { name: 'Start Fredericson stretches' }).click();
    const before = page.getByRole('group', { name: /Pain before Fredericson stretches/ });
    await before.waitFor();
    await expectNoViolations(page, 'the pain check-in');
    await before.getByRole('button', { name: 'Pain 2 of 10' }).click();
    await page.getByText('Get your rope or strap ready').first().waitFor();
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await page.clock.runFor(2 * 60_000);
    await page.getByRole('heading', { name: 'Workout complete' }).waitFor();
    await page.getByText('Saved to History.').waitFor();
    await page.getByRole('navigation', { name: 'After the workout' }).getByRole('link', { name: 'Today' }).click();
    await expect.poll(() => item(page, 'Fredericson stretches').locator('.status').textContent()).toContain('1 of 3 done');

    // The other two by hand; Undo takes one back.
    const byHand = page.getByRole('button', { name: 'Done without the timer: Fredericson stretches' });
    await byHand.click();
    await expect.poll(() => item(page, 'Fredericson stretches').locator('.status').textContent()).toContain('2 of 3 done');
    await page.locator('aq-today-page .toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => item(page, 'Fredericson stretches').locator('.status').textContent()).toContain('1 of 3 done');
    await byHand.click();
    await page.locator('aq-today-page .toast').getByRole('button', { name: 'OK' }).click();
    await byHand.click();
    await page.locator('aq-today-page .toast').getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => item(page, 'Fredericson stretches').locator('.status').textContent()).toContain('3 of 3 done');

    // Tuesday passes with nothing done; Wednesday shows it as missed, and today's dose is still today's.
    await page.clock.setSystemTime(new Date('2026-12-02T08:00:00'));
    await page.reload();
    await page.getByText('Week 1 of 6, day 3').waitFor();
    await page.getByRole('heading', { name: 'Missed' }).waitFor();
    const missed = await page.locator('aq-today-page .missed li').allTextContents();
    expect(missed.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^Tue, (Dec 1|1 Dec): Fredericson strength 0 of 1, Fredericson stretches 0 of 3$/),
      expect.stringMatching(/^Mon, (Nov 30|30 Nov): Fredericson strength 0 of 1$/),
    ]);
    await expect.poll(() => item(page, 'Fredericson stretches').locator('.status').textContent()).toContain('0 of 3 done');

    // Week 6: three sets of thirty.
    await page.clock.setSystemTime(new Date('2027-01-04T08:00:00'));
    await page.reload();
    await page.getByText('Week 6 of 6, day 36').waitFor();
    await item(page, 'Fredericson strength').getByRole('heading', { name: 'Fredericson strength: 3 sets of 30 each side' }).waitFor();
    await expect.poll(() => page.locator('aq-today-page .missed li').count()).toBeGreaterThan(30);
    const monday = page.locator('aq-programme-calendar tbody td').first();
    expect(await monday.locator('.visually-hidden').textContent()).toMatch(/November 30, 3 of 4 done, missed, pain 2/);
    await expectNoViolations(page, 'Today in week 6 with its calendar');

    // The workout's own page opens at the programme's week too.
    await page.getByRole('link', { name: 'About Fredericson strength' }).click();
    await page.getByText(/Your programme is in week 6/).waitFor();
    await page.getByRole('row', { name: /^Week 6\s*This week/ }).waitFor();
    await page.goto('/#/today');

    // A reload keeps everything.
    const shown = await programmeState(page);
    await page.reload();
    expect(await programmeState(page)).toEqual(shown);

    // Export, delete all, import: the same programme state.
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'Programmes' }).waitFor();
    await page.getByText(/Fredericson programme: started/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 2, programmes: [{ name: 'Fredericson', start: '2026-11-30', status: 'active' }] });
    await page.getByRole('button', { name: 'Delete all data' }).click();
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByText(/No sessions yet/).waitFor();
    await page.goto('/#/today');
    await page.getByRole('button', { name: 'Start the programme' }).waitFor();
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByLabel('Import backup').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByText(/1 programme included/).waitFor();
    await page.getByRole('link', { name: 'Today', exact: true }).first().click();
    expect(await programmeState(page)).toEqual(shown);

    // Opening the app lands on Today while the programme runs.
    await page.goto('/');
    await page.getByText('Week 6 of 6, day 36').waitFor();
    expect(new URL(page.url()).hash).toBe('#/today');
  });

  it('writes reminders as a calendar file, and can be paused, resumed and ended', async () => {
    const { page } = session;
    await page.clock.install({ time: MONDAY });
    await page.goto('/#/today');
    await page.getByLabel('Start date').fill('2026-11-16');
    await page.getByRole('button', { name: 'Start the programme' }).click();
    await page.getByText('Week 3 of 6, day 15').waitFor();
    await page
      .getByRole('group', { name: /Fredericson stretches/ })
      .getByLabel('Session 2')
      .fill('12:30');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Add to calendar (.ics file)' }).click()]);
    expect(download.suggestedFilename()).toBe('fredericson-programme.ics');
    const ics = await readFile((await download.path())!, 'utf8');
    expect(ics).toContain('DTSTART:20261130T123000');
    expect(ics).toContain('RRULE:FREQ=DAILY;UNTIL=20261227T235959');

    // Moving on takes effect today, and a mistaken tap can be undone the same day.
    await page.getByRole('button', { name: 'Move on to week 4 today' }).click();
    await page.getByText('Week 4 of 6, day 15').waitFor();
    await page.getByText('Moved on to week 4 today.').waitFor();
    await page.getByRole('button', { name: 'Undo this choice' }).click();
    await page.getByText('Week 3 of 6, day 15').waitFor();
    await page.getByRole('button', { name: 'Move on to week 4 today' }).click();
    await page.getByText('Week 4 of 6, day 15').waitFor();
    await page.getByRole('button', { name: 'Repeat week 4 next week' }).click();
    await page.getByText(/week 4 again/).waitFor();
    await page.getByRole('button', { name: 'Undo this choice' }).click();
    await page.getByText('Moved on to week 4 today.').waitFor();

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('heading', { name: 'Paused', level: 2 }).waitFor();
    // Reminders while paused cover what is left (from today, as if resumed), not six more weeks.
    const [paused] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Add to calendar (.ics file)' }).click()]);
    expect(await readFile((await paused.path())!, 'utf8')).toContain('UNTIL=20261220T235959');
    await page.getByRole('button', { name: 'Resume the programme' }).click();
    await page.getByText('Week 4 of 6, day 15').waitFor();
    await page.getByRole('button', { name: 'End the programme…' }).click();
    await page.getByRole('button', { name: 'End it' }).click();
    await page.getByRole('button', { name: 'Start the programme' }).waitFor();
  });
});
