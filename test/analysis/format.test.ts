import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDuration,
  formatNumber,
  formatPercent,
  formatRate,
  MISSING,
  plural,
} from '../../src/analysis/format.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [0.5, '0.5 ms'],
    [200, '200 ms'],
    [999.4, '999 ms'],
    [999.6, '1.00 s'],
    [1050, '1.05 s'],
    [2550, '2.55 s'],
    [9_999, '10.0 s'],
    [14_200, '14.2 s'],
    [30_000, '30.0 s'],
    [125_000, '2 min 05 s'],
    [3_725_000, '1 h 02 min'],
  ])('shows %s ms as "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows a dash, never NaN or Infinity, for values that are not finite', () => {
    for (const v of [NaN, Infinity, -Infinity, null, undefined])
      expect(formatDuration(v)).toBe(MISSING);
  });
});

describe('the other formats', () => {
  it('group thousands in counts', () => expect(formatCount(12_345)).toBe('12,345'));
  it('drop trailing zeros from plain numbers', () => expect(formatNumber(3.2)).toBe('3.2'));
  it('show shares as percentages, with a decimal below one per cent', () => {
    expect(formatPercent(0.734)).toBe('73%');
    expect(formatPercent(0.004)).toBe('0.4%');
  });
  it('show rates per second', () => expect(formatRate(2)).toBe('2.0/s'));
  it('agree nouns with their counts', () => {
    expect(plural(1, 'job')).toBe('1 job');
    expect(plural(3, 'job')).toBe('3 jobs');
  });
  it('never print NaN', () => {
    for (const f of [formatCount, formatNumber, formatPercent, formatRate])
      expect(f(NaN)).toBe(MISSING);
  });
});
