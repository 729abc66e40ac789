// The charts' axis ticks: d3's steps, whole numbers for counts, one time format, and labels that
// never overlap or repeat, for any domain and axis length (fast-check, seeded).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisTicks, labelWidth, type Tick } from '../../src/analysis/ticks.ts';

const labels = (ticks: readonly Tick[]) => ticks.map((t) => t.label);

/** The smallest gap between neighbouring labels, in px, on a horizontal axis. */
function tightestGap(ticks: readonly Tick[], [lo, hi]: [number, number], lengthPx: number) {
  let gap = Infinity;
  for (let i = 1; i < ticks.length; i++) {
    const a = ticks[i - 1]!;
    const b = ticks[i]!;
    const apart = ((b.value - a.value) * lengthPx) / (hi - lo);
    gap = Math.min(gap, apart - (labelWidth(a.label) + labelWidth(b.label)) / 2);
  }
  return gap;
}

describe('a count axis', () => {
  it('with at most one message waiting reads 0 and 1, not 0 0 0 1 1 1', () => {
    expect(labels(axisTicks('count', [0, 1], 108, false))).toEqual(['0', '1']);
  });

  it('with up to 3 reads every whole number once', () => {
    expect(labels(axisTicks('count', [0, 3], 108, false))).toEqual(['0', '1', '2', '3']);
  });

  it('steps by d3’s 1, 2 or 5 times a power of ten, with thousands grouped', () => {
    expect(labels(axisTicks('count', [0, 2000], 108, false))).toEqual([
      '0',
      '500',
      '1,000',
      '1,500',
      '2,000',
    ]);
  });
});

describe('a time axis', () => {
  it('over 70 s of a 576 px chart reads whole seconds and then minutes, each once', () => {
    expect(labels(axisTicks('time', [0, 70_000], 576, true))).toEqual([
      '0 s',
      '10 s',
      '20 s',
      '30 s',
      '40 s',
      '50 s',
      '1:00',
      '1:10',
    ]);
  });

  it('over 10 minutes steps in minutes', () => {
    expect(labels(axisTicks('time', [0, 600_000], 576, true))).toEqual([
      '0 s',
      '2:00',
      '4:00',
      '6:00',
      '8:00',
      '10:00',
    ]);
  });

  it('under a second keeps the decimals its step needs', () => {
    expect(labels(axisTicks('time', [0, 1000], 576, true))).toEqual([
      '0.0 s',
      '0.2 s',
      '0.4 s',
      '0.6 s',
      '0.8 s',
      '1.0 s',
    ]);
  });

  it('on a narrow chart thins its ticks instead of overlapping them', () => {
    const ticks = axisTicks('time', [0, 70_000], 200, true);
    expect(ticks.length).toBeLessThan(5);
    expect(tightestGap(ticks, [0, 70_000], 200)).toBeGreaterThan(0);
  });
});

describe('any axis (fast-check, seed 20261201)', () => {
  const domain = fc
    .tuple(fc.integer({ min: 0, max: 3_600_000 }), fc.integer({ min: 1, max: 3_600_000 }))
    .map(([lo, span]) => [lo, lo + span] as [number, number]);

  it('has labels that neither repeat nor overlap, on ticks inside the domain', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('count' as const, 'time' as const),
        domain,
        fc.integer({ min: 120, max: 1600 }),
        (kind, [lo, hi], lengthPx) => {
          const ticks = axisTicks(kind, [lo, hi], lengthPx, true);
          const texts = labels(ticks);
          expect(new Set(texts).size).toBe(texts.length);
          if (ticks.length > 1) expect(tightestGap(ticks, [lo, hi], lengthPx)).toBeGreaterThan(0);
          for (const t of ticks) {
            expect(t.value).toBeGreaterThanOrEqual(lo);
            expect(t.value).toBeLessThanOrEqual(hi);
            if (kind === 'count') expect(Number.isInteger(t.value)).toBe(true);
          }
        },
      ),
      { seed: 20261201, numRuns: 500 },
    );
  });
});
