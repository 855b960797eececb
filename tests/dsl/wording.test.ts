/** One wording of rounds, sides and targets for every screen, the cues and the command line. */
import { describe, expect, it } from 'vitest';
import { roundOf, roundText, sideLabel, sideText, spokenSide, targetText } from '../../src/dsl/wording';

describe('wording', () => {
  it('names the innermost repeat, rung or set', () => {
    expect(roundText([])).toBe('');
    expect(
      roundText([
        { kind: 'round', index: 2, count: 3 },
        { kind: 'set', index: 1, count: 3 },
      ]),
    ).toBe('Set 1 of 3');
    expect(roundOf({ kind: 'rung', index: 2, count: 17 })).toBe('Rung 2 of 17');
  });

  it('shows a side with its kind unless it is just a side, and says it with "side"', () => {
    expect(sideText('left')).toBe('Left');
    expect(sideText(null)).toBe('');
    expect(sideLabel({ side: 'right', sideKind: 'leg' })).toBe('Right leg');
    expect(sideLabel({ side: 'left', sideKind: 'side' })).toBe('Left');
    expect(sideLabel({ side: null, sideKind: null })).toBe('');
    expect(spokenSide({ side: 'left', sideKind: null })).toBe('Left side');
    expect(spokenSide({ side: 'right', sideKind: 'leg' })).toBe('Right leg');
  });

  it('gives targets as % HRmax or bpm, with the beats when HRmax is known', () => {
    expect(targetText(null)).toBe('');
    expect(targetText({ low: 87, high: 92, unit: '%HRmax' })).toBe('87-92% HRmax');
    expect(targetText({ low: 90, high: 90, unit: '%HRmax' })).toBe('90% HRmax');
    expect(targetText({ low: 140, high: 150, unit: 'bpm' }, 185)).toBe('140-150 bpm');
    expect(targetText({ low: 87, high: 92, unit: '%HRmax' }, 185)).toBe('87-92% HRmax (161-170 bpm)');
    expect(targetText({ low: 95, high: 95, unit: '%HRmax' }, 200)).toBe('95% HRmax (190 bpm)');
  });
});
