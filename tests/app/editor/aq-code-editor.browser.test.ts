import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { compile } from '../../../src/dsl';
import { lineSegments, segments } from '../../../src/app/editor/aq-code-editor';
import '../../../src/app/editor/aq-code-editor';
import { mount, unmountAll } from '../helpers';

afterEach(unmountAll);

/** A text of `count` lines of "1m easy" under a title, with some lines replaced (1-based). */
function longText(count: number, replaced: Readonly<Record<number, string>>): string {
  return Array.from({ length: count }, (_, i) => replaced[i + 1] ?? (i === 0 ? '# Long' : '1m easy')).join('\n');
}

/** Two frames: the first's scroll, resize and ResizeObserver handlers have run, and the update they asked for. */
async function settle(editor: HTMLElementTagNameMap['aq-code-editor']): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await editor.updateComplete;
}

/** The mark sits where the textarea draws line `line` (1-based) from column `column` (0-based). */
function expectUnder(root: ShadowRoot, mark: Element, line: number, column: number): void {
  const area = root.querySelector('textarea')!;
  const box = area.getBoundingClientRect();
  const style = getComputedStyle(area);
  const lineHeight = parseFloat(style.lineHeight);
  const at = mark.getBoundingClientRect();
  const charWidth = at.width / mark.textContent!.length;
  expect(at.top - box.top - parseFloat(style.paddingTop)).toBeGreaterThanOrEqual((line - 1) * lineHeight - 1);
  expect(at.bottom - box.top - parseFloat(style.paddingTop)).toBeLessThanOrEqual(line * lineHeight + 1);
  expect(at.left - box.left - parseFloat(style.paddingLeft)).toBeCloseTo(column * charWidth, 0);
}

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

  it('draws the lines near the screen only, and the underline of the last line once scrolled there', async () => {
    window.scrollTo(0, 0);
    const text = longText(500, { 500: '1m sprnt' });
    const editor = await mount('aq-code-editor', { value: text, diagnostics: compile(text).diagnostics });
    const root = editor.shadowRoot!;
    const drawn = () => [...root.querySelectorAll('.gutter div')].map((d) => d.textContent!.trim());
    // At the top: line 1 on, far fewer blocks than lines, the textarea whole.
    await settle(editor);
    expect(drawn()[0]).toBe('1');
    expect(drawn().length).toBeLessThan(250);
    expect(root.querySelectorAll('.overlay .line').length).toBe(drawn().length);
    expect(root.querySelector('.overlay mark')).toBeNull();
    expect(root.querySelector('textarea')!.value).toBe(text);

    // At the bottom: the last lines are drawn, the problem marked in the gutter and underlined under its word.
    window.scrollTo(0, document.documentElement.scrollHeight);
    await settle(editor);
    expect(drawn().at(-1)).toBe('! 500');
    expect(drawn().length).toBeLessThan(250);
    const mark = root.querySelector('.overlay mark')!;
    expect(mark.textContent).toBe('sprnt');
    expectUnder(root, mark, 500, 3);
    const box = mark.getBoundingClientRect();
    expect(box.bottom).toBeGreaterThan(0);
    expect(box.top).toBeLessThan(window.innerHeight);
  });

  it('jumps to a line the window hasn’t drawn: draws it, scrolls it into view, selects the word', async () => {
    window.scrollTo(0, 0);
    const text = longText(500, { 420: '1m sprnt' });
    const editor = await mount('aq-code-editor', { value: text, diagnostics: compile(text).diagnostics });
    const root = editor.shadowRoot!;
    await settle(editor);
    expect(root.querySelector('.overlay mark')).toBeNull();
    const d = compile(text).diagnostics[0]!;
    expect(d.line).toBe(420);
    editor.reveal(d.offset, d.endOffset, d.line);
    const area = root.querySelector('textarea')!;
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe('sprnt');
    const mark = root.querySelector('.overlay mark')!;
    expect(mark.textContent).toBe('sprnt');
    expectUnder(root, mark, 420, 3);
    const box = mark.getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
    // After the scroll the window stays around the line.
    await settle(editor);
    expect(root.querySelector('.overlay mark')?.textContent).toBe('sprnt');
  });

  it('keeps the underlines under their words when the text is scrolled sideways by a long line out of the window', async () => {
    window.scrollTo(0, 0);
    const text = longText(500, { 2: `1m easy "${'A long name '.repeat(20)}"`, 420: '1m sprnt' });
    const editor = await mount('aq-code-editor', { value: text, diagnostics: compile(text).diagnostics });
    const root = editor.shadowRoot!;
    await settle(editor);
    const area = root.querySelector('textarea')!;
    area.scrollLeft = 40;
    area.dispatchEvent(new Event('scroll'));
    expect(area.scrollLeft).toBe(40);
    // Down to line 420: line 2, the long one, is no longer drawn; the text is still scrolled sideways.
    const box = area.getBoundingClientRect();
    window.scrollTo(0, window.scrollY + box.top + 400 * parseFloat(getComputedStyle(area).lineHeight));
    await settle(editor);
    expect(root.querySelector('.gutter div')!.textContent).not.toBe('2');
    expect(area.scrollLeft).toBe(40);
    const mark = root.querySelector('.overlay mark')!;
    expect(mark.textContent).toBe('sprnt');
    const style = getComputedStyle(area);
    const charWidth = mark.getBoundingClientRect().width / 'sprnt'.length;
    expect(mark.getBoundingClientRect().left - area.getBoundingClientRect().left - parseFloat(style.paddingLeft)).toBeCloseTo(3 * charWidth - 40, 0);
  });

  it('draws a keystroke once, with the diagnostics its listener hands down; without a listener, before the next frame', async () => {
    const text = '# T\n1m sprint\n1m rest';
    const editor = await mount('aq-code-editor', { value: text, diagnostics: compile(text).diagnostics });
    const root = editor.shadowRoot!;
    const area = root.querySelector('textarea')!;
    const lines = () => [...root.querySelectorAll('.overlay .line')].map((l) => l.textContent);
    const marks = () => [...root.querySelectorAll('.overlay mark')].map((m) => m.textContent);
    let renders = 0;
    const render = editor.render.bind(editor);
    editor.render = () => (renders++, render());
    // A listener that checks the text, as the editor page does.
    const check = () => (editor.diagnostics = compile(editor.value).diagnostics);
    editor.addEventListener('input', check);
    area.focus();
    area.setSelectionRange(13, 13);
    // A real key press: the browser dispatches the input event, and Lit's updates may run between its listeners.
    await userEvent.keyboard('x');
    await editor.updateComplete;
    expect(editor.value).toBe('# T\n1m sprintx\n1m rest');
    expect(lines()).toEqual(['# T', '1m sprintx', '1m rest']);
    expect(marks()).toEqual(['sprintx']);
    expect(renders).toBe(1);
    // Nobody listening: the text is still drawn, in the next frame.
    editor.removeEventListener('input', check);
    await userEvent.keyboard('{Backspace}');
    expect(editor.value).toBe('# T\n1m sprint\n1m rest');
    await settle(editor);
    expect(lines()).toEqual(['# T', '1m sprint', '1m rest']);
    // A new line: the textarea grows at once, before the browser scrolls to the caret.
    const rows = area.rows;
    await userEvent.keyboard('{Enter}');
    expect(editor.value).toBe('# T\n1m sprint\n\n1m rest');
    await editor.updateComplete;
    expect(area.rows).toBe(rows + 1);
    expect(area.scrollTop).toBe(0);
    expect(lines()).toEqual(['# T', '1m sprint', '', '1m rest']);
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
