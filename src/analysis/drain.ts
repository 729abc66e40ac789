/** When a backlog in the queue will be gone: the waiting messages divided by how much faster the
 * workers take messages than new ones arrive, or "not catching up" when they cannot keep up. */

export interface DrainInput {
  /** Messages waiting in the queue now. */
  depth: number;
  /** Messages arriving at the queue per second, retries included. */
  arrivalRatePerSec: number;
  /** Workers able to take messages (not crashed, not retired). */
  workers: number;
  /** How long one email call takes on average, or null before any was measured. */
  meanEmailCallMs: number | null;
}

export type DrainEstimate =
  | { kind: 'empty' }
  | { kind: 'noWorkers' }
  | { kind: 'unknown' }
  | { kind: 'draining'; etaMs: number; serviceRatePerSec: number; arrivalRatePerSec: number }
  | { kind: 'notCatchingUp'; serviceRatePerSec: number; arrivalRatePerSec: number };

export function estimateDrain(input: DrainInput): DrainEstimate {
  const { depth, arrivalRatePerSec, workers, meanEmailCallMs } = input;
  if (!(depth > 0)) return { kind: 'empty' };
  if (!(workers > 0)) return { kind: 'noWorkers' };
  if (meanEmailCallMs === null || !(meanEmailCallMs > 0)) return { kind: 'unknown' };
  const serviceRatePerSec = (workers * 1000) / meanEmailCallMs;
  const arrivals = Number.isFinite(arrivalRatePerSec) ? Math.max(0, arrivalRatePerSec) : 0;
  const net = serviceRatePerSec - arrivals;
  if (net <= 0) return { kind: 'notCatchingUp', serviceRatePerSec, arrivalRatePerSec: arrivals };
  return {
    kind: 'draining',
    etaMs: (depth / net) * 1000,
    serviceRatePerSec,
    arrivalRatePerSec: arrivals,
  };
}
