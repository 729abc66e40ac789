/** Streaming statistics with bounded memory: Welford mean, exact samples for small runs and a
 * log-bucket histogram (0.5 % relative resolution) for percentiles of long ones, and time-weighted
 * averages for levels such as queue depth. */

/** Samples kept exactly before percentiles switch to the histogram. */
const EXACT_SAMPLES = 4096;
/** Bucket i holds values in [FLOOR * G^(i-1), FLOOR * G^i); bucket 0 holds values below FLOOR. */
const FLOOR_MS = 0.001;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = 3200; // FLOOR * G^3200 is about 7e10 ms: longer than any run.

export interface Samples {
  count: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
  exact: number[] | null;
  buckets: number[] | null;
}

export function createSamples(): Samples {
  return { count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, exact: [], buckets: null };
}

function bucketOf(v: number): number {
  if (v < FLOOR_MS) return 0;
  return Math.min(BUCKETS - 1, 1 + Math.floor(Math.log(v / FLOOR_MS) / LOG_GROWTH));
}

export function addSample(d: Samples, v: number): void {
  d.count++;
  const delta = v - d.mean;
  d.mean += delta / d.count;
  d.m2 += delta * (v - d.mean);
  if (v < d.min) d.min = v;
  if (v > d.max) d.max = v;
  if (d.exact) {
    d.exact.push(v);
    if (d.exact.length <= EXACT_SAMPLES) return;
    d.buckets = new Array<number>(BUCKETS).fill(0);
    for (const x of d.exact) d.buckets[bucketOf(x)]!++;
    d.exact = null;
    return;
  }
  d.buckets![bucketOf(v)]!++;
}

/** The q-quantile (0 < q <= 1) by the nearest-rank rule; 0 when there are no samples. */
export function quantile(d: Samples, q: number): number {
  if (d.count === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * d.count));
  if (d.exact) return [...d.exact].sort((a, b) => a - b)[rank - 1]!;
  let seen = 0;
  const buckets = d.buckets!;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i]!;
    if (seen >= rank) {
      const mid = i === 0 ? 0 : FLOOR_MS * Math.pow(GROWTH, i - 0.5);
      return Math.min(d.max, Math.max(d.min, mid));
    }
  }
  return d.max;
}

export function variance(d: Samples): number {
  return d.count > 1 ? d.m2 / (d.count - 1) : 0;
}

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(d: Samples): Summary {
  if (d.count === 0) return { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  return {
    count: d.count,
    mean: d.mean,
    p50: quantile(d, 0.5),
    p95: quantile(d, 0.95),
    p99: quantile(d, 0.99),
    max: d.max,
  };
}

/** The integral over time of a level that changes in steps (busy workers, queue depth). */
export interface Level {
  value: number;
  since: number;
  area: number;
  max: number;
}

export function createLevel(): Level {
  return { value: 0, since: 0, area: 0, max: 0 };
}

export function setLevel(level: Level, now: number, value: number): void {
  level.area += level.value * (now - level.since);
  level.since = now;
  level.value = value;
  if (value > level.max) level.max = value;
}

/** The area under the level from time 0 to `now`. */
export function levelArea(level: Level, now: number): number {
  return level.area + level.value * (now - level.since);
}
