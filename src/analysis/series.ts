/** Bounded containers for streaming chart data: a ring of the latest samples, a meter of recent
 * event rates, and a time series that halves its resolution when full so that it always spans
 * the whole run in the same number of points. Each has `clone()`, for the store's checkpoints. */
import { cloneWith } from './cloneWith.ts';

/** The latest `capacity` numbers, each with a yes/no flag (e.g. "the customer saw an error"). */
export class SampleRing {
  private readonly data: Float64Array;
  private readonly flags: Uint8Array;
  private next = 0;
  size = 0;

  constructor(readonly capacity: number) {
    this.data = new Float64Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  push(value: number, flag = false): void {
    this.data[this.next] = value;
    this.flags[this.next] = flag ? 1 : 0;
    this.next = (this.next + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
  }

  /** The values, oldest first; only the flagged ones when `flaggedOnly`. */
  values(flaggedOnly = false): number[] {
    const out: number[] = [];
    const start = (this.next - this.size + this.capacity) % this.capacity;
    for (let k = 0; k < this.size; k++) {
      const i = (start + k) % this.capacity;
      if (!flaggedOnly || this.flags[i] === 1) out.push(this.data[i]!);
    }
    return out;
  }

  /** Copies the latest `n` values (in no particular order) into `into`; returns how many. */
  latest(n: number, into: Float64Array): number {
    const count = Math.min(n, this.size, into.length);
    for (let k = 0; k < count; k++) {
      into[k] = this.data[(this.next - 1 - k + this.capacity * 2) % this.capacity]!;
    }
    return count;
  }

  clear(): void {
    this.next = 0;
    this.size = 0;
  }

  clone(): SampleRing {
    return cloneWith(new SampleRing(this.capacity), this, {
      data: this.data.slice(),
      flags: this.flags.slice(),
    });
  }
}

/** Counts events in one-second buckets over the last `windowMs`, for "how many per second now". */
export class RateMeter {
  private readonly counts: Float64Array;
  private head = 0;

  constructor(
    readonly windowMs = 10_000,
    private readonly bucketMs = 1_000,
  ) {
    this.counts = new Float64Array(Math.max(1, Math.round(windowMs / bucketMs)));
  }

  add(tMs: number): void {
    const bucket = Math.floor(tMs / this.bucketMs);
    this.roll(bucket);
    if (bucket > this.head - this.counts.length) this.counts[bucket % this.counts.length]!++;
  }

  /** Events per second over the window that ends at `nowMs` (or since the start, if shorter). */
  perSec(nowMs: number): number {
    if (!(nowMs > 0)) return 0;
    this.roll(Math.floor(nowMs / this.bucketMs));
    let sum = 0;
    for (const c of this.counts) sum += c;
    const spanMs = Math.min(
      nowMs,
      (this.counts.length - 1) * this.bucketMs + (nowMs - this.head * this.bucketMs),
    );
    return spanMs > 0 ? (sum * 1000) / spanMs : 0;
  }

  private roll(bucket: number): void {
    if (bucket <= this.head) return;
    const n = this.counts.length;
    for (let b = Math.max(this.head + 1, bucket - n + 1); b <= bucket; b++) this.counts[b % n] = 0;
    this.head = bucket;
  }

  clear(): void {
    this.counts.fill(0);
    this.head = 0;
  }

  clone(): RateMeter {
    return cloneWith(new RateMeter(this.windowMs, this.bucketMs), this, {
      counts: this.counts.slice(),
    });
  }
}

/** A time series of at most `capacity` points. When it fills up, neighbouring points are merged
 * in pairs and the sampling interval doubles: memory stays fixed however long the run. */
export class HalvingSeries<P extends { tMs: number }> {
  points: P[] = [];
  intervalMs: number;

  constructor(
    private readonly capacity: number,
    private readonly firstIntervalMs: number,
    /** Combines two neighbours into one point that stands for both. */
    private readonly merge: (earlier: P, later: P) => P,
  ) {
    this.intervalMs = firstIntervalMs;
  }

  push(point: P): void {
    this.points.push(point);
    if (this.points.length < this.capacity) return;
    const merged: P[] = [];
    const pts = this.points;
    for (let i = 0; i + 1 < pts.length; i += 2) merged.push(this.merge(pts[i]!, pts[i + 1]!));
    if (pts.length % 2 === 1) merged.push(pts[pts.length - 1]!);
    this.points = merged;
    this.intervalMs *= 2;
  }

  clear(): void {
    this.points = [];
    this.intervalMs = this.firstIntervalMs;
  }

  /** Points are never changed once pushed, so the copy shares them. */
  clone(): HalvingSeries<P> {
    return cloneWith(new HalvingSeries(this.capacity, this.firstIntervalMs, this.merge), this, {
      points: this.points.slice(),
    });
  }
}

/** The mean of the latest `capacity` numbers. */
export class RollingMean {
  private readonly data: Float64Array;
  private next = 0;
  private sum = 0;
  count = 0;

  constructor(readonly capacity: number) {
    this.data = new Float64Array(capacity);
  }

  add(value: number): void {
    if (this.count === this.capacity) this.sum -= this.data[this.next]!;
    else this.count++;
    this.data[this.next] = value;
    this.sum += value;
    this.next = (this.next + 1) % this.capacity;
  }

  clone(): RollingMean {
    return cloneWith(new RollingMean(this.capacity), this, { data: this.data.slice() });
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }
}
