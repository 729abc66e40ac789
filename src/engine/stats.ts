/** Streaming statistics with bounded memory: Welford mean, exact samples for small runs and a
 * log-linear histogram (under 0.4 % relative error) for percentiles of long ones, and
 * time-weighted averages for levels such as queue depth. */
import { roundUs } from './time.ts';

/** Samples kept exactly before percentiles switch to the histogram. */
const EXACT_SAMPLES = 4096;
/** Log-linear buckets in the manner of HdrHistogram, read off the float's own bits: each power of
 * two from 2^-10 ms (about a microsecond) to 2^40 ms is split into 2^MANTISSA_BITS equal buckets.
 * No logarithm per sample. */
const MANTISSA_BITS = 7;
const MIN_EXPONENT = 1023 - 10;
const MAX_EXPONENT = 1023 + 40;
const BUCKETS = (MAX_EXPONENT - MIN_EXPONENT + 1) << MANTISSA_BITS;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Index of the high word of a float64 on this machine's byte order. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export interface Samples {
  count: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
  /** Every sample, in ascending order, until there are more than EXACT_SAMPLES. */
  exact: number[] | null;
  /** Counts per bucket (a run's events are capped at MAX_EVENTS, far below 2^32). A typed array
   * rather than a list of numbers: a checkpoint copies it in one move, and in half the bytes. */
  buckets: Uint32Array | null;
}

export function createSamples(): Samples {
  return { count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, exact: [], buckets: null };
}

function bucketOf(v: number): number {
  bits[0] = v;
  const high = words[HIGH]!;
  const exponent = high >>> 20;
  if (exponent < MIN_EXPONENT) return 0;
  if (exponent > MAX_EXPONENT) return BUCKETS - 1;
  return (
    ((exponent - MIN_EXPONENT) << MANTISSA_BITS) |
    ((high >>> (20 - MANTISSA_BITS)) & ((1 << MANTISSA_BITS) - 1))
  );
}

/** The middle of a bucket's range of values. */
function bucketMiddle(i: number): number {
  if (i === 0) return 0;
  const exponent = (i >>> MANTISSA_BITS) + MIN_EXPONENT - 1023;
  const fraction = (i & ((1 << MANTISSA_BITS) - 1)) + 0.5;
  return Math.pow(2, exponent) * (1 + fraction / (1 << MANTISSA_BITS));
}

/** Adds one duration in ms, rounded to the microsecond grid of the clock (a difference of two
 * rounded times can carry float noise such as 64.88300000000163). */
export function addSample(d: Samples, ms: number): void {
  const v = roundUs(ms);
  d.count++;
  const delta = v - d.mean;
  d.mean += delta / d.count;
  d.m2 += delta * (v - d.mean);
  if (v < d.min) d.min = v;
  if (v > d.max) d.max = v;
  if (d.exact) {
    // Kept sorted (binary search, then one move), so percentiles of small runs cost nothing.
    const exact = d.exact;
    let lo = 0;
    let hi = exact.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (exact[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    if (lo === exact.length) exact.push(v);
    else exact.splice(lo, 0, v);
    if (exact.length <= EXACT_SAMPLES) return;
    d.buckets = new Uint32Array(BUCKETS);
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
  if (d.exact) return d.exact[rank - 1]!;
  let seen = 0;
  const buckets = d.buckets!;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i]!;
    if (seen >= rank) {
      return Math.min(d.max, Math.max(d.min, bucketMiddle(i)));
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
