// Captions that point: every caption that names an order carries that order as data, and the
// order a lesson points at follows its captions.
import { describe, expect, it } from 'vitest';
import { focusOrderAt } from '../../src/scenarios/beats.ts';
import { SCENARIOS, findScenario } from '../../src/scenarios/index.ts';

describe('focusOrder', () => {
  it('is set on every caption that names an order, to that order', () => {
    for (const scenario of SCENARIOS) {
      for (const beat of scenario.beats) {
        const named = /\b[Oo]rder (\d+)/.exec(beat.caption);
        expect(beat.focusOrder, `${scenario.id} at ${beat.atSec} s`).toBe(
          named ? Number(named[1]) : undefined,
        );
      }
    }
  });

  it('follows the caption showing at a moment', () => {
    const beats = findScenario('slow-email')!.beats;
    const six = beats.find((b) => b.focusOrder === 6)!;
    expect(focusOrderAt(beats, six.atSec * 1000 - 1)).toBe(0);
    expect(focusOrderAt(beats, six.atSec * 1000)).toBe(6);
    expect(focusOrderAt(beats, 0)).toBe(0);
  });
});

describe('captions', () => {
  it('are short enough to show whole in two lines of a 640x360 embed', () => {
    for (const scenario of SCENARIOS) {
      for (const beat of scenario.beats) {
        expect(beat.caption.length, `${scenario.id} at ${beat.atSec} s`).toBeLessThanOrEqual(160);
      }
    }
  });
});
