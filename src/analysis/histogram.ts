/** Histogram math for the distribution charts: shared bins for one or two lanes, so that sync
 * and async are drawn on the same axis, with the error pages counted apart in each bin. */
import { bin, max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { percentilesOf, type Percentiles } from './percentiles.ts';

export interface DistributionLane {
  /** The lane's name, e.g. "Synchronous". */
  label: string;
  /** Values in ms, in any order. */
  samples: readonly number[];
  /** The part of the samples to mark as bad (e.g. error pages), counted again apart. */
  errors?: readonly number[];
}

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
  errors: number;
}

export interface LaneHistogram {
  label: string;
  count: number;
  bins: HistogramBin[];
  percentiles: Percentiles | null;
}

export interface HistogramModel {
  /** The value axis, in ms, shared by all lanes. */
  domain: [number, number];
  /** The tallest bin of any lane, so the lanes share a count axis too. */
  maxCount: number;
  lanes: LaneHistogram[];
}

/** Bins every lane's samples on one shared, rounded value axis of about `binCount` bins. */
export function buildHistograms(lanes: readonly DistributionLane[], binCount = 30): HistogramModel {
  let top = 0;
  for (const lane of lanes) top = Math.max(top, max(lane.samples, finite) ?? 0);
  const x = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .nice(binCount);
  const [lo = 0, hi = 1] = x.domain();
  const thresholds = x.ticks(binCount);
  const binner = bin<number, number>()
    .value((v) => v)
    .domain([lo, hi])
    .thresholds(thresholds);
  let maxCount = 0;
  const out = lanes.map((lane): LaneHistogram => {
    const all = binner(lane.samples.filter(isFiniteNumber));
    const bad = binner((lane.errors ?? []).filter(isFiniteNumber));
    const bins = all.map((b, i) => ({
      x0: b.x0 ?? lo,
      x1: b.x1 ?? hi,
      count: b.length,
      errors: bad[i]?.length ?? 0,
    }));
    for (const b of bins) maxCount = Math.max(maxCount, b.count);
    return {
      label: lane.label,
      count: lane.samples.length,
      bins,
      percentiles: percentilesOf(lane.samples.filter(isFiniteNumber)),
    };
  });
  return { domain: [lo, hi], maxCount, lanes: out };
}

function finite(v: number): number | undefined {
  return Number.isFinite(v) ? v : undefined;
}

function isFiniteNumber(v: number): boolean {
  return Number.isFinite(v);
}
