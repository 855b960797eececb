/**
 * <aq-timer-screen> in real Chromium, on a WorkoutSession whose clock the test
 * holds (ManualClock). Vitest's fake timers stand in for the page's timers so
 * the screen's own scheduled redraws fire as the clock moves: each check is
 * what a person would see at that instant.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { compile } from '../../../src/dsl/index';
import type { Plan } from '../../../src/dsl/plan';
import { ManualClock } from '../../../src/engine/clock';
import type { TimerState } from '../../../src/engine/timer';
import { library, planOf } from '../../../src/app/library/library';
import { DEFAULT_SETTINGS } from '../../../src/app/shared/settings';
import { WorkoutSession } from '../../../src/app/run/workout-session';
import { UNDO_END_MS } from '../../../src/app/run/workout-session';
import { UNLOCK_HOLD_MS, type AqTimerScreen } from '../../../src/app/run/aq-timer-screen';
import '../../../src/app/run/aq-timer-screen';
import { deepActiveElement, mount, unmountAll } from '../helpers';

const T0 = 1_750_000_000_000;
const seconds = (s: number) => s * 1000;
const minutes = (m: number) => m * 60_000;

function builtIn(id: string): Plan {
  const plan = planOf(library.find((e) => e.id === id) ?? { result: null });
  if (!plan) throw new Error(`No built-in workout ${id}`);
  return plan;
}

let clock: ManualClock;
let session: WorkoutSession | undefined;
let screen: AqTimerScreen;

beforeEach(() => {
  // Only the timers: Date stays real, and the session reads the ManualClock.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  clock = new ManualClock(T0);
});

afterEach(() => {
  unmountAll();
  session?.dispose();
  session = undefined;
  vi.useRealTimers();
});

/** Shows `id` running from T0, with the timer started (audio is the Start tap's business, not tested here). */
async function run(id: string, options: { hrMax?: number } = {}): Promise<WorkoutSession> {
  const s = new WorkoutSession(builtIn(id), DEFAULT_SETTINGS, clock);
  session = s;
  screen = await mount('aq-timer-screen', { session: s, hrMax: options.hrMax ?? null });
  s.timer.start();
  await screen.updateComplete;
  return s;
}

/** Moves the clock, and lets every timer that fell due in that time fire, as the page would. */
async function wait(ms: number): Promise<void> {
  clock.advance(ms);
  vi.advanceTimersByTime(ms);
  await screen.updateComplete;
}

/** Waits for the screen to settle after a tap. */
async function settled(): Promise<void> {
  await screen.updateComplete;
}

const text = (t: string | RegExp) => page.getByText(t, { exact: true });
const button = (name: string) => page.getByRole('button', { name, exact: true });
const timeLeft = () => page.getByLabelText('Time left', { exact: true });
const round = () => page.getByText(/^(Round|Rung|Set) \d+ of \d+$/);

/** The screen's background colour, and the colour a zone token resolves to. */
function background(): string {
  return getComputedStyle(screen).backgroundColor;
}
function tokenColour(token: string): string {
  const probe = document.createElement('div');
  probe.style.backgroundColor = `var(${token})`;
  document.body.append(probe);
  const colour = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return colour;
}

function shows(...texts: (string | RegExp)[]): void {
  for (const t of texts) expect(text(t).elements(), `"${t}" on screen`).not.toHaveLength(0);
}
function showsNot(...texts: (string | RegExp)[]): void {
  for (const t of texts) expect(text(t).elements(), `"${t}" on screen`).toHaveLength(0);
}

