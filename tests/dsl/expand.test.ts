import { describe, expect, it } from 'vitest';
import { codeFrame, compile, type Interval, type Plan } from '../../src/dsl/index';

function plan(source: string, options: Parameters<typeof compile>[1] = {}): Plan {
  const result = compile(source, options);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.plan!;
}
const brief = (i: Interval) => [i.start, i.duration, i.zone, i.label, i.side ?? '', i.rounds.map((r) => `${r.kind} ${r.index}/${r.count}`).join(' ')];

describe('repeats and between', () => {
  it('runs between steps between rounds, never after the last', () => {
    const p = plan('# T\n3x\n  1m sprint\n  between 30s rest');
    expect(p.intervals.map(brief)).toEqual([
      [0, 60, 'sprint', 'Sprint', '', 'round 1/3'],
      [60, 30, 'rest', 'Rest', '', 'round 1/3'],
      [90, 60, 'sprint', 'Sprint', '', 'round 2/3'],
      [150, 30, 'rest', 'Rest', '', 'round 2/3'],
      [180, 60, 'sprint', 'Sprint', '', 'round 3/3'],
    ]);
    expect(p.intervals[1]!.role).toBe('between');
  });

  it('nests repeats three deep and records every enclosing round', () => {
    const p = plan('# T\n2x\n  2x\n    2x\n      10s');
    expect(p.intervals).toHaveLength(8);
    expect(p.intervals[5]!.rounds.map((r) => r.index)).toEqual([2, 1, 2]);
  });

  it('reads a one-line block', () => {
    const p = plan('# T\n3x 15 reps "Clamshell" each side');
    expect(p.intervals.map((i) => `${i.label}:${i.side ?? '-'}:${i.rounds[0]!.kind}${i.rounds[0]!.index}`)).toEqual([
      'Clamshell:left:set1',
      'Switch sides:-:set1',
      'Clamshell:right:set1',
      'Clamshell:left:set2',
      'Switch sides:-:set2',
      'Clamshell:right:set2',
      'Clamshell:left:set3',
      'Switch sides:-:set3',
      'Clamshell:right:set3',
    ]);
  });
});

describe('ranges are chosen before the start', () => {
  const source = '# T\n10-15x\n  1m easy\n20-30s "Plank"';

  it('default to the low end and list the choices', () => {
    const p = plan(source);
    expect(p.choices.map((c) => [c.id, c.kind, c.min, c.max, c.label])).toEqual([
      ['2:1', 'count', 10, 15, 'Rounds'],
      ['4:1', 'time', 20, 30, 'Plank'],
    ]);
    expect(p.totalSeconds).toBe(10 * 60 + 20);
    expect(p.chosen).toEqual({ '2:1': 10, '4:1': 20 });
  });

  it('take a value by choice id or by line', () => {
    expect(plan(source, { choices: { '2:1': 12, '4': 25 } }).totalSeconds).toBe(12 * 60 + 25);
  });

  it('refuse a value outside the range, at the range', () => {
    const r = compile(source, { choices: { '2:1': 16 } });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([['choice-out-of-range', 2, 1, 'Choose from 10 to 15.']]);
  });

  it('accept a range written with full times or an en dash', () => {
    expect(plan('# T\n1:00-1:30 easy').choices[0]).toMatchObject({ min: 60, max: 90 });
    expect(plan('# T\n10\u201315x\n  1s').choices[0]).toMatchObject({ min: 10, max: 15, kind: 'count' });
  });
});

