import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme } from '../../src/app/shared/settings';

const token = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

describe('themes', () => {
  afterEach(() => applyTheme('system'));

  it.each([
    ['light', '#eef3f7', '#ffffff'],
    ['dark', '#08131c', '#08131c'],
    ['high-contrast', '#000000', '#000000'],
  ] as const)('%s sets its palette, including text on zone colours', (theme, bg, onZone) => {
    applyTheme(theme);
    expect(token('--aq-color-bg')).toBe(bg);
    expect(token('--aq-on-zone')).toBe(onZone);
  });

  it('follows the phone when set to system', () => {
    applyTheme('system');
    expect(document.documentElement.dataset['theme']).toBeUndefined();
    expect(['#eef3f7', '#08131c']).toContain(token('--aq-color-bg'));
  });
});
