import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { compile } from '../../../src/dsl';
import { lineSegments, segments } from '../../../src/app/editor/aq-code-editor';
import '../../../src/app/editor/aq-code-editor';
import { mount, unmountAll } from '../helpers';

afterEach(unmountAll);

describe('segments', () => {
  it('cut the text at each problem, an empty span marking one character', () => {
    const text = '# T\n1m sprnt\n3:5 easy';
    const cut = segments(text, compile(text).diagnostics);
    expect(cut.map((s) => s.text).join('')).toBe(text);
    expect(cut.filter((s) => s.severity !== null).map((s) => s.text)).toEqual(['sprnt', '3:5']);
  });
});

describe('lineSegments', () => {
  it('cut each line at its own problems', () => {
    const text = '# T\n1m easy\n1m sprnt\n\n3:5 easy';
    const lines = lineSegments(text, compile(text).diagnostics);
    expect(lines.map((line) => line.map((s) => s.text).join(''))).toEqual(text.split('\n'));
    expect(lines.map((line) => line.filter((s) => s.severity !== null).map((s) => s.text))).toEqual([[], [], ['sprnt'], [], ['3:5']]);
  });
});

describe('<aq-code-editor>', () => {
  it('numbers the lines, marks the ones with problems and underlines the words', async () => {
    const text = '# T\n4x\n  1m sprnt\n  1m rest';
    const editor = await mount('aq-code-editor', { value: text, diagnostics: compile(text).diagnostics });
    const root = editor.shadowRoot!;
    expect([...root.querySelectorAll('.gutter div')].map((d) => d.textContent!.trim())).toEqual(['1', '2', '! 3', '4']);
    expect([...root.querySelectorAll('.overlay mark')].map((m) => m.textContent)).toEqual(['sprnt']);
    // The underline sits under the word in the textarea: the same font, the same place.
    const mark = root.querySelector('.overlay mark')!.getBoundingClientRect();
    const area = root.querySelector('textarea')!;
    expect(getComputedStyle(area).fontFamily).toBe(getComputedStyle(root.querySelector('.overlay')!).fontFamily);
    // Line 3, column 6 ("  1m sprnt"): the mark starts where the textarea draws that character.
    const box = area.getBoundingClientRect();
    const style = getComputedStyle(area);
    const lineHeight = parseFloat(style.lineHeight);
    const charWidth = mark.width / 'sprnt'.length;
    expect(mark.top - box.top - parseFloat(style.paddingTop)).toBeGreaterThanOrEqual(2 * lineHeight - 1);
    expect(mark.bottom - box.top - parseFloat(style.paddingTop)).toBeLessThanOrEqual(3 * lineHeight + 1);
    expect(mark.left - box.left - parseFloat(style.paddingLeft)).toBeCloseTo(5 * charWidth, 0);
    // As tall as its text: the page scrolls, not the box.
    expect(area.scrollHeight).toBeLessThanOrEqual(area.clientHeight + 1);
  });

  it('is a plain textarea that the phone keyboard leaves alone, with its name', async () => {
    await mount('aq-code-editor', { value: '# T' });
    const box = page.getByRole('textbox', { name: 'Workout text' });
    await expect.element(box).toHaveAttribute('autocorrect', 'off');
    await expect.element(box).toHaveAttribute('autocapitalize', 'off');
    await expect.element(box).toHaveAttribute('spellcheck', 'false');
  });

  it('replaces text as an edit the browser can undo', async () => {
    const editor = await mount('aq-code-editor', { value: '# T\n1m sprnt' });
    let inputs = 0;
    editor.addEventListener('input', () => inputs++);
    editor.replace(7, 12, 'sprint');
    await editor.updateComplete;
    expect(editor.value).toBe('# T\n1m sprint');
    expect(inputs).toBe(1);
    document.execCommand('undo');
    await editor.updateComplete;
    expect(editor.value).toBe('# T\n1m sprnt');
  });
});
