/** Percentiles by the nearest-rank rule, the same rule as the engine's report, so that the
 * charts' markers and the ledger agree on small runs. */

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** The q-quantile (0 < q <= 1) of ascending values; 0 when there are none. */
export function nearestRank(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const rank = Math.min(n, Math.max(1, Math.ceil(q * n)));
  return sorted[rank - 1]!;
}

/** p50, p95 and p99 of the values in any order, or null when there are none. */
export function percentilesOf(values: ArrayLike<number>): Percentiles | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return {
    p50: nearestRank(sorted, 0.5),
    p95: nearestRank(sorted, 0.95),
    p99: nearestRank(sorted, 0.99),
  };
}
