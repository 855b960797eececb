import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProgrammes, compile, withDiagnostics } from '../../src/dsl/index';
import { DIAGNOSTIC_CODES } from '../../src/dsl/diagnostics';
import { formatDiagnostic, MAIN_FILE, parseFixtures } from './fixture-format';

const fixtures = parseFixtures(readFileSync(new URL('./fixtures/bad.txt', import.meta.url), 'utf8'));

describe('bad inputs (tests/dsl/fixtures/bad.txt)', () => {
  it('has at least 40 cases', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });

  it('shows every diagnostic code at least once (the two that need options are in expand.test.ts)', () => {
    const shown = new Set(fixtures.flatMap((f) => f.expected.map((l) => / (?:error|warning) ([a-z0-9-]+):/.exec(l)?.[1])));
    const needOptions = ['choice-out-of-range', 'week-out-of-range'];
    expect(DIAGNOSTIC_CODES.filter((code) => !shown.has(code) && !needOptions.includes(code))).toEqual([]);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    // Every case is also a check across files, usually of one file.
    const files = [{ name: MAIN_FILE, source: f.source }, ...f.others].map((file) => ({ ...file, result: compile(file.source) }));
    const extra = checkProgrammes(files);
    const results = files.map((file, k) => withDiagnostics(file.result, extra[k]!));
    const shown = results.flatMap((r, k) => r.diagnostics.map((d) => (k === 0 ? '' : `${files[k]!.name}:`) + formatDiagnostic(d)));
    expect(shown).toEqual(f.expected);
    const result = results[0]!;
    const hasError = f.expected.some((l) => !/^[^:\s]+\.workout:/.test(l) && / error /.test(l));
    expect(result.ok).toBe(!hasError);
    if (hasError) expect(result.plan).toBeNull();
    else expect(result.plan).not.toBeNull();
  });
});