describe('progressions grow over the weeks', () => {
  const source = '# T\nweeks: 6\n1->3x\n  15->30 reps\n30s->1m easy';
  const at = (week: number) => {
    const p = plan(source, { week });
    return [p.intervals.filter((i) => i.amount === 'reps').length, p.intervals[0]!.reps, p.intervals.at(-1)!.duration];
  };

  it('interpolate counts to whole numbers and times to 5 s', () => {
    expect([1, 2, 3, 4, 5, 6].map(at)).toEqual([
      [1, 15, 30],
      [1, 18, 35],
      [2, 21, 40],
      [2, 24, 50],
      [3, 27, 55],
      [3, 30, 60],
    ]);
  });

  it('refuse a week outside the plan', () => {
    const r = compile(source, { week: 7 });
    expect(r.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([['week-out-of-range', 2, 'Choose a week from 1 to 6.']]);
  });
});

describe('ladders', () => {
  it('climb and come back down without repeating the top', () => {
    const p = plan('# T\nladder 30s to 90s to 30s by 30s\n  * hard\n  between 10s easy');
    expect(p.intervals.filter((i) => i.zone === 'hard').map((i) => i.duration)).toEqual([30, 60, 90, 60, 30]);
    expect(p.intervals.filter((i) => i.role === 'between')).toHaveLength(4);
  });

  it('run downwards too, with * inside a nested repeat', () => {
    const p = plan('# T\nladder 3m to 1m by 1m\n  2x\n    * sprint\n    between 30s rest');
    expect(p.intervals.filter((i) => i.zone === 'sprint').map((i) => i.duration)).toEqual([180, 180, 120, 120, 60, 60]);
  });
});

describe('sides, reps, tempo, open', () => {
  it('runs each side as Left, a switch gap, then Right', () => {
    const p = plan('# T\nswitch: 10s\n30s "Figure-4" each leg');
    expect(p.intervals.map(brief)).toEqual([
      [0, 30, 'work', 'Figure-4', 'left', ''],
      [30, 10, 'rest', 'Switch legs', '', ''],
      [40, 30, 'work', 'Figure-4', 'right', ''],
    ]);
    expect(p.intervals[1]!.role).toBe('switch');
  });

  it('leaves out the switch gap when switch is 0s', () => {
    expect(plan('# T\nswitch: 0s\n30s each arm').intervals.map((i) => i.side)).toEqual(['left', 'right']);
  });

  it('times reps paced by tempo, and hold means tempo 2-H-2', () => {
    const p = plan('# T\n10 reps tempo 2-5-2 "Bridge"\n5 reps hold 5s "Wall"\n15 reps "Clamshell"\n10 steps "Band walk"');
    expect(p.intervals.map((i) => [i.amount, i.reps, i.duration, i.tempo])).toEqual([
      ['reps', 10, 90, { up: 2, hold: 5, down: 2 }],
      ['reps', 5, 45, { up: 2, hold: 5, down: 2 }],
      ['reps', 15, null, null],
      ['steps', 10, null, null],
    ]);
    expect(p.untimedCount).toBe(2);
    expect(p.totalSeconds).toBe(135);
  });

  it('waits for Done on open steps, which add nothing to later offsets', () => {
    const p = plan('# T\nopen "Get into the deep end"\n1m easy');
    expect(p.intervals.map((i) => [i.amount, i.start, i.duration])).toEqual([
      ['open', 0, null],
      ['time', 0, 60],
    ]);
  });

  it('marks warm-up and cool-down', () => {
    const p = plan('# T\nwarmup 5m easy\n1m sprint\ncooldown 5m easy');
    expect(p.intervals.map((i) => [i.role, i.label])).toEqual([
      ['warmup', 'Warm-up'],
      ['step', 'Sprint'],
      ['cooldown', 'Cool-down'],
    ]);
  });
});

describe('zones and targets', () => {
  it('gives built-in zones their heart-rate targets; a step target wins', () => {
    const p = plan('# T\n1m medium\n1m medium 140-150 bpm\n1m easy');
    expect(p.intervals.map((i) => i.target)).toEqual([{ low: 87, high: 92, unit: '%HRmax' }, { low: 140, high: 150, unit: 'bpm' }, null]);
  });

  it('lets a file add and override zones', () => {
    const p = plan('# T\nzone threshold 80-87% HRmax "Threshold"\nzone easy 60-70% HRmax\n5m threshold\n1m easy');
    const threshold = p.zones.find((z) => z.name === 'threshold')!;
    expect(threshold).toMatchObject({ label: 'Threshold', target: { low: 80, high: 87, unit: '%HRmax' } });
    expect(threshold.intensity).toBeGreaterThan(p.zones.find((z) => z.name === 'work')!.intensity);
    expect(p.intervals[1]!.target).toEqual({ low: 60, high: 70, unit: '%HRmax' });
  });

  it('orders built-in zones by intensity, rest lowest, sprint highest', () => {
    const names = [...plan('# T\n1m').zones].sort((a, b) => a.intensity - b.intensity).map((z) => z.name);
    expect(names).toEqual(['rest', 'easy', 'work', 'medium', 'hard', 'sprint']);
  });
});

describe('notes, settings, comments', () => {
  it('keeps workout notes, step notes and settings', () => {
    const p = plan('# T\nwhen: 3x daily\ntags: Rehab, stretch\n> See https://example.org/x\n15s each side // per side\n  > Hold still.\n');
    expect(p.notes).toEqual(['See https://example.org/x']);
    expect(p.when).toBe('3x daily');
    expect(p.tags).toEqual(['rehab', 'stretch']);
    expect(p.intervals[0]!.notes).toEqual(['Hold still.']);
  });
});

describe('what phones type', () => {
  it('reads curly quotes, the multiplication sign, no-break spaces, CRLF and a BOM', () => {
    const p = plan('\uFEFF# T\r\n3\u00D7\u00A01m easy \u201CGo\u201D\r\n');
    expect(p.intervals.map((i) => i.label)).toEqual(['Go', 'Go', 'Go']);
  });

  it('counts columns in code points, after an emoji', () => {
    const r = compile('# T\n1m "\u{1F3CA}" sprnt');
    expect(r.diagnostics[0]).toMatchObject({ code: 'unknown-word', line: 2, column: 8, endColumn: 13 });
  });
});

describe('code frames', () => {
  it('put a caret under the error', () => {
    const source = '# T\n3:5 easy\n';
    const d = compile(source).diagnostics[0]!;
    expect(codeFrame(source, d)).toBe('2 | 3:5 easy\n  | ^^^');
  });
});
