/**
 * `diagnose` is `compile` without the plan: for every text and options it must
 * give the same `ok`, diagnostics and syntax tree, with `plan` null. The
 * editor shows its diagnostics on every keystroke, so any difference would be
 * a wrong diagnostic on screen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fiveHundredLines } from '../../bench/editor';
import { compile, diagnose, MAX_INTERVALS, MAX_SOURCE_BYTES, planOf, type CompileOptions } from '../../src/dsl/index';
import { parseFixtures } from './fixture-format';

const workoutsDir = new URL('../../workouts/', import.meta.url);
const BUILT_INS = readdirSync(workoutsDir)
  .filter((f) => f.endsWith('.workout'))
  .sort()
  .map((f) => ({ name: f, source: readFileSync(new URL(f, workoutsDir), 'utf8') }));
const FIXTURES = parseFixtures(readFileSync(new URL('./fixtures/bad.txt', import.meta.url), 'utf8'));

/** diagnose gives what compile gives but the plan; planOf, from diagnose's tree, gives compile's plan. */
function expectSame(source: string, options?: CompileOptions): void {
  const full = compile(source, options);
  const checked = diagnose(source, options);
  expect(checked).toEqual({ ...full, plan: null });
  // The editor checks without options, then expands with the choices made (where the text has no errors).
  const plain = diagnose(source);
  if (plain.ok) expect(planOf(source, plain.workout!, options)).toEqual(full.plan);
}

describe('diagnose', () => {
  it('agrees with compile on every built-in workout, and leaves the plan out (planOf gives it)', () => {
    expect(BUILT_INS.length).toBeGreaterThan(5);
    for (const { source } of BUILT_INS) {
      expect(compile(source).plan).not.toBeNull();
      expect(diagnose(source).plan).toBeNull();
      expectSame(source);
    }
  });

  it('agrees with compile on every bad-input fixture', () => {
    expect(FIXTURES.length).toBeGreaterThan(20);
    for (const f of FIXTURES) expectSame(f.source);
  });

  it('agrees with compile on the editor bench’s 500 lines, and with a typo in them', () => {
    const text = fiveHundredLines();
    const at = text.indexOf('30s sprint', text.length / 2) + '30s sprint'.length;
    expectSame(text);
    expectSame(`${text.slice(0, at)}x${text.slice(at)}`);
  });

  it('agrees with compile with every line of every built-in taken out, and with each line doubled', () => {
    for (const { source } of BUILT_INS) {
      const lines = source.split('\n');
      lines.forEach((_, i) => {
        expectSame([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
        expectSame([...lines.slice(0, i + 1), ...lines.slice(i)].join('\n'));
      });
    }
  });

  it('reports a workout with too many intervals where compile does, at the cap exactly and one past it', () => {
    const sided = '# T\n';
    const cases = [
      `# T\n${MAX_INTERVALS}x\n  10s`,
      `# T\n${MAX_INTERVALS + 1}x\n  10s`,
      `# T\n${MAX_INTERVALS / 2}x\n  10s\n  between 5s rest`,
      `# T\n${MAX_INTERVALS / 2 + 1}x\n  10s\n  between 5s rest`,
      // A sided step is three intervals (left, the switch, right): the cap can fall on the switch.
      `${sided}${Math.floor(MAX_INTERVALS / 3)}x\n  10s each side`,
      `${sided}${Math.floor(MAX_INTERVALS / 3)}x\n  10s each side\n10s each side`,
      `${sided}switch: 0s\n${MAX_INTERVALS / 2}x\n  10s each side\n10s`,
      `# T\n10s\n${MAX_INTERVALS}x\n  10s\n1m`,
      `# T\nladder 1s to 2000s by 1s\n  * sprint`,
      `# T\n${MAX_INTERVALS}x 10s`,
      // Nested blocks, between steps at each level (sided ones too), and a ladder with one.
      '# T\n10x\n  10x\n    9x\n      10s\n      between 5s rest each leg\n    between 1m easy\n  between 2m rest\n1m',
      '# T\n10x\n  10x\n    10x\n      10s\n      between 5s rest\n    between 1m easy\n  between 2m rest',
      '# T\n5x\n  ladder 1m to 5m to 1m by 1s\n    * sprint\n    between 30s rest',
      '# T\n2x\n  ladder 1m to 40m by 1m\n    * sprint each arm\n    between 30s rest\n  between 1m easy',
    ];
    for (const source of cases) expectSame(source);
    expect(cases.map((s) => diagnose(s).diagnostics.some((d) => d.code === 'too-long'))).toEqual(
      cases.map((s) => compile(s).diagnostics.some((d) => d.code === 'too-long')),
    );
    expect(diagnose(cases[1]!).diagnostics.map((d) => d.code)).toEqual(['too-long']);
  });

  it('agrees with compile on a text over the size limit', () => {
    expectSame(`# T\n${'10s\n'.repeat(MAX_SOURCE_BYTES / 4 + 1)}`);
  });

  it('agrees with compile on choices and weeks, in range and out of it', () => {
    const ranged = '# T\n3-5x\n  20-30s sprint\n  1m rest';
    const weekly = '# T\nweeks: 4\n2->4x\n  30s->1m sprint';
    const choices: CompileOptions[] = [{}, { choices: { '2:1': 4, '3:3': 25 } }, { choices: { '2:1': 9 } }, { choices: { '3': 31 } }];
    for (const options of choices) expectSame(ranged, options);
    for (const week of [1, 2, 4, 5, 0, 1.5]) expectSame(weekly, { week });
    expect(diagnose(weekly, { week: 5 }).diagnostics.map((d) => d.code)).toEqual(['week-out-of-range']);
    // Counts chosen or grown over weeks decide whether the workout is too long.
    const near = `# T\n10s\n1990-2010x\n  10s`;
    for (const n of [1990, 1999, 2000, 2010]) expectSame(near, { choices: { '3:1': n } });
    expect(diagnose(near, { choices: { '3:1': 1999 } }).ok).toBe(true);
    expect(diagnose(near, { choices: { '3:1': 2000 } }).ok).toBe(false);
    const growing = `# T\nweeks: 5\n1000->2500x\n  10s`;
    for (const week of [1, 2, 3, 4, 5]) expectSame(growing, { week });
  });
});
