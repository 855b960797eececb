import { describe, expect, it } from 'vitest';
import { readWorkoutFile, workoutFileName } from '../../../src/app/share/workout-file';

describe('.workout files', () => {
  it('are named after the workout, safely for every file system', () => {
    expect(workoutFileName('Pyramid')).toBe('Pyramid.workout');
    expect(workoutFileName('Wave: "hands" <up>/down?')).toBe('Wave hands up down.workout');
    expect(workoutFileName('...hidden')).toBe('hidden.workout');
    expect(workoutFileName('   ')).toBe('workout.workout');
    expect(workoutFileName('x'.repeat(300))).toBe(`${'x'.repeat(80)}.workout`);
  });

  it('read back as text, a byte-order mark dropped', async () => {
    expect(await readWorkoutFile(new Blob(['\ufeff# A\n1m easy']))).toEqual({ ok: true, text: '# A\n1m easy' });
  });

  it('refuse what can’t be a workout, saying why', async () => {
    const refused = async (blob: Blob) => {
      const read = await readWorkoutFile(blob);
      if (read.ok) throw new Error('read');
      return read.message;
    };
    expect(await refused(new Blob([Uint8Array.of(0x23, 0xff, 0xfe)]))).toMatch(/isn’t text/);
    expect(await refused(new Blob(['# A\u0000']))).toMatch(/isn’t text/);
    expect(await refused(new Blob(['  \n']))).toMatch(/empty/);
    expect(await refused(new Blob(['#'.repeat(64 * 1024 + 1)]))).toMatch(/too large/);
  });
});
