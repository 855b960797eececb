import { describe, expect, it } from 'vitest';
import { withProgrammeCheck } from '../../../src/app/editor/programme-check';
import { compile } from '../../../src/dsl';

const check = (text: string) => withProgrammeCheck(text, compile(text));

describe('a workout of one\u2019s own in a built-in programme', () => {
  it('must last as many weeks as the programme, with the message at its weeks: line', () => {
    const text = '# Knee extra\nwhen: daily\nweeks: 4\nprogramme: Fredericson\n10->20 reps "Step down" each leg\n';
    const result = check(text);
    expect(result.ok).toBe(false);
    expect(result.plan).toBeNull();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'programme-weeks',
        line: 3,
        column: 1,
        message: expect.stringMatching(
          /^Every workout in programme "Fredericson" with weeks: needs the same number \(4 here, 6 in workouts\/fredericson-(strength|stretches)\.workout\)\.$/,
        ),
      }),
    ]);
  });

  it('is fine when it agrees, or has no weeks:, or names another programme', () => {
    expect(check('# A\nweeks: 6\nprogramme: Fredericson\n10->20 reps "Step down" each leg\n').ok).toBe(true);
    expect(check('# B\nprogramme: Fredericson, optional\n10 reps "Step down" each leg\n').ok).toBe(true);
    expect(check('# C\nweeks: 4\nprogramme: Knee\n10->20 reps "Step down" each leg\n').ok).toBe(true);
  });
});
