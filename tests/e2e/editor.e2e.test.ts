/**
 * Writing one's own workout, the way a person does it: the library's New
 * workout, typing with a typo, the diagnostic at its line:column, the one-tap
 * fix (and the keyboard's own Undo of it), the live preview, Save, finding it
 * under Mine and running it; copying, renaming and deleting with Undo.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness';

const session = useBrowser();

async function newWorkout(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('heading', { level: 2, name: 'Mine' }).waitFor();
  await page.getByRole('link', { name: 'New workout' }).click();
  await page.getByRole('heading', { level: 1, name: 'New workout' }).waitFor();
}

describe('the editor', () => {
  it('checks as you type, fixes a typo in one tap, previews, saves to Mine and runs', async () => {
    const { page } = session;
    await newWorkout(page);
    const text = page.getByRole('textbox', { name: 'Workout text' });
    // The template teaches by example and is ready to run.
    expect(await text.inputValue()).toMatch(/^# My workout\n/);
    await page.getByText('None: this workout can be started.').waitFor();
    // The phone keyboard leaves the text alone.
    for (const [name, value] of [
      ['autocorrect', 'off'],
      ['autocapitalize', 'off'],
      ['spellcheck', 'false'],
      ['autocomplete', 'off'],
    ] as const) {
      expect(await text.getAttribute(name), name).toBe(value);
    }

    await text.fill('');
    await text.pressSequentially('# Morning pool\nwarmup 5m easy\n4x\n  1m sprnt\n  1m rest\ncooldown 3:5 easy', { delay: 5 });
    const problems = page.getByRole('region', { name: /^Problems/ });
    await problems.getByRole('heading', { name: 'Problems (2)' }).waitFor();
    await problems.getByRole('button', { name: 'Line 4:6: go there' }).waitFor();
    await problems.getByText('Unknown word "sprnt". Did you mean "sprint"? Put names in "quotes".').waitFor();
    await problems.getByRole('button', { name: 'Line 6:10: go there' }).waitFor();
    await page
      .getByRole('status')
      .getByText(/2 errors: it can be saved as a draft but not started/)
      .waitFor();
    await page.getByText('The preview shows when the workout has no errors.').waitFor();

    // Jump to the problem: the text is selected there.
    await problems.getByRole('button', { name: 'Line 4:6: go there' }).click();
    expect(await text.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('sprnt');

    await problems.getByRole('button', { name: 'Change to “sprint”' }).click();
    expect(await text.inputValue()).toContain('  1m sprint\n');
    await problems.getByRole('heading', { name: 'Problems (1)' }).waitFor();
    // The fix is an ordinary edit: the keyboard's Undo takes it back, Redo puts it again.
    await text.focus();
    await page.keyboard.press('Control+z');
    expect(await text.inputValue()).toContain('  1m sprnt\n');
    await problems.getByRole('heading', { name: 'Problems (2)' }).waitFor();
    await page.keyboard.press('Control+Shift+z');
    expect(await text.inputValue()).toContain('  1m sprint\n');

    await problems.getByRole('button', { name: 'Change to 3:05' }).click();
    expect(await text.inputValue()).toMatch(/cooldown 3:05 easy$/);
    await page.getByText('None: this workout can be started.').waitFor();

    // The live preview: profile, totals.
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('img', { name: /^Profile: 16:05, 10 intervals/ }).waitFor();
    await preview.getByText('Morning pool').waitFor();

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(/^Saved\. No errors\.$/)
      .waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/edit\/mine-/);
    await page.getByRole('heading', { level: 1, name: 'Edit workout' }).waitFor();

    // In the library under Mine, marked as one's own; it starts like a built-in one.
    await page.goto('/');
    const card = page.getByRole('region', { name: 'Mine' }).getByRole('article', { name: 'Morning pool' });
    await card.getByRole('list', { name: 'Tags' }).getByText('Mine', { exact: true }).waitFor();
    await card.getByText(/16:05/).waitFor();
    await card.getByRole('link', { name: 'Morning pool' }).click();
    await page.getByRole('heading', { level: 1, name: 'Morning pool' }).waitFor();
    await page.getByRole('img', { name: /^Profile: 16:05/ }).waitFor();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/run\/mine-/);
    expect(await page.title()).toBe('Morning pool: Aquajog');
  });

  it('stays where the person is on the first Save of a new workout: no scroll to the top, focus on Save', async () => {
    const { page } = session;
    await newWorkout(page);
    const text = page.getByRole('textbox', { name: 'Workout text' });
    await text.fill(`# Long one\n${'1m easy\n30s sprint\n'.repeat(40)}`);
    await page.getByText('None: this workout can be started.').waitFor();
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await save.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    expect(await page.evaluate(() => window.scrollY), 'scrolled down the page').toBeGreaterThan(100);
    // Where the person sees Save (the page may grow above it meanwhile: "Ready to work offline" comes in the first seconds).
    const before = (await save.boundingBox())!.y;
    await save.click();
    await page.getByRole('heading', { level: 1, name: 'Edit workout' }).waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/edit\/mine-/);
    // Give the app's after-navigation work its chance to run.
    await page.waitForTimeout(300);
    expect(Math.abs((await save.boundingBox())!.y - before), 'Save moved on the screen (px)').toBeLessThanOrEqual(1);
    expect(await focused(page)).toBe('Save');
  });

  it('saves a draft with errors, which shows its errors and can’t be started', async () => {
    const { page } = session;
    await newWorkout(page);
    const text = page.getByRole('textbox', { name: 'Workout text' });
    await text.fill('# Half done\n1m sprnt');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(/^Saved\. One error: it can be saved as a draft but not started\.$/)
      .waitFor();
    await page.goto('/');
    await page.getByRole('region', { name: 'Mine' }).getByRole('link', { name: 'Half done' }).click();
    await page.getByRole('heading', { level: 1, name: 'Half done' }).waitFor();
    await page.getByText('This workout has errors, so it can’t be started.').waitFor();
    expect(await page.getByRole('button', { name: 'Start', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit workout' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Workout text' }).inputValue()).toBe('# Half done\n1m sprnt');
  });

  it('keeps what was typed: a saved workout saves itself, a new one left half-written becomes a draft', async () => {
    const { page } = session;
    await newWorkout(page);
    const text = page.getByRole('textbox', { name: 'Workout text' });
    await text.fill('# Left behind\n1m easy');
    // The problem on the caret's line is shown beside the text.
    await text.fill('# Left behind\n1m easy\n2m sprnt');
    await page.getByText('Line 3:4: Unknown word "sprnt". Did you mean "sprint"? Put names in "quotes".').waitFor();
    await page.getByRole('link', { name: 'All workouts' }).click();
    const card = page.getByRole('region', { name: 'Mine' }).getByRole('article', { name: 'Left behind' });
    await card.getByRole('link', { name: 'Left behind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Left behind' }).waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/workout\/mine-/);
    await page.getByRole('link', { name: 'Edit' }).click();
    await text.press('End');
    await text.pressSequentially(' "Fast"');
    await page
      .getByRole('status')
      .getByText(/^Saved\. One error/)
      .waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Edit workout' }).waitFor();
    expect(await text.inputValue()).toBe('# Left behind\n1m easy\n2m sprnt "Fast"');
  });

  it('copies a built-in workout to Mine, renames it, deletes it and brings it back with Undo', async () => {
    const { page } = session;
    await page.goto('/#/workout/pyramid');
    await page.getByRole('heading', { level: 1, name: 'Pyramid' }).waitFor();
    await page.getByRole('button', { name: 'Copy to Mine' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit workout' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Workout text' }).inputValue()).toMatch(/^# Pyramid \(copy\)\n/);

    await page.getByRole('link', { name: 'Back to the workout' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pyramid (copy)' }).waitFor();
    await page.getByRole('button', { name: 'Rename' }).click();
    const title = page.getByRole('textbox', { name: 'New title' });
    await title.fill('Short pyramid');
    await page.getByRole('button', { name: 'Save title' }).click();
    await page.getByRole('heading', { level: 1, name: 'Short pyramid' }).waitFor();

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workouts' }).waitFor();
    const mine = page.getByRole('region', { name: 'Mine' });
    await mine.getByText('Deleted “Short pyramid”.').waitFor();
    expect(await mine.getByRole('article').count()).toBe(0);
    await mine.getByRole('button', { name: 'Undo' }).click();
    await mine.getByRole('article', { name: 'Short pyramid' }).waitFor();
    await mine.getByText(/1:17:00/).waitFor();
  });

  it('brings focus back to the card of one’s own workout after its editor or its page, and to New workout after a new one', async () => {
    const { page } = session;
    await newWorkout(page);
    await page.getByRole('link', { name: 'All workouts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workouts' }).waitFor();
    await expect.poll(() => focused(page)).toBe('New workout');

    await page.getByRole('link', { name: 'New workout' }).click();
    await page.getByRole('heading', { level: 1, name: 'New workout' }).waitFor();
    await page.getByRole('textbox', { name: 'Workout text' }).fill('# Back home\n1m easy');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit workout' }).waitFor();
    // From the editor to the library: its card in Mine has focus, in view.
    await page.getByRole('link', { name: 'Aquajog', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Workouts' }).waitFor();
    await expect.poll(() => focused(page)).toBe('Back home');
    const card = page.getByRole('region', { name: 'Mine' }).getByRole('link', { name: 'Back home' });
    expect(await card.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);

    // From its page too.
    await card.click();
    await page.getByRole('heading', { level: 1, name: 'Back home' }).waitFor();
    await page.getByRole('link', { name: 'All workouts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workouts' }).waitFor();
    await expect.poll(() => focused(page)).toBe('Back home');
  });
});

/** The text of the focused element, looking inside shadow roots. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent?.trim() ?? null;
  });
}
