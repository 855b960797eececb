import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/dsl';
import { applyFix, fixFor } from '../../../src/app/editor/fixes';

/** Applies the first diagnostic's fix; returns the new text and what the button said. */
function fixFirst(source: string): { label: string; text: string } | null {
  const diagnostic = compile(source).diagnostics[0];
  if (!diagnostic) throw new Error('no diagnostic');
  const fix = fixFor(diagnostic, source);
  return fix && { label: fix.label, text: applyFix(source, fix) };
}

describe('one-tap fixes', () => {
  it('take the suggestion of a typo', () => {
    expect(fixFirst('# T\n1m sprnt')).toEqual({ label: 'Change to “sprint”', text: '# T\n1m sprint' });
    expect(fixFirst('# T\nwhn: daily\n1m easy')).toEqual({ label: 'Change to “when”', text: '# T\nwhen: daily\n1m easy' });
  });

  it('give seconds two digits and turn a backwards range round', () => {
    expect(fixFirst('# T\n3:5 easy')).toEqual({ label: 'Change to 3:05', text: '# T\n3:05 easy' });
    expect(fixFirst('# T\n15-10x\n  1m easy')).toEqual({ label: 'Change to 10-15x', text: '# T\n10-15x\n  1m easy' });
  });

  it('turn tabs in an indent into two spaces each', () => {
    expect(fixFirst('# T\n4x\n\t1m easy\n\t1m rest')).toEqual({ label: 'Use two spaces for each tab', text: '# T\n4x\n  1m easy\n\t1m rest' });
  });

  it('leave alone what only the writer can decide', () => {
    expect(fixFirst('# T\n10mn easy')).toBeNull();
    expect(fixFirst('# T\n1m qwertyuiop')).toBeNull();
    expect(fixFirst('1m easy')).toBeNull();
  });

  it('fix the text the diagnostic points at, even after emoji and curly quotes', () => {
    const source = '# 🏊 “T”\n1m easy "🏊"\n1m sprnt';
    const fixed = fixFirst(source);
    expect(fixed?.text).toBe('# 🏊 “T”\n1m easy "🏊"\n1m sprint');
    expect(compile(fixed!.text).ok).toBe(true);
  });
});
