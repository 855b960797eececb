/**
 * `when:` and `programme:` read into the plan: every form of `when:` with the
 * spaces, cases and characters phones type, and `programme:` with and without
 * `optional`. Their errors are fixtures in fixtures/bad.txt.
 */
import { describe, expect, it } from 'vitest';
import { compile, planSchema, type Plan } from '../../src/dsl/index';

function planWith(settings: string): Plan {
  const result = compile(`# T\n${settings}\n1m easy\n`);
  expect(result.diagnostics).toEqual([]);
  expect(planSchema.safeParse(result.plan).success).toBe(true);
  return result.plan!;
}

function errorsOf(settings: string): string[] {
  const result = compile(`# T\n${settings}\n1m easy\n`);
  expect(result.ok).toBe(false);
  return result.diagnostics.map((d) => `${d.line}:${d.column}-${d.endColumn} ${d.code}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
}

describe('when:', () => {
  it.each([
    ['daily', { kind: 'daily', min: 1, max: 1 }],
    ['Daily', { kind: 'daily', min: 1, max: 1 }],
    ['3x daily', { kind: 'daily', min: 3, max: 3 }],
    ['3X DAILY', { kind: 'daily', min: 3, max: 3 }],
    ['3 x daily', { kind: 'daily', min: 3, max: 3 }],
    ['3\u00D7 daily', { kind: 'daily', min: 3, max: 3 }],
    ['1x daily', { kind: 'daily', min: 1, max: 1 }],
    ['2-5x daily', { kind: 'daily', min: 2, max: 5 }],
    ['2 - 5 x daily', { kind: 'daily', min: 2, max: 5 }],
    ['2\u20135\u00D7 daily', { kind: 'daily', min: 2, max: 5 }],
    ['3-3x daily', { kind: 'daily', min: 3, max: 3 }],
    ['24x daily', { kind: 'daily', min: 24, max: 24 }],
    ['3x weekly', { kind: 'weekly', times: 3 }],
    ['1x Weekly', { kind: 'weekly', times: 1 }],
    ['Mon, Wed, Fri', { kind: 'days', days: ['mon', 'wed', 'fri'] }],
    ['Fri, Mon', { kind: 'days', days: ['mon', 'fri'] }],
    ['mon,wed', { kind: 'days', days: ['mon', 'wed'] }],
    ['Tuesday Thursday', { kind: 'days', days: ['tue', 'thu'] }],
    ['SAT, sun, Sat', { kind: 'days', days: ['sat', 'sun'] }],
    ['Tues, Thurs, Weds', { kind: 'days', days: ['tue', 'wed', 'thu'] }],
    ['Sun', { kind: 'days', days: ['sun'] }],
  ])('reads "when: %s"', (when, schedule) => {
    const plan = planWith(`when: ${when}`);
    expect(plan.schedule).toEqual(schedule);
  });

  it('keeps the text as written (normalised) for display, and ignores a comment after it', () => {
    expect(planWith('when: 3x daily').when).toBe('3x daily');
    expect(planWith('when: 2\u20135\u00D7 daily   // from the article').when).toBe('2-5x daily');
  });

  it('is null with no when:', () => {
    expect(planWith('tags: rehab').schedule).toBeNull();
  });

  it('reports what it cannot read on the value, with the forms it can', () => {
    const general = 'bad-when: Write when: 3x daily (or daily, 2-5x daily, 3x weekly, Mon, Wed, Fri).';
    expect(errorsOf('when: 3 times a day')).toEqual([`2:7-20 ${general}`]);
    expect(errorsOf('when: twice daily')).toEqual([`2:7-18 ${general}`]);
    expect(errorsOf('when: every day')).toEqual([`2:7-16 ${general}`]);
    expect(errorsOf('when: 3x')).toEqual([`2:7-9 ${general}`]);
    expect(errorsOf('when: 3x monthly')).toEqual([`2:7-17 ${general}`]);
    expect(errorsOf('when: daily, Mon')).toEqual([`2:7-17 ${general}`]);
  });

  it('checks the numbers: at least 1, ranges forwards, a day at most 24, a week one number', () => {
    expect(errorsOf('when: 0x daily')).toEqual(['2:7-8 at-least-one: Must be at least 1.']);
    expect(errorsOf('when: 0x weekly')).toEqual(['2:7-8 at-least-one: Must be at least 1.']);
    expect(errorsOf('when: 5-2x daily')).toEqual(['2:7-10 range-backwards: This range runs backwards: write 2-5x daily.']);
    expect(errorsOf('when: 25x daily')).toEqual(['2:7-9 bad-when: At most 24 a day, e.g. when: 3x daily.']);
    expect(errorsOf('when: 2-3x weekly')).toEqual(['2:7-10 bad-when: Give a week one number, e.g. when: 3x weekly.']);
  });

  it('names a day it does not know, with the nearest day as a hint', () => {
    expect(errorsOf('when: Mon, Funday')).toEqual(['2:12-18 unknown-day: Unknown day "Funday". (Did you mean "Sun"?)']);
    expect(errorsOf('when: Mon, Wdnesday')).toEqual(['2:12-20 unknown-day: Unknown day "Wdnesday". (Did you mean "Wed"?)']);
    expect(errorsOf('when: Mon, constructor')).toEqual(['2:12-23 unknown-day: Unknown day "constructor". (Days are Mon, Tue, Wed, Thu, Fri, Sat and Sun.)']);
    expect(errorsOf('when: Mon, Xyz')).toEqual(['2:12-15 unknown-day: Unknown day "Xyz". (Days are Mon, Tue, Wed, Thu, Fri, Sat and Sun.)']);
  });
});

describe('programme:', () => {
  it.each([
    ['Fredericson', { name: 'Fredericson', optional: false }],
    ['Fredericson, optional', { name: 'Fredericson', optional: true }],
    ['Fredericson ,Optional', { name: 'Fredericson', optional: true }],
    ['Knee  rehab, OPTIONAL', { name: 'Knee rehab', optional: true }],
    ['"Knee rehab"', { name: 'Knee rehab', optional: false }],
  ])('reads "programme: %s"', (text, programme) => {
    expect(planWith(`programme: ${text}`).programme).toEqual(programme);
  });

  it('is null with no programme:', () => {
    expect(planWith('when: daily').programme).toBeNull();
  });

  it('needs a name, and only "optional" after it', () => {
    expect(errorsOf('programme:')).toEqual([
      '2:1-11 empty-setting: Give the programme a name. (For example: programme: Fredericson (or programme: Fredericson, optional for an extra).)',
    ]);
    expect(errorsOf('programme: ""')).toEqual([
      '2:12-14 empty-setting: Give the programme a name. (For example: programme: Fredericson (or programme: Fredericson, optional for an extra).)',
    ]);
    expect(errorsOf('programme: Knee, extra')).toEqual(['2:18-23 bad-programme: Only "optional" goes after the name: programme: Fredericson, optional.']);
  });

  it('is a setting, so it goes before the first step', () => {
    const result = compile('# T\n1m easy\nprogramme: Knee\n');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['setting-after-step']);
  });
});
