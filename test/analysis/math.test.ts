import { describe, expect, it } from 'vitest';
import { estimateDrain } from '../../src/analysis/drain.ts';
import { buildHistograms } from '../../src/analysis/histogram.ts';
import { linePath, stepAreaPath } from '../../src/analysis/paths.ts';
import { nearestRank, percentilesOf } from '../../src/analysis/percentiles.ts';
import { HalvingSeries, RateMeter, RollingMean, SampleRing } from '../../src/analysis/series.ts';

describe('percentiles', () => {
  it('follow the nearest-rank rule, as the engine’s report does', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(sorted, 0.5)).toBe(5);
    expect(nearestRank(sorted, 0.95)).toBe(10);
    expect(percentilesOf([2550])).toEqual({ p50: 2550, p95: 2550, p99: 2550 });
  });

  it('are absent, not zero or NaN, when there are no values', () => {
    expect(percentilesOf([])).toBeNull();
  });
});

describe('the drain estimate', () => {
  const base = { depth: 100, arrivalRatePerSec: 1, workers: 4, meanEmailCallMs: 1000 };

  it('divides the backlog by how much faster jobs leave than arrive', () => {
    // 4 workers at 1 s each take 4 jobs/s; 1 arrives; 100 jobs drain in 100 / 3 s.
    const d = estimateDrain(base);
    expect(d.kind).toBe('draining');
    if (d.kind === 'draining') expect(d.etaMs).toBeCloseTo(33_333.33, 1);
  });

  it('says "not catching up" when arrivals match or beat what the workers can do', () => {
    expect(estimateDrain({ ...base, arrivalRatePerSec: 4 }).kind).toBe('notCatchingUp');
  });

  it('has nothing to estimate without a backlog, workers or a measured call', () => {
    expect(estimateDrain({ ...base, depth: 0 }).kind).toBe('empty');
    expect(estimateDrain({ ...base, workers: 0 }).kind).toBe('noWorkers');
    expect(estimateDrain({ ...base, meanEmailCallMs: null }).kind).toBe('unknown');
  });
});

describe('histograms', () => {
  it('put both lanes on one rounded axis and count error pages apart', () => {
    const model = buildHistograms([
      { label: 'Synchronous', samples: [2550, 2550, 2550], errors: [2550] },
      { label: 'Asynchronous', samples: [1050, 1050, 1050] },
    ]);
    expect(model.domain[0]).toBe(0);
    expect(model.domain[1]).toBeGreaterThanOrEqual(2550);
    expect(model.maxCount).toBe(3);
    const sync = model.lanes[0]!;
    expect(sync.bins.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(sync.bins.reduce((n, b) => n + b.errors, 0)).toBe(1);
    expect(model.lanes[1]!.percentiles?.p50).toBe(1050);
  });

  it('bin 100,000 values into a few dozen bins', () => {
    const samples = Array.from({ length: 100_000 }, (_, i) => 1000 + (i % 997));
    const model = buildHistograms([{ label: 'Many', samples }]);
    expect(model.lanes[0]!.bins.length).toBeLessThanOrEqual(60);
    expect(model.lanes[0]!.bins.reduce((n, b) => n + b.count, 0)).toBe(100_000);
  });

  it('stay finite with no values, or only zeros', () => {
    for (const samples of [[], [0, 0]]) {
      const model = buildHistograms([{ label: 'Empty', samples }]);
      expect(model.domain.every(Number.isFinite)).toBe(true);
      expect(model.domain[1]).toBeGreaterThan(model.domain[0]);
    }
  });
});

describe('paths', () => {
  const x = (t: number) => t / 10;
  const y = (v: number) => 100 - v;

  it('draw a step area that holds each value over the interval ending at it', () => {
    expect(stepAreaPath([{ tMs: 100, v: 5 }], (p) => p.v, x, y)).toBe(
      'M0,100L0,95L10,95L10,100L0,100L0,100Z',
    );
  });

  it('are empty strings, never NaN, without points', () => {
    expect(stepAreaPath([], () => 0, x, y)).toBe('');
    expect(linePath([], () => 0, x, y)).toBe('');
    expect(linePath([{ tMs: 1 }], () => NaN, x, y)).not.toMatch(/NaN/);
  });
});

describe('bounded containers', () => {
  it('a sample ring keeps the latest values, oldest first, and their flags', () => {
    const ring = new SampleRing(3);
    [1, 2, 3, 4].forEach((v) => ring.push(v, v % 2 === 0));
    expect(ring.values()).toEqual([2, 3, 4]);
    expect(ring.values(true)).toEqual([2, 4]);
  });

  it('a halving series merges neighbours and doubles its interval when full', () => {
    const s = new HalvingSeries<{ tMs: number; v: number }>(4, 100, (a, b) => ({
      tMs: b.tMs,
      v: Math.max(a.v, b.v),
    }));
    [5, 1, 2, 7].forEach((v, i) => s.push({ tMs: (i + 1) * 100, v }));
    expect(s.points).toEqual([
      { tMs: 200, v: 5 },
      { tMs: 400, v: 7 },
    ]);
    expect(s.intervalMs).toBe(200);
  });

  it('a rate meter counts events per second over the last ten seconds', () => {
    const meter = new RateMeter();
    for (let t = 0; t < 20_000; t += 500) meter.add(t);
    expect(meter.perSec(20_000)).toBeCloseTo(2, 1);
    expect(meter.perSec(60_000)).toBe(0);
  });

  it('a rolling mean averages only the latest values', () => {
    const mean = new RollingMean(2);
    [10, 20, 30].forEach((v) => mean.add(v));
    expect(mean.mean).toBe(25);
  });
});
