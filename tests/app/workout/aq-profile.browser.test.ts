import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { compile } from '../../../src/dsl';
import { profileBars } from '../../../src/app/workout/aq-profile';
import '../../../src/app/workout/aq-profile';
import { mount, unmountAll } from '../helpers';

afterEach(unmountAll);

const plan = (source: string) => {
  const result = compile(source);
  if (!result.plan) throw new Error(JSON.stringify(result.diagnostics));
  return result.plan;
};

describe('profileBars', () => {
  it('makes each interval as wide as it lasts and as tall as it is hard', () => {
    const { bars, seconds } = profileBars(plan('# T\nwarmup 10m easy\n2x\n  1m sprint\n  30s rest\n'));
    expect(seconds).toBe(600 + 2 * 90);
    expect(bars.map((b) => [b.x, b.width, b.zone])).toEqual([
      [0, 600, 'easy'],
      [600, 60, 'sprint'],
      [660, 30, 'rest'],
      [690, 60, 'sprint'],
      [750, 30, 'rest'],
    ]);
    const [easy, sprint, rest] = bars;
    expect(sprint!.height).toBeGreaterThan(easy!.height);
    expect(easy!.height).toBeGreaterThan(rest!.height);
  });

  it('draws untimed steps at their estimate, never zero wide', () => {
    const { bars } = profileBars(plan('# T\nopen "Get in"\n15 reps "Clamshell"\n'));
    expect(bars.every((b) => b.width > 0)).toBe(true);
  });
});

describe('<aq-profile>', () => {
  it('is one picture with a name that says the total, and a legend of its zones', async () => {
    await mount('aq-profile', { plan: plan('# T\nwarmup 10m easy\n4x\n  1m sprint\n  1m rest\n') });
    await expect.element(page.getByRole('img', { name: 'Profile: 18:00, 9 intervals.' })).toBeVisible();
    const legend = page.getByRole('list', { name: 'Zones' });
    await expect.element(legend).toHaveTextContent(/Easy\s*Sprint\s*Rest/);
    // Zone colours come from the tokens (set through the CSSOM, which the CSP allows).
    const rect = document.querySelector('aq-profile')!.shadowRoot!.querySelector('path')!;
    expect(getComputedStyle(rect).fill).toMatch(/^rgb/);
    expect(getComputedStyle(rect).fill).not.toBe('rgb(0, 0, 0)');
  });
});
