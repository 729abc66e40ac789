import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatNumber,
  formatPercent,
  formatRate,
  formatShortCount,
  formatTime,
  MISSING,
  plural,
  spokenTime,
} from '../../src/format/index.ts';

describe('formatTime, the one way a time is written', () => {
  it.each([
    [0, '0.00 s'],
    [40, '0.04 s'],
    [1050, '1.05 s'],
    [2550, '2.55 s'],
    [9_994, '9.99 s'],
    [9_996, '10.0 s'],
    [12_500, '12.5 s'],
    [59_940, '59.9 s'],
    [59_960, '1:00.0'],
    [65_300, '1:05.3'],
    [107_000, '1:47.0'],
    [600_000, '10:00.0'],
    [3_599_940, '59:59.9'],
    [3_599_960, '1:00:00.0'],
    [3_725_000, '1:02:05.0'],
    [86_400_000, '24:00:00.0'],
  ])('writes %s ms as "%s"', (ms, text) => {
    expect(formatTime(ms)).toBe(text);
  });

  it.each([
    [20_000, 0, '20 s'],
    [100_000, 0, '1:40'],
    [59_600, 0, '1:00'],
    [500, 1, '0.5 s'],
    [90_000, 1, '1:30.0'],
    [7_200_000, 0, '2:00:00'],
  ])('writes %s ms with %s decimals as "%s"', (ms, digits, text) => {
    expect(formatTime(ms, digits)).toBe(text);
  });

  it('marks a negative span with a minus sign', () => {
    expect(formatTime(-1500)).toBe('−1.50 s');
  });

  it('shows a dash, never NaN or Infinity, for values that are not finite', () => {
    for (const v of [NaN, Infinity, -Infinity, null, undefined])
      expect(formatTime(v)).toBe(MISSING);
  });

  it('says the same times in words for screen readers', () => {
    expect(spokenTime(2550)).toBe('2.55 seconds');
    expect(spokenTime(12_500)).toBe('12.5 seconds');
    expect(spokenTime(60_000)).toBe('1 minute 0.0 seconds');
    expect(spokenTime(107_040)).toBe('1 minute 47.0 seconds');
    expect(spokenTime(125_000)).toBe('2 minutes 5.0 seconds');
    expect(spokenTime(3_725_000)).toBe('1 hour 2 minutes 5.0 seconds');
    expect(spokenTime(NaN)).toBe('no time');
  });
});

describe('the other formats', () => {
  it('group thousands in counts', () => expect(formatCount(12_345)).toBe('12,345'));
  it('shorten counts for a node’s status line past 9,999, to three digits', () => {
    expect(formatShortCount(9_999)).toBe('9,999');
    expect(formatShortCount(66_921)).toBe('66.9K');
    expect(formatShortCount(120_127)).toBe('120K');
    expect(formatShortCount(1_234_567)).toBe('1.23M');
  });
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
    for (const f of [formatCount, formatShortCount, formatNumber, formatPercent, formatRate])
      expect(f(NaN)).toBe(MISSING);
  });
});
