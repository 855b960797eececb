import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { DEFAULT_SETTINGS } from '../../../src/app/shared/settings';
import '../../../src/app/settings/aq-settings-page';
import { unmountAll } from '../helpers';

afterEach(async () => {
  unmountAll();
  document.body.style.margin = '';
  await page.viewport(390, 844);
});

/** The settings page as the app shows it on a phone this wide: the page padding, 16 px each side. */
async function onPhone(width: number, height: number) {
  await page.viewport(width, height);
  document.body.style.margin = '0';
  const frame = document.createElement('div');
  frame.style.cssText = 'padding-inline: 16px';
  document.body.append(frame);
  const el = document.createElement('aq-settings-page');
  el.settings = DEFAULT_SETTINGS;
  frame.append(el);
  await el.updateComplete;
  return el;
}

/** The box around a label's own words (its text, not its controls). */
function wordsBox(label: Element): DOMRect {
  const range = document.createRange();
  const text = [...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
  range.setStartBefore(text[0]!);
  range.setEndAfter(text.at(-1)!);
  return range.getBoundingClientRect();
}

describe('<aq-settings-page>', () => {
  it.each([
    [320, 640],
    [390, 844],
  ])('at %ix%i keeps every box and radio beside its words and the volume beside its value, with no sideways scroll', async (width, height) => {
    await onPhone(width, height);
    const choices = [...page.getByRole('checkbox').elements(), ...page.getByRole('radio').elements()];
    expect(choices.length).toBeGreaterThanOrEqual(5);
    for (const input of choices) {
      const box = input.getBoundingClientRect();
      const words = wordsBox(input.closest('label')!);
      const name = input.closest('label')!.textContent!.trim();
      expect(box.right, `${name}: box before its words`).toBeLessThanOrEqual(words.left);
      expect(box.bottom > words.top && box.top < words.bottom, `${name}: box on the words' line`).toBe(true);
    }
    const slider = page
      .getByRole('slider', { name: /^Volume/ })
      .element()
      .getBoundingClientRect();
    const value = page.getByText('100%', { exact: true }).element().getBoundingClientRect();
    expect(Math.abs(slider.top + slider.height / 2 - (value.top + value.height / 2)), 'the value on the slider’s line').toBeLessThan(4);
    expect(slider.width).toBeGreaterThan(150);
    expect(value.right).toBeLessThanOrEqual(width - 16);
    expect(document.documentElement.scrollWidth).toBe(width);
  });
});

describe('<aq-settings-page> with the screen off', () => {
  it('says what this browser will do, from what it supports (Chromium: the cue track, lock-screen controls)', async () => {
    const el = await onPhone(390, 844);
    await expect.element(page.getByRole('group', { name: 'With the screen off' })).toBeVisible();
    const items = [...el.shadowRoot!.querySelectorAll('.screen-off li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items[0]).toMatch(/^Tones: Keep coming with the screen off/);
    expect(items[1]).toMatch(/^Lock screen and headphones: Pause, Play, Next/);
    // Chromium has no navigator.audioSession: words and buzzes need the page running.
    expect(items.some((i) => /Need the app itself to run/.test(i))).toBe(true);
  });

  it('offers the cues over one’s own music, says what changes, and saves the choice', async () => {
    const el = await onPhone(390, 844);
    const changes: boolean[] = [];
    el.addEventListener('aq-settings-change', (e) => changes.push((e as CustomEvent<{ mixWithMusic: boolean }>).detail.mixWithMusic));
    const group = page.getByRole('group', { name: 'Cues and your music' });
    const first = group.getByRole('radio', { name: 'Cues first, even with the screen off' });
    const over = group.getByRole('radio', { name: 'Cues over my music' });
    await expect.element(first).toBeChecked();
    await expect.element(first).toHaveAccessibleDescription(/another app’s music pauses/);
    await expect.element(over).toHaveAccessibleDescription(/Your music keeps playing/);
    const items = () => [...el.shadowRoot!.querySelectorAll('.screen-off li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items().at(-1)).toMatch(/^Your music: Pauses when the cue track starts/);

    await over.click();
    expect(changes).toEqual([true]);
    await el.updateComplete;
    expect(items()[0]).toMatch(/^Tones: Only while Aquajog is on screen/);
    expect(items()[1]).toMatch(/^Lock screen and headphones: The buttons stay with your music app/);
    expect(items().at(-1)).toMatch(/^Your music: Keeps playing/);

    await first.click();
    expect(changes).toEqual([true, false]);
    await el.updateComplete;
    expect(items()[0]).toMatch(/^Tones: Keep coming with the screen off/);
  });
});
