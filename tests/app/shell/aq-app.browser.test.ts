import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { library } from '../../../src/app/library/library';
import '../../../src/app/shell/aq-app';
import { deepActiveElement, mount, unmountAll } from '../helpers';

afterEach(() => {
  unmountAll();
  history.replaceState(null, '', '#/');
});

describe('<aq-app>', () => {
  it('routes between the library and a workout by the hash', async () => {
    history.replaceState(null, '', '#/');
    await mount('aq-app');
    await expect.element(page.getByRole('heading', { level: 1, name: 'Workouts' })).toBeVisible();

    const pyramid = library.find((e) => e.title === 'Pyramid')!;
    await page.getByRole('link', { name: 'Pyramid', exact: true }).click();
    await expect.element(page.getByRole('heading', { level: 1, name: 'Pyramid' })).toBeVisible();
    expect(location.hash).toBe(`#/workout/${pyramid.id}`);
    expect(document.title).toBe('Pyramid: Aquajog');

    await page.getByRole('link', { name: 'All workouts' }).click();
    await expect.element(page.getByRole('heading', { level: 1, name: 'Workouts' })).toBeVisible();
    // Focus returns to the workout you came from.
    const link = page.getByRole('link', { name: 'Pyramid', exact: true });
    await expect.poll(() => deepActiveElement()).toBe(link.element());
  });

  it('opens a workout from a deep link, and says when it does not exist', async () => {
    history.replaceState(null, '', '#/workout/no-such-workout');
    await mount('aq-app');
    await expect.element(page.getByRole('heading', { level: 1, name: 'Workout not found' })).toBeVisible();
  });
});
