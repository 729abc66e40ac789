/** The figures bench:page prints from its three runs: the median and the worst of each, where the
 * worst of a score is its lowest and of a time its longest, and each against the bar. */
import { describe, expect, it } from 'vitest';
import { line, meets, median, quantile, summarize } from '../../scripts/lib/benchStats.mjs';

describe('the median of the runs', () => {
  it('is the middle run of an odd count, whatever order they came in', () => {
    expect(median([240, 90, 130])).toBe(130);
  });
  it('is the mean of the two middle runs of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('leaves out a run that measured nothing, and is NaN when none did', () => {
    expect(median([Number.NaN, 10, null, 30])).toBe(20);
    expect(median([])).toBeNaN();
  });
});

describe('the worst of the runs', () => {
  it('is the lowest of scores, which are best high', () => {
    expect(summarize([97, 88, 99], { better: 'higher' })).toEqual({
      median: 97,
      worst: 88,
      runs: 3,
      missing: 0,
    });
  });
  it('is the longest of times, which are best short', () => {
    expect(summarize([120, 480, 95]).worst).toBe(480);
  });
  it('counts the runs that measured nothing', () => {
    expect(summarize([50, Number.NaN, 70])).toMatchObject({ worst: 70, runs: 2, missing: 1 });
  });
});

describe('a quantile of frame intervals', () => {
  it('reads the sorted entry at floor(q * n), as bench:ui does', () => {
    const intervals = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100 ms
    expect(quantile(intervals, 0.95)).toBe(96);
    expect(quantile(intervals, 0.5)).toBe(51);
    expect(quantile([16.7], 0.95)).toBe(16.7);
  });
});

describe('a figure against its bar', () => {
  it('meets a score bar at or above it and a time bar at or below it', () => {
    expect(meets(95, 95, { better: 'higher' })).toBe(true);
    expect(meets(94, 95, { better: 'higher' })).toBe(false);
    expect(meets(200, 200)).toBe(true);
    expect(meets(201, 200)).toBe(false);
    expect(meets(Number.NaN, 200)).toBe(false);
  });
  it('prints the median and worst, each marked against the bar', () => {
    expect(line('TBT', [180, 240, 150], { bar: 200, unit: ' ms' })).toBe(
      'TBT                      median 180 ms (ok), worst 240 ms (over 200 ms)  [bar: ≤ 200 ms]',
    );
    expect(line('score', [97, 88, 99], { bar: 95, better: 'higher' })).toBe(
      'score                    median 97 (ok), worst 88 (under 95)  [bar: ≥ 95]',
    );
  });
  it('says so when a run measured nothing, never printing NaN', () => {
    const text = line('LCP', [Number.NaN, Number.NaN], { bar: 2.5, unit: ' s', digits: 2 });
    expect(text).toContain('median not measured, worst not measured');
    expect(text).toContain('2 of 2 runs measured nothing');
    expect(text).not.toContain('NaN');
  });
});
