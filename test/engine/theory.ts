/** Queueing-theory formulas and confidence intervals that the engine's statistics are checked
 * against: Erlang C for M/M/c, Pollaczek-Khinchine for M/D/1, and Student-t intervals. */

/** Erlang C: the chance that an arrival has to wait, with c servers and offered load a = lambda/mu.
 * Computed through the Erlang B recursion, which stays stable where a^c / c! would overflow. */
export function erlangC(c: number, a: number): number {
  if (!(a < c)) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

/** M/M/c mean wait in queue, Wq = C(c, a) / (c mu - lambda), in the unit of 1 / rates. */
export function mmcMeanWait(c: number, lambda: number, mu: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}

/** M/D/1 mean wait in queue (Pollaczek-Khinchine), Wq = rho S / (2 (1 - rho)), rho = lambda S. */
export function md1MeanWait(lambda: number, serviceTime: number): number {
  const rho = lambda * serviceTime;
  return (rho * serviceTime) / (2 * (1 - rho));
}

/** The 97.5 % point of Student's t with `df` degrees of freedom (a two-sided 95 % interval), by
 * the Cornish-Fisher expansion around the normal's 1.95996; within 3e-4 of the tables for df >= 5. */
export function tQuantile975(df: number): number {
  const z = 1.959963984540054;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

export interface Interval {
  mean: number;
  halfWidth: number;
  low: number;
  high: number;
}

/** The t-based 95 % confidence interval for the mean of roughly independent, roughly normal
 * values, such as batch means or replication means. */
export function confidenceInterval95(values: readonly number[]): Interval {
  const n = values.length;
  if (n < 2) throw new RangeError('a confidence interval needs at least two values');
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  const halfWidth = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return { mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth };
}

/** The lag-1 autocorrelation of a series: near 0 when batches are long enough to be independent. */
export function lag1Autocorrelation(values: readonly number[]): number {
  const n = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    den += d * d;
    if (i + 1 < n) num += d * (values[i + 1]! - mean);
  }
  return den > 0 ? num / den : 0;
}
