import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { compile, summarise } from '../../../src/dsl';
import { library, loadLibrary, type LibraryEntry } from '../../../src/app/library/library';
import '../../../src/app/workout/aq-workout-page';
import { deepText, FILE_NAME } from '../deep-text';
import { factText, mount, unmountAll } from '../helpers';

afterEach(unmountAll);

function entryTitled(title: string): LibraryEntry {
  const entry = library.find((e) => e.title === title);
  if (!entry) throw new Error(`No built-in workout titled ${title}`);
  return entry;
}

/** The workout's total as shown under its title. */
const total = (value: string) => page.getByText(factText('Total', value));
const rowsWith = (text: string) => page.getByRole('table', { name: 'Timeline' }).getByRole('row').filter({ hasText: text });

describe('<aq-workout-page>', () => {
  it('recompiles with the rounds the athlete picks', async () => {
    await mount('aq-workout-page', { entry: entryTitled('Wave your hands in the air') });
    await expect.element(page.getByRole('heading', { level: 1, name: 'Wave your hands in the air' })).toBeVisible();
    await expect.element(total('55:00')).toBeVisible();
    // Four steps a round.
    expect(rowsWith('Round 3 of 10').elements()).toHaveLength(4);

    const rounds = page.getByRole('combobox', { name: 'Rounds' });
    await expect.element(rounds).toHaveValue('10');
    await rounds.selectOptions('15');

    await expect.element(total('1:12:30')).toBeVisible();
    await expect.element(rowsWith('Round 15 of 15').first()).toBeVisible();
    expect(rowsWith('of 10').elements()).toHaveLength(0);
    await expect.element(rounds).toHaveValue('15');
  });

  it('lists the whole timeline with zones, targets and rungs', async () => {
    await mount('aq-workout-page', { entry: entryTitled('Pyramid') });
    await expect.element(total('1:17:00')).toBeVisible();
    const table = page.getByRole('table', { name: 'Timeline' });
    // Warm-up, 17 rungs, 16 recoveries, cool-down, and the header row.
    expect(table.getByRole('row').elements()).toHaveLength(1 + 1 + 17 + 16 + 1);
    const top = rowsWith('Rung 9 of 17').filter({ hasText: 'Hard' }).first();
    await expect.element(top).toHaveTextContent('5:00');
    await expect.element(table.getByRole('columnheader', { name: 'Zone' })).toBeInTheDocument();
  });

  it('shows medium’s heart-rate target on the timeline', async () => {
    await mount('aq-workout-page', { entry: entryTitled('Wave your hands in the air') });
    await expect.element(rowsWith('Medium').first()).toHaveTextContent('87-92% HRmax');
  });

  it('offers a week picker and a week table for a plan over weeks', async () => {
    const withWeeks = library.find((entry) => entry.result?.plan?.weeks);
    expect(withWeeks, 'a built-in plan has weeks').toBeDefined();
    await mount('aq-workout-page', { entry: withWeeks! });
    const weeks = page.getByRole('table', { name: 'Week by week' });
    await expect.element(weeks).toBeVisible();
    const weekOne = withWeeks!.result!.plan!;
    const before = summarise(weekOne);
    const picker = page.getByRole('combobox', { name: 'Week' });
    const last = withWeeks!.result!.plan!.weeks!;
    await picker.selectOptions(String(last));
    const lastRow = weeks.getByRole('row').filter({ hasText: `Week ${last}` });
    await expect.element(lastRow).toHaveAttribute('aria-current', 'true');
    await expect.element(weeks.getByRole('row').filter({ hasText: 'Week 1' })).not.toHaveAttribute('aria-current');
    await expect.element(total(before)).not.toBeInTheDocument();
    const lastWeek = compile(withWeeks!.source, { week: last }).plan!;
    await expect.element(total(summarise(lastWeek))).toBeVisible();
  });

  it('shows diagnostics with their positions when the workout has errors', async () => {
    const [entry] = loadLibrary({ '/workouts/broken.workout': '# Broken\n1m sprnt\n' });
    await mount('aq-workout-page', { entry: entry! });
    await expect.element(page.getByRole('heading', { level: 1, name: 'Broken' })).toBeVisible();
    await expect.element(page.getByText(/Did you mean "sprint"/)).toBeVisible();
    await expect.element(page.getByText('Line 2:4')).toBeVisible();
  });

  it('never offers Start for a workout whose programme disagrees, even with choices remembered', async () => {
    const [entry] = loadLibrary({
      '/workouts/mine.workout': '# Mine\nweeks: 4\nprogramme: P\n10-12x\n  30s easy\n',
      '/workouts/other.workout': '# Other\nweeks: 6\nprogramme: P\n1m easy\n',
      '/workouts/third.workout': '# Third\nweeks: 6\nprogramme: P\n1m easy\n',
    }).filter((e) => e.id === 'mine');
    localStorage.setItem('aquajog.choices', JSON.stringify({ mine: { choices: { '4:1': 12 }, v: 2 } }));
    try {
      await mount('aq-workout-page', { entry: entry! });
      await expect.element(page.getByText(/Every workout in programme "P" with weeks: needs the same number/)).toBeVisible();
      expect(page.getByRole('button', { name: 'Start', exact: true }).elements()).toHaveLength(0);
    } finally {
      localStorage.removeItem('aquajog.choices');
    }
  });

  it('keeps the choices on screen when one makes the workout invalid', async () => {
    // 1,500 rounds of two steps is over the 2,000-interval limit.
    const [entry] = loadLibrary({ '/workouts/long.workout': '# Long\n1-1500x\n  1s easy\n  1s hard\n' });
    await mount('aq-workout-page', { entry: entry! });
    const rounds = page.getByRole('combobox', { name: 'Rounds' });
    await rounds.selectOptions('1500');
    await expect.element(page.getByText('The workout is too long.')).toBeVisible();
    await expect.element(page.getByRole('table', { name: 'Timeline' })).not.toBeInTheDocument();
    await expect.element(rounds).toHaveValue('1500');

    await rounds.selectOptions('4');
    await expect.element(total('0:08')).toBeVisible();
    await expect.element(page.getByText('The workout is too long.')).not.toBeInTheDocument();
  });

  it('summarises a rehab workout in words, says what "about" counts and cites its source', async () => {
    await mount('aq-workout-page', { entry: entryTitled('Hip strength extras') });
    await expect.element(total('3 exercises (15 reps each side, 10 reps with 5 s holds, 5 reps each side with 5 s holds), about 6 min')).toBeVisible();
    await expect.element(page.getByText('“About” is the timed steps plus 3 s a rep, rounded to the minute.')).toBeVisible();
    await expect.element(page.getByText(/^Sources: RunnersConnect, “IT Band Syndrome Injury in Runners/)).toBeVisible();
    // The week picker's summary changes with the week, in words.
    await mount('aq-workout-page', { entry: entryTitled('Fredericson strength') });
    await page.getByRole('combobox', { name: 'Week' }).selectOptions('6');
    await expect.element(total('2 exercises, 3 sets of 30 each side, about 24 min')).toBeVisible();
  });

  it('never shows a source document by its file name, on any built-in workout', async () => {
    for (const entry of library) {
      const element = await mount('aq-workout-page', { entry });
      const text = deepText(element);
      expect(text, entry.id).toMatch(/Sources?: /);
      expect(text, entry.id).not.toMatch(FILE_NAME);
      unmountAll();
    }
  });

  it('says so when there is no such workout', async () => {
    await mount('aq-workout-page', { entry: null, workoutId: 'nope' });
    await expect.element(page.getByRole('heading', { level: 1, name: 'Workout not found' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'All workouts' })).toHaveAttribute('href', '#/');
  });
});
