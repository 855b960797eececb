/**
 * The poolside timer against the production build, the way a person uses it:
 * open a workout from the library, press Start, read the screen, tap buttons
 * found by their accessible names. Playwright's clock drives the app's
 * `Date.now()` and timers, so an 80-minute workout runs in a moment and every
 * time on screen can be worked out from the plan
 * (`npm run workouts -- show workouts/lactic-acid.workout`).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBrowser } from './harness';

const session = useBrowser();

/** Long enough to find what should be there now; short enough that a wrong screen fails fast. */
const SHOWN_MS = 5000;

beforeEach(() => {
  session.page.setDefaultTimeout(SHOWN_MS);
});

const seconds = (s: number) => s * 1000;
const minutes = (m: number) => m * 60_000;

/** Some fixed day; the app only ever reads differences between clock times. */
const T0 = new Date('2025-06-02T06:30:00Z').getTime();

/**
 * Opens a workout from the library by its link and presses Start, with the
 * page's clock paused: the run starts at a known instant and moves only when
 * the test moves the clock.
 */
async function startFromLibrary(page: Page, title: string): Promise<void> {
  // Paused from the first script on: everything before Start happens at one
  // frozen instant, however slow the machine.
  await page.clock.install({ time: T0 });
  await page.clock.pauseAt(T0 + seconds(1));
  await page.goto('/');
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await button(page, 'Pause').waitFor();
  expect(new URL(page.url()).hash).toMatch(/^#\/run\//);
}

/** End, confirmed, then the undo window let run out. */
async function endWorkout(page: Page): Promise<void> {
  await button(page, 'End').click();
  await button(page, 'End workout').click();
  await button(page, 'Undo').waitFor();
  await page.clock.runFor(seconds(5));
}

function button(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

/** Waits until `text` is on screen, as a whole element's text. */
async function sees(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).first().waitFor();
}

/** Nothing on screen reads exactly `text` (checked after the screen has settled on something else). */
async function doesNotSee(page: Page, text: string): Promise<void> {
  expect(await page.getByText(text, { exact: true }).count(), `"${text}" on screen`).toBe(0);
}

interface Expected {
  /** The zone in huge type ("Easy", "Sprint"). */
  readonly zone: string;
  /** The interval's own label, when it differs from the zone. */
  readonly label?: string;
  /** Time left in the interval, M:SS. */
  readonly left: string;
  /** "Round 3 of 12", or none. */
  readonly round?: string;
  /** Planned time left in the whole workout. */
  readonly total: string;
  /** Whole-workout progress, in percent. */
  readonly percent: number;
}

/** Checks everything a runner reads off the screen at one instant. */
async function expectScreen(page: Page, e: Expected): Promise<void> {
  await sees(page, e.left);
  await sees(page, e.zone);
  if (e.label) await sees(page, e.label);
  await sees(page, `${e.total} left`);
  await sees(page, `${e.percent}% done`);
  const bar = page.getByRole('progressbar', { name: 'Workout progress' });
  expect(await bar.getAttribute('aria-valuenow')).toBe(String(e.percent));
  if (e.round) await sees(page, e.round);
  else expect(await page.getByText(/^(Round|Rung|Set) \d+ of \d+$/).count(), 'a round shown').toBe(0);
}

/** Waits until a live region says exactly `text` (the timer's announcement for screen readers). */
async function announces(page: Page, text: string): Promise<void> {
  const exactly = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await page.getByRole('status').filter({ hasText: exactly }).waitFor({ state: 'attached' });
}

describe('the poolside timer', () => {
  it('runs Lactic acid from the library to the end', async () => {
    const { page } = session;
    await startFromLibrary(page, 'Lactic acid');
    await expectScreen(page, { zone: 'Easy', label: 'Warm-up', left: '10:00', total: '1:20:00', percent: 0 });
    await sees(page, 'Next: Stretch the bungee out · 1:30');

    // runFor fires every timer on the way, as a real minute-by-minute run would.
    await page.clock.runFor(seconds(30));
    await expectScreen(page, { zone: 'Easy', label: 'Warm-up', left: '9:30', total: '1:19:30', percent: 1 });
    // A countdown shows a second until the whole second is gone.
    await page.clock.runFor(999);
    await sees(page, '9:30');
    await page.clock.runFor(1);
    await sees(page, '9:29');
    await doesNotSee(page, '9:30');

    // 11:30: round 1's sprint starts, to the millisecond.
    await page.clock.runFor(minutes(11) - seconds(1));
    await expectScreen(page, { zone: 'Sprint', left: '2:00', round: 'Round 1 of 12', total: '1:08:30', percent: 14 });
    await sees(page, '95-100% HRmax');
    // The zone's name is the label: shown once.
    expect(await page.getByText('Sprint', { exact: true }).count()).toBe(1);
    await sees(page, 'Next: Let the bungee pull you back · 1:30');

    // 27:30: a minute into round 4's sprint.
    await page.clock.runFor(minutes(16));
    await expectScreen(page, { zone: 'Sprint', left: '1:00', round: 'Round 4 of 12', total: '52:30', percent: 34 });

    // 1:09:15: half way through the last recovery.
    await page.clock.runFor(minutes(41) + seconds(45));
    await expectScreen(page, {
      zone: 'Rest',
      label: 'Let the bungee pull you back',
      left: '0:45',
      round: 'Round 12 of 12',
      total: '10:45',
      percent: 87,
    });
    await sees(page, 'Next: Cool-down · 10:00');

    // 1:15:00: half way through the cool-down, the last interval.
    await page.clock.runFor(minutes(5) + seconds(45));
    await expectScreen(page, { zone: 'Easy', label: 'Cool-down', left: '5:00', total: '5:00', percent: 94 });
    await sees(page, 'Last one');

    // A second before the end the last second still shows.
    await page.clock.runFor(minutes(5) - seconds(1));
    await expectScreen(page, { zone: 'Easy', label: 'Cool-down', left: '0:01', total: '0:01', percent: 100 });

    await page.clock.runFor(seconds(1));
    await page.getByRole('heading', { level: 1, name: 'Workout complete' }).waitFor();
    await sees(page, '1:20:00 active');
    await announces(page, 'Workout complete. Well done.');
    expect(await button(page, 'Pause').count()).toBe(0);
    await page.getByRole('link', { name: 'All workouts' }).waitFor();
  });

  it('stands still while paused, however long, and goes on after Resume', async () => {
    const { page } = session;
    await startFromLibrary(page, 'Lactic acid');
    // Half way through a second: 9:29.5 left, which reads 9:30 until it is 9:29.
    await page.clock.runFor(seconds(30.5));
    await sees(page, '9:30');

    await button(page, 'Pause').click();
    await button(page, 'Resume').waitFor();
    await sees(page, 'Paused');
    await page.clock.fastForward(minutes(5));
    await page.clock.runFor(seconds(2));
    await expectScreen(page, { zone: 'Easy', label: 'Warm-up', left: '9:30', total: '1:19:30', percent: 1 });
    expect(await button(page, 'Pause').count()).toBe(0);

    await button(page, 'Resume').click();
    await button(page, 'Pause').waitFor();
    await doesNotSee(page, 'Paused');
    await page.clock.runFor(seconds(10));
    await expectScreen(page, { zone: 'Easy', label: 'Warm-up', left: '9:20', total: '1:19:20', percent: 1 });
    await page.clock.runFor(500);
    await sees(page, '9:19');
  });

  it('skips to the next interval with its full time, and goes back to the start of the previous one', async () => {
    const { page } = session;
    await startFromLibrary(page, 'Lactic acid');
    await page.clock.runFor(seconds(30));
    await sees(page, '9:30');

    await button(page, 'Skip').click();
    // The rest of the warm-up is gone from the total: 1:30 of this plus 1:08:30 after.
    await expectScreen(page, {
      zone: 'Easy',
      label: 'Stretch the bungee out',
      left: '1:30',
      round: 'Round 1 of 12',
      total: '1:10:00',
      percent: 13,
    });
    await page.clock.runFor(seconds(20));
    await sees(page, '1:10');

    await button(page, 'Skip').click();
    await expectScreen(page, { zone: 'Sprint', left: '2:00', round: 'Round 1 of 12', total: '1:08:30', percent: 14 });
    await page.clock.runFor(seconds(5));
    await sees(page, '1:55');

    await button(page, 'Back').click();
    await expectScreen(page, {
      zone: 'Easy',
      label: 'Stretch the bungee out',
      left: '1:30',
      round: 'Round 1 of 12',
      total: '1:10:00',
      percent: 13,
    });
    await button(page, 'Back').click();
    await expectScreen(page, { zone: 'Easy', label: 'Warm-up', left: '10:00', total: '1:20:00', percent: 0 });
    // Still running from there.
    await page.clock.runFor(seconds(3));
    await sees(page, '9:57');
  });

  it('waits for Done on a rep set, then switches sides', async () => {
    const { page } = session;
    await startFromLibrary(page, 'Hip strength extras');
    await sees(page, 'Clamshell');
    await sees(page, 'Left');
    await sees(page, '15 reps');
    await sees(page, 'Next: Switch sides · 0:05');

    // However long it takes: the screen counts up, it never moves on by itself.
    await page.clock.runFor(minutes(10));
    await sees(page, '10:00 so far');
    await sees(page, 'Clamshell');
    await sees(page, 'Left');

    await button(page, 'Done').click();
    await sees(page, 'Switch sides');
    await sees(page, '0:05');
    await announces(page, 'Switch sides');
    await page.clock.runFor(seconds(5));
    await sees(page, 'Clamshell');
    await sees(page, 'Right');
    await doesNotSee(page, 'Left');
    await sees(page, '0:00 so far');
    await announces(page, 'Clamshell. Right side, 15 reps. Tap Done when finished.');

    await button(page, 'Done').click();
    await sees(page, 'Rest');
    await sees(page, '0:30');
    expect(await button(page, 'Done').count()).toBe(0);
  });

  it('holds a stretch 15 s on each side with a switch between', async () => {
    const { page } = session;
    await startFromLibrary(page, 'Fredericson stretches');
    // The open step waits for Done and shows no time it can't know.
    await sees(page, 'Get your rope or strap ready');
    await page.clock.runFor(minutes(2));
    await sees(page, 'Get your rope or strap ready');
    await button(page, 'Done').click();

    await sees(page, 'Lying rope hip stretch');
    await sees(page, 'Left');
    await sees(page, '0:15');
    await sees(page, 'Next: Switch sides · 0:05');
    await page.clock.runFor(seconds(5));
    await sees(page, '0:10');
    await page.clock.runFor(seconds(10));
    await sees(page, 'Switch sides');
    await sees(page, '0:05');
    await doesNotSee(page, 'Left');
    await sees(page, 'Next: Lying rope hip stretch (Right) · 0:15');
    await page.clock.runFor(seconds(5));
    await sees(page, 'Lying rope hip stretch');
    await sees(page, 'Right');
    await sees(page, '0:15');
    await announces(page, 'Lying rope hip stretch. Right side, 15 seconds.');
  });

  it('paces tempo reps: up, hold, down, rep by rep', async () => {
    const { page } = session;
    await startFromLibrary(page, 'Hip strength extras');
    await button(page, 'Done').click(); // Clamshell, left
    await page.clock.runFor(seconds(5)); // Switch sides
    await sees(page, 'Right');
    await button(page, 'Done').click(); // Clamshell, right
    await sees(page, 'Rest');
    await page.clock.runFor(seconds(30));

    // Glute bridge: 10 reps of 2 s up, 5 s hold, 2 s down: the phase's seconds big, the set's time small.
    const phaseLeft = page.getByLabel('Seconds left in this phase', { exact: true });
    await sees(page, 'Glute bridge');
    await sees(page, 'Rep 1 of 10');
    await sees(page, 'Up');
    expect(await phaseLeft.textContent()).toBe('2');
    await sees(page, 'Set: 1:30 left');
    await page.clock.runFor(seconds(2));
    await sees(page, 'Hold');
    await sees(page, 'Rep 1 of 10');
    expect(await phaseLeft.textContent()).toBe('5');
    await page.clock.runFor(seconds(1));
    await sees(page, 'Hold');
    expect(await phaseLeft.textContent()).toBe('4');
    await page.clock.runFor(seconds(4));
    await sees(page, 'Down');
    await sees(page, 'Set: 1:23 left');
    await page.clock.runFor(seconds(2));
    await sees(page, 'Rep 2 of 10');
    await sees(page, 'Up');
    await page.clock.runFor(seconds(8 * 9 + 7));
    await sees(page, 'Rep 10 of 10');
    await sees(page, 'Down');
    await sees(page, 'Set: 0:02 left');
    await page.clock.runFor(seconds(2));
    await sees(page, 'Rest');
    await doesNotSee(page, 'Rep 10 of 10');
  });

  it('ignores taps while locked, and unlocks only on a 2-second hold', async () => {
    const { page } = session;
    await startFromLibrary(page, 'Lactic acid');
    const pause = await button(page, 'Pause').boundingBox();
    expect(pause).not.toBeNull();

    await button(page, 'Lock').click();
    const unlock = button(page, 'Unlock');
    await unlock.waitFor();
    await sees(page, 'Screen locked against splashes. Press and hold Unlock for 2 seconds.');
    expect(await button(page, 'Pause').count(), 'Pause reachable while locked').toBe(0);

    // A splash on Pause, and on the rest of the controls: nothing happens, the clock runs on.
    await page.mouse.click(pause!.x + pause!.width / 2, pause!.y + pause!.height / 2);
    await page.mouse.click(10, 10);
    await page.clock.runFor(seconds(5));
    await sees(page, '9:55');
    await doesNotSee(page, 'Paused');

    // A short press is not enough.
    const box = (await unlock.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.clock.runFor(seconds(1));
    await page.mouse.up();
    await page.clock.runFor(seconds(3));
    await unlock.waitFor();
    expect(await button(page, 'Pause').count()).toBe(0);
    await sees(page, '9:51');

    // Held for 2 seconds: unlocked.
    await page.mouse.down();
    await page.clock.runFor(seconds(2) + 200);
    await page.mouse.up();
    await button(page, 'Pause').waitFor();
    expect(await unlock.count()).toBe(0);

    await button(page, 'Pause').click();
    await button(page, 'Resume').waitFor();
    await sees(page, 'Paused');

    // From the keyboard: Lock puts focus on Unlock, and Enter or Space must be held too.
    await button(page, 'Lock').click();
    await unlock.waitFor();
    for (const key of ['Enter', ' ']) {
      await page.keyboard.down(key);
      await page.clock.runFor(seconds(1));
      await page.keyboard.up(key);
      await page.clock.runFor(seconds(2));
      expect(await unlock.count(), `a short ${JSON.stringify(key)}`).toBe(1);
    }
    await page.keyboard.down('Enter');
    await page.clock.runFor(seconds(2) + 200);
    await page.keyboard.up('Enter');
    await button(page, 'Resume').waitFor();
    expect(await unlock.count()).toBe(0);
  });

  it('ends early with End, confirmed, once the few seconds to undo it have passed', async () => {
    const { page } = session;
    await startFromLibrary(page, 'Lactic acid');
    await page.clock.runFor(minutes(12));
    await sees(page, 'Round 1 of 12');

    await endWorkout(page);
    await page.getByRole('heading', { level: 1, name: 'Workout ended' }).waitFor();
    await sees(page, '12:00 active · ended at interval 3 of 38');
    await announces(page, 'Workout ended.');
    // Nothing runs on afterwards.
    await page.clock.runFor(minutes(30));
    await sees(page, '12:00 active · ended at interval 3 of 38');

    await page.getByRole('link', { name: 'All workouts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workouts' }).waitFor();
  });
});

describe('accessibility', () => {
  /** Fails with a readable list of problems rather than a diff of axe's objects. */
  async function expectNoViolations(page: Page, where: string): Promise<void> {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.passes.length, 'axe checked something').toBeGreaterThan(0);
    const problems = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
    expect(problems, `axe on ${where}`).toEqual([]);
  }

  it('finds no violations on the running timer', async () => {
    const { page } = session;
    await startFromLibrary(page, 'Lactic acid');
    await page.clock.runFor(minutes(11) + seconds(40));
    await sees(page, 'Round 1 of 12');
    // axe works through the page's timers: let the clock flow again.
    await page.clock.resume();
    await expectNoViolations(page, 'the timer');

    await button(page, 'Lock').click();
    await button(page, 'Unlock').waitFor();
    await expectNoViolations(page, 'the locked timer');
  });

  it('finds no violations on the screen after the workout', async () => {
    const { page } = session;
    await startFromLibrary(page, 'Fredericson stretches');
    await endWorkout(page);
    await page.getByRole('heading', { level: 1, name: 'Workout ended' }).waitFor();
    await page.clock.resume();
    await expectNoViolations(page, 'the end of the workout');
  });

  it('finds no violations on the settings page', async () => {
    const { page } = session;
    await page.goto('/#/settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('slider', { name: 'Volume' }).waitFor();
    await expectNoViolations(page, 'settings');
  });
});
