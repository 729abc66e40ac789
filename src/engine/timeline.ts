/** Levels over simulated time with bounded memory: the peak of each level in each bucket of time.
 * When the run outgrows the buckets, neighbours merge and the buckets double in width, so a run
 * of any length is described by at most MAX_BUCKETS numbers per level. */

export const MAX_BUCKETS = 600;

export interface Timeline {
  bucketMs: number;
  /** Peak visible messages in the queue, per bucket. */
  queueDepth: number[];
  /** Peak requests waiting for a handler, per bucket. */
  handlerQueue: number[];
  /** Each level's value now: what a bucket with no change holds. */
  current: Record<TimelineSeries, number>;
}

export type TimelineSeries = 'queueDepth' | 'handlerQueue';

export function createTimeline(bucketMs = 1000): Timeline {
  return {
    bucketMs,
    queueDepth: [0],
    handlerQueue: [0],
    current: { queueDepth: 0, handlerQueue: 0 },
  };
}

function compress(tl: Timeline): void {
  for (const key of ['queueDepth', 'handlerQueue'] as const) {
    const old = tl[key];
    const merged: number[] = [];
    for (let i = 0; i < old.length; i += 2) merged.push(Math.max(old[i]!, old[i + 1] ?? 0));
    tl[key] = merged;
  }
  tl.bucketMs *= 2;
}

/** Records that a level is `value` from `now` on. Time only moves forward, so the buckets already
 * reach the last moment recorded; until `now` passes the last bucket, it is the one to update
 * (no division, no carrying forward: this runs a few times per order). */
export function recordLevel(
  tl: Timeline,
  series: TimelineSeries,
  now: number,
  value: number,
): void {
  // Named rather than keyed access (tl[series]): a keyed load by a string costs several times more.
  const depth = series === 'queueDepth';
  let bucket = depth ? tl.queueDepth : tl.handlerQueue;
  let index = bucket.length - 1;
  if (now >= bucket.length * tl.bucketMs) {
    index = Math.floor(now / tl.bucketMs);
    while (index >= MAX_BUCKETS) {
      compress(tl);
      index = Math.floor(now / tl.bucketMs);
    }
    extendTo(tl, index);
    bucket = depth ? tl.queueDepth : tl.handlerQueue;
  }
  if (depth) tl.current.queueDepth = value;
  else tl.current.handlerQueue = value;
  if (value > bucket[index]!) bucket[index] = value;
}

/** Carries every level's current value forward into the buckets up to `index`. */
export function extendTo(tl: Timeline, index: number): void {
  while (tl.queueDepth.length <= index) tl.queueDepth.push(tl.current.queueDepth);
  while (tl.handlerQueue.length <= index) tl.handlerQueue.push(tl.current.handlerQueue);
}

/** The timeline as of `now`, every level carried up to the current bucket. */
export function timelineAt(tl: Timeline, now: number): Timeline {
  const copy = structuredClone(tl);
  const index = Math.floor(now / copy.bucketMs);
  if (index < MAX_BUCKETS) extendTo(copy, index);
  return copy;
}