describe('<aq-timer-screen>', () => {
  it('shows the zone, label, time left, what comes next and the whole workout', async () => {
    await run('lactic-acid');
    shows('Easy', 'Warm-up', '10:00', 'Next: Stretch the bungee out · 1:30', '1:20:00 left', '0% done');
    await expect.element(timeLeft()).toHaveTextContent('10:00');
    expect(round().elements()).toHaveLength(0);
    expect(background()).toBe(tokenColour('--aq-zone-easy'));
    await expect.element(page.getByRole('status')).toHaveTextContent('Warm-up, easy, ten minutes.');

    await wait(seconds(30));
    shows('9:30', '1:19:30 left', '1% done');
    showsNot('10:00');
    const bar = page.getByRole('progressbar', { name: 'Workout progress' });
    await expect.element(bar).toHaveAttribute('aria-valuenow', '1');
  });

  it('moves the progress bar in steps of a few seconds, never more than a percent behind the workout', async () => {
    // Self-care is 3:15 long: a thousandth of it would move the bar (and redraw it) every second.
    const s = await run('self-care');
    const scale = () => Number(/scaleX\(([\d.]+)\)/.exec(screen.shadowRoot!.querySelector<HTMLElement>('.bar > div')!.style.transform)?.[1] ?? NaN);
    const seen: number[] = [];
    for (let i = 0; i < 40; i++) {
      await wait(seconds(1));
      const shown = scale();
      expect(s.timer.state().progress - shown).toBeGreaterThanOrEqual(0);
      expect(s.timer.state().progress - shown).toBeLessThan(0.01);
      if (shown !== seen.at(-1)) seen.push(shown);
    }
    // About every 2 s (a percent of 195 s): it moves, but not every second.
    expect(seen.length).toBeGreaterThan(15);
    expect(seen.length).toBeLessThanOrEqual(21);
  });

  it('counts down in whole seconds: 2:00 for all the first second, 0:01 for all the last', async () => {
    await run('lactic-acid', { hrMax: 190 });
    await wait(minutes(11) + seconds(30));
    shows('Sprint', '2:00', 'Round 1 of 12', '95-100% HRmax (181-190 bpm)', '1:08:30 left');
    // The label is the zone's name: said once.
    expect(text('Sprint').elements()).toHaveLength(1);
    expect(background()).toBe(tokenColour('--aq-zone-sprint'));
    // The round was announced with its first interval; now only the change.
    await expect.element(page.getByRole('status')).toHaveTextContent(/^\s*Sprint, two minutes\.\s*$/);

    await wait(999);
    shows('2:00');
    await wait(1);
    shows('1:59');
    await wait(seconds(117));
    shows('0:02');
    await wait(999);
    shows('0:02');
    await wait(1);
    shows('0:01');
    await wait(999);
    shows('0:01');
    showsNot('0:00');
    await wait(1);
    shows('Rest', 'Let the bungee pull you back', '1:30', 'Round 1 of 12');
    expect(background()).toBe(tokenColour('--aq-zone-rest'));
  });

  it('reaches any instant of a long workout exactly, however it gets there', async () => {
    await run('lactic-acid');
    // Round 7's sprint runs 41:30-43:30.
    await wait(minutes(42) + seconds(15));
    shows('Sprint', '1:15', 'Round 7 of 12', '37:45 left');
    await wait(minutes(27) + seconds(45));
    shows('Cool-down', '10:00', '10:00 left', 'Last one');
    expect(round().elements()).toHaveLength(0);
  });

  it('pauses and resumes from its buttons', async () => {
    await run('lactic-acid');
    await wait(seconds(30.5));
    shows('9:30');
    await button('Pause').click();
    await settled();
    shows('Paused', '9:30', '1:19:30 left');
    expect(vi.getTimerCount(), 'nothing ticking while paused').toBe(0);
    clock.advance(minutes(5));
    await wait(seconds(3));
    shows('Paused', '9:30', '1:19:30 left');

    await button('Resume').click();
    await settled();
    showsNot('Paused');
    await expect.element(button('Pause')).toBeVisible();
    await wait(500);
    shows('9:29');
  });

  it('skips forward a whole interval and goes back to the start of the previous one', async () => {
    await run('lactic-acid');
    await wait(seconds(30));
    await button('Skip').click();
    await settled();
    shows('Stretch the bungee out', '1:30', 'Round 1 of 12', '1:10:00 left');
    await wait(seconds(20));
    shows('1:10');
    await button('Back').click();
    await settled();
    shows('Warm-up', '10:00', '1:20:00 left');
    await button('Back').click();
    await settled();
    shows('Warm-up', '10:00');
    await wait(seconds(1));
    shows('9:59');
  });

  it('waits for Done on reps, counting up only the time so far', async () => {
    await run('hip-strength-extras');
    shows('Work', 'Clamshell', 'Left', '15 reps', '0:00 so far', 'Next: Switch sides · 0:05', '4:10 left + reps');
    expect(timeLeft().elements(), 'a countdown for reps with no tempo').toHaveLength(0);
    await expect.element(page.getByRole('status')).toHaveTextContent('Clamshell. Left side, 15 reps. Tap Done when finished.');

    await wait(minutes(1) + seconds(5));
    shows('1:05 so far', 'Clamshell', 'Left');
    await wait(minutes(20));
    shows('21:05 so far', 'Clamshell', 'Left');

    await button('Done').click();
    await settled();
    shows('Switch sides', '0:05', 'Next: Clamshell (Right) · 15 reps');
    showsNot('Left');
    await wait(seconds(5));
    shows('Clamshell', 'Right', '0:00 so far');
  });

  it('waits for Done on an open step, then holds each side', async () => {
    await run('fredericson-stretches');
    shows('Get your rope or strap ready', '0:00 so far');
    expect(timeLeft().elements()).toHaveLength(0);
    await wait(minutes(3));
    shows('Get your rope or strap ready', '3:00 so far');

    await button('Done').click();
    await settled();
    shows('Lying rope hip stretch', 'Left', '0:15');
    expect(button('Done').elements()).toHaveLength(0);
    await wait(seconds(15));
    shows('Switch sides', '0:05');
    await wait(seconds(5));
    shows('Lying rope hip stretch', 'Right', '0:15');
    await expect.element(page.getByRole('status')).toHaveTextContent('Lying rope hip stretch. Right side, 15 seconds.');
  });

  it('paces tempo reps with the rep and the phase', async () => {
    await run('hip-strength-extras');
    await button('Done').click();
    await wait(seconds(5));
    await button('Done').click();
    await wait(seconds(30));
    // 10 reps, 2 s up, 5 s hold, 2 s down: the phase and its seconds are the big thing; the set's time is small print.
    const phaseLeft = () => page.getByLabelText('Seconds left in this phase', { exact: true });
    shows('Glute bridge', 'Rep 1 of 10', 'Up', 'Set: 1:30 left');
    await expect.element(phaseLeft()).toHaveTextContent(/^2$/);
    expect(timeLeft().elements(), 'the set time as the big number').toHaveLength(0);
    await wait(seconds(1));
    await expect.element(phaseLeft()).toHaveTextContent(/^1$/);
    await wait(seconds(1) - 1);
    shows('Up');
    await wait(1);
    shows('Hold', 'Rep 1 of 10');
    await expect.element(phaseLeft()).toHaveTextContent(/^5$/);
    await wait(seconds(3));
    await expect.element(phaseLeft()).toHaveTextContent(/^2$/);
    await wait(seconds(2));
    shows('Down', 'Set: 1:23 left');
    await wait(seconds(2));
    shows('Up', 'Rep 2 of 10', 'Set: 1:21 left');
    await wait(seconds(9 * 8));
    shows('Up', 'Rep 10 of 10', 'Set: 0:09 left');
  });

  it('holds the wall isometric without saying up or down', async () => {
    await run('hip-strength-extras');
    await button('Done').click();
    await wait(seconds(5));
    await button('Done').click();
    // Rest, glute bridge (1:30), rest: then the wall isometric, 5 reps of 2 s in, 5 s hold, 2 s out.
    await wait(seconds(30 + 90 + 30));
    shows('Wall isometric', 'Left', 'Rep 1 of 5', 'Push');
    showsNot('Up', 'Down');
    await wait(seconds(2));
    shows('Hold');
    await wait(seconds(5));
    shows('Let go');
    showsNot('Up', 'Down');
  });

  it('counts "+ reps" only while sets waiting for Done are still ahead', async () => {
    await run('fredericson-stretches');
    // An open step (get ready) is not reps.
    shows('1:10 left');
    showsNot('1:10 left + reps');
    unmountAll();
    session?.dispose();
    await run('hip-strength-extras');
    shows('4:10 left + reps');
    await button('Done').click();
    await wait(seconds(5));
    await button('Done').click();
    await settled();
    // The last clamshells are done: the rest is all timed.
    shows('4:05 left');
    showsNot('4:05 left + reps');
  });

  it('keeps keyboard focus on Pause / Resume as it changes', async () => {
    await run('lactic-acid');
    await userEvent.tab(); // End
    await userEvent.tab(); // Lock
    await userEvent.tab(); // Back
    await userEvent.tab();
    expect(deepActiveElement()).toBe(button('Pause').element());
    await userEvent.keyboard('{Enter}');
    await settled();
    await expect.element(button('Resume')).toBeVisible();
    expect(deepActiveElement(), 'focus after Pause').toBe(button('Resume').element());
    await userEvent.keyboard(' ');
    await settled();
    await expect.element(button('Pause')).toBeVisible();
    expect(deepActiveElement(), 'focus after Resume').toBe(button('Pause').element());
  });

  it('fits an interval of an hour or more on the screen, portrait and landscape', async () => {
    const { plan } = compile('# Long swim\n70m easy\n');
    session = new WorkoutSession(plan!, DEFAULT_SETTINGS, clock);
    screen = await mount('aq-timer-screen', { session });
    session.timer.start();
    await settled();
    await expect.element(timeLeft()).toHaveTextContent('1:10:00');
    for (const [width, height] of [
      [390, 844],
      [844, 390],
      [320, 640],
    ] as const) {
      await page.viewport(width, height);
      const digits = timeLeft().element().getBoundingClientRect();
      expect(digits.right, `right edge at ${width}x${height}`).toBeLessThanOrEqual(width);
      expect(digits.left).toBeGreaterThanOrEqual(0);
    }
    await page.viewport(390, 844);
  });

  it('moves keyboard focus on from Done when its set is over', async () => {
    await run('hip-strength-extras');
    button('Done').element().focus();
    await userEvent.keyboard('{Enter}');
    await settled();
    // Switch sides has no Done: focus waits on Pause.
    shows('Switch sides');
    expect(deepActiveElement()).toBe(button('Pause').element());
    await wait(seconds(5));
    button('Done').element().focus();
    await userEvent.keyboard('{Enter}');
    await settled();
    shows('Rest');
    expect(deepActiveElement()).toBe(button('Pause').element());
  });

  it('shows paused from afar: a frame round the screen and a bar across it', async () => {
    await run('lactic-acid');
    const main = page.getByRole('main').element();
    const frame = () => getComputedStyle(main).boxShadow;
    expect(frame()).toBe('none');
    await button('Pause').click();
    await settled();
    shows('Paused');
    expect(frame(), 'a frame when paused').toMatch(/inset/);
    const bar = text('Paused').element().parentElement!;
    expect(bar.getBoundingClientRect().width, 'the paused bar spans the screen').toBeGreaterThan(window.innerWidth * 0.8);
  });

  describe('Lock', () => {
    it('ignores taps until Unlock is held for 2 seconds', async () => {
      const session = await run('lactic-acid');
      const pause = button('Pause').element();
      const box = pause.getBoundingClientRect();
      await button('Lock').click();
      await settled();
      const unlock = button('Unlock');
      await expect.element(unlock).toBeVisible();
      await expect.element(unlock).toHaveAccessibleDescription('Screen locked against splashes. Press and hold Unlock for 2 seconds.');
      expect(deepActiveElement(), 'focus on Unlock').toBe(unlock.element());
      expect(button('Pause').elements(), 'Pause reachable when locked').toHaveLength(0);

      // A real tap where Pause is: it lands on the lock, and the clock runs on.
      const host = screen.getBoundingClientRect();
      await userEvent.click(screen, { position: { x: box.x - host.x + box.width / 2, y: box.y - host.y + box.height / 2 } });
      await settled();
      await wait(seconds(5));
      shows('9:55');
      showsNot('Paused');
      expect(session.timer.status).toBe('running');

      const held = unlock.element();
      const pointer = (type: string) => held.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerId: 1 }));
      pointer('pointerdown');
      await wait(UNLOCK_HOLD_MS - 200);
      pointer('pointerup');
      await wait(seconds(3));
      await expect.element(unlock).toBeVisible();
      // Sliding off the button drops the hold too.
      pointer('pointerdown');
      await wait(UNLOCK_HOLD_MS / 2);
      pointer('pointerleave');
      await wait(UNLOCK_HOLD_MS);
      await expect.element(unlock).toBeVisible();

      pointer('pointerdown');
      await wait(UNLOCK_HOLD_MS + 100);
      await settled();
      expect(unlock.elements()).toHaveLength(0);
      await expect.element(button('Pause')).toBeVisible();
      expect(vi.getTimerCount(), 'only the redraw timer left').toBe(1);
    });

    it('unlocks from the keyboard only when Enter or Space is held', async () => {
      await run('lactic-acid');
      await button('Lock').click();
      await settled();
      const unlock = button('Unlock').element();
      const key = (type: 'keydown' | 'keyup', k = 'Enter') => unlock.dispatchEvent(new KeyboardEvent(type, { key: k, bubbles: true, composed: true }));
      key('keydown');
      await wait(500);
      key('keyup');
      await wait(seconds(3));
      expect(button('Unlock').elements()).toHaveLength(1);

      // Held keys repeat keydown: that must not restart the hold.
      key('keydown', ' ');
      for (let t = 0; t < UNLOCK_HOLD_MS + 100; t += 50) {
        await wait(50);
        key('keydown', ' ');
      }
      await settled();
      expect(button('Unlock').elements()).toHaveLength(0);
      await expect.element(button('Pause')).toBeVisible();
    });
  });

  it('says so at the end of the workout, once', async () => {
    await run('fredericson-stretches');
    const ends: TimerState[] = [];
    screen.addEventListener('aq-run-end', (e) => ends.push(e.detail));
    await button('Done').click();
    await wait(seconds(70) - 1);
    shows('Standing hip crossover stretch', 'Right', '0:01');
    expect(ends).toHaveLength(0);
    await wait(1);
    await settled();
    await expect.element(page.getByRole('heading', { level: 1, name: 'Workout complete' })).toBeVisible();
    shows('1:10 active');
    await expect.element(page.getByRole('status')).toHaveTextContent('Workout complete. Well done.');
    expect(button('Pause').elements()).toHaveLength(0);
    await wait(minutes(1));
    expect(ends.map((s) => s.status)).toEqual(['finished']);
    expect(vi.getTimerCount(), 'nothing ticking after the end').toBe(0);
  });

  it('ends early only when End is confirmed, after a few seconds in which it can be undone', async () => {
    const s = await run('lactic-acid');
    const ends: TimerState[] = [];
    screen.addEventListener('aq-run-end', (e) => ends.push(e.detail));
    await wait(minutes(12));
    await button('End').click();
    await settled();
    // Asked first; the safe answer has focus, and the clock runs on meanwhile.
    const dialog = page.getByRole('alertdialog', { name: 'End the workout?' });
    await expect.element(dialog).toBeVisible();
    expect(deepActiveElement()).toBe(button('Keep going').element());
    await button('Keep going').click();
    await settled();
    expect(page.getByRole('alertdialog').elements()).toHaveLength(0);
    expect(deepActiveElement(), 'focus back on End').toBe(button('End').element());
    expect(s.timer.status).toBe('running');

    await button('End').click();
    await settled();
    await button('End workout').click();
    await settled();
    // Paused, saying so, with Undo: not ended yet, so nothing is saved as ended.
    await expect.element(page.getByRole('alertdialog', { name: 'Ending…' })).toBeVisible();
    expect(deepActiveElement()).toBe(button('Undo').element());
    expect(s.timer.status).toBe('paused');
    await wait(UNDO_END_MS - 1);
    expect(ends).toHaveLength(0);
    expect(s.timer.status).toBe('paused');
    await wait(1);
    await settled();
    await expect.element(page.getByRole('heading', { level: 1, name: 'Workout ended' })).toBeVisible();
    shows('12:00 active · ended at interval 3 of 38');
    expect(ends.map((e) => e.status)).toEqual(['ended']);
  });

  it('backs out of End with Escape, and undoes a confirmed End with Escape too', async () => {
    const s = await run('lactic-acid');
    await button('End').click();
    await settled();
    await userEvent.keyboard('{Escape}');
    await settled();
    expect(page.getByRole('alertdialog').elements()).toHaveLength(0);
    expect(s.timer.status).toBe('running');
    await button('End').click();
    await settled();
    await button('End workout').click();
    await settled();
    expect(s.timer.status).toBe('paused');
    await userEvent.keyboard('{Escape}');
    await settled();
    expect(page.getByRole('alertdialog').elements()).toHaveLength(0);
    expect(s.timer.status).toBe('running');
  });

  it('takes an accidental End back with Undo, and runs on from where it was', async () => {
    const s = await run('lactic-acid');
    const ends: TimerState[] = [];
    screen.addEventListener('aq-run-end', (e) => ends.push(e.detail));
    await wait(seconds(30));
    await button('End').click();
    await settled();
    await button('End workout').click();
    await settled();
    await wait(seconds(3));
    await button('Undo').click();
    await settled();
    expect(page.getByRole('alertdialog').elements()).toHaveLength(0);
    expect(s.timer.status).toBe('running');
    expect(deepActiveElement(), 'focus on Pause').toBe(button('Pause').element());
    // The 3 s spent deciding were a pause: 9:30 still.
    shows('9:30');
    await wait(UNDO_END_MS * 2);
    expect(ends, 'ended after Undo').toHaveLength(0);
    shows('9:20');
  });

  it('stops its timer when taken off the page and picks up where the clock is when put back', async () => {
    await run('lactic-acid');
    await wait(seconds(10));
    expect(vi.getTimerCount()).toBe(1);
    screen.remove();
    expect(vi.getTimerCount(), 'a timer left behind').toBe(0);
    clock.advance(minutes(2));
    document.body.append(screen);
    await settled();
    shows('7:50');
    expect(vi.getTimerCount()).toBe(1);
  });
});

describe('a storage problem during the run', () => {
  it('says progress is not being saved, and why, without stopping the timer', async () => {
    await run('icing');
    screen.saveProblem = 'The phone is out of storage space for Aquajog. Free some space; Aquajog keeps trying.';
    await screen.updateComplete;
    await expect.element(page.getByRole('alert')).toHaveTextContent(/Progress isn't being saved\. The phone is out of storage space/);
    await wait(seconds(5));
    await expect.element(page.getByLabelText('Time left')).toHaveTextContent('9:55');
    screen.saveProblem = null;
    await screen.updateComplete;
    expect(page.getByRole('alert').elements()).toHaveLength(0);
  });
});
