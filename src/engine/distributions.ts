/** Latency distributions, written as short specs: `200`, `exp(200)`, `uniform(100,300)`,
 * `lognormal(200,50)`. Every parameter is in milliseconds; lognormal takes mean and deviation. */
import { exponential, normal, uniform, type RngState } from './rng.ts';

export type Distribution =
  | { kind: 'constant'; ms: number }
  | { kind: 'exp'; meanMs: number }
  | { kind: 'uniform'; minMs: number; maxMs: number }
  | { kind: 'lognormal'; meanMs: number; sdMs: number; mu: number; sigma: number };

/** One hour: no step of a checkout should be modelled as taking longer. */
export const MAX_LATENCY_MS = 3_600_000;

export const DISTRIBUTION_HELP =
  'a number of ms (e.g. 200), exp(MEAN), uniform(MIN,MAX) or lognormal(MEAN,SD), all in ms from 0 to 3600000';

const NUMBER = String.raw`\s*(\d+(?:\.\d+)?)\s*`;
const PATTERNS: [RegExp, (n: number[]) => Distribution | string][] = [
  [new RegExp(`^${NUMBER}$`), ([ms]) => ({ kind: 'constant', ms: ms! })],
  [
    new RegExp(`^exp\\(${NUMBER}\\)$`),
    ([mean]) => (mean! > 0 ? { kind: 'exp', meanMs: mean! } : 'the mean of exp() must be above 0'),
  ],
  [
    new RegExp(`^uniform\\(${NUMBER},${NUMBER}\\)$`),
    ([min, max]) =>
      min! <= max!
        ? { kind: 'uniform', minMs: min!, maxMs: max! }
        : 'uniform(MIN,MAX) needs MIN no larger than MAX',
  ],
  [
    new RegExp(`^lognormal\\(${NUMBER},${NUMBER}\\)$`),
    ([mean, sd]) => {
      if (!(mean! > 0)) return 'the mean of lognormal() must be above 0';
      const sigma2 = Math.log(1 + (sd! * sd!) / (mean! * mean!));
      return {
        kind: 'lognormal',
        meanMs: mean!,
        sdMs: sd!,
        mu: Math.log(mean!) - sigma2 / 2,
        sigma: Math.sqrt(sigma2),
      };
    },
  ],
];

/** Parses a spec; returns the distribution, or a sentence saying what is wrong. */
export function parseDistribution(spec: string): Distribution | string {
  const text = spec.trim().toLowerCase();
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const numbers = match.slice(1).map(Number);
    if (numbers.some((n) => !Number.isFinite(n) || n > MAX_LATENCY_MS)) {
      return `values must be from 0 to ${MAX_LATENCY_MS} ms`;
    }
    return build(numbers);
  }
  return `expected ${DISTRIBUTION_HELP}`;
}

export function formatDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'constant':
      return String(d.ms);
    case 'exp':
      return `exp(${d.meanMs})`;
    case 'uniform':
      return `uniform(${d.minMs},${d.maxMs})`;
    case 'lognormal':
      return `lognormal(${d.meanMs},${d.sdMs})`;
  }
}

export function meanMs(d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.ms;
    case 'exp':
    case 'lognormal':
      return d.meanMs;
    case 'uniform':
      return (d.minMs + d.maxMs) / 2;
  }
}

/** One draw, in ms, never negative and never above MAX_LATENCY_MS. Constants draw nothing. */
export function sample(d: Distribution, rng: RngState): number {
  switch (d.kind) {
    case 'constant':
      return d.ms;
    case 'exp':
      return Math.min(MAX_LATENCY_MS, d.meanMs * exponential(rng));
    case 'uniform':
      return d.minMs + (d.maxMs - d.minMs) * uniform(rng);
    case 'lognormal':
      return Math.min(MAX_LATENCY_MS, Math.exp(d.mu + d.sigma * normal(rng)));
  }
}

/** Parameters rounded to 0.1 ms, which the spec's syntax writes exactly. */
const tenthMs = (ms: number) => Math.round(ms * 10) / 10;

/** The same kind of distribution moved to a new mean, its shape kept: a constant becomes the
 * mean, exp() takes it, uniform() and lognormal() scale every parameter by the same factor, so
 * the spread stays in proportion to the mean. A mean of 0 keeps exp() and lognormal() at their
 * smallest mean, 0.1 ms, since their mean must be above 0. */
export function withMeanMs(d: Distribution, mean: number): Distribution {
  const target = Math.min(MAX_LATENCY_MS, Math.max(0, tenthMs(mean)));
  const positive = Math.max(0.1, target);
  switch (d.kind) {
    case 'constant':
      return { kind: 'constant', ms: target };
    case 'exp':
      return { kind: 'exp', meanMs: positive };
    case 'uniform': {
      const old = meanMs(d);
      if (old === 0) return { kind: 'uniform', minMs: target, maxMs: target };
      const factor = target / old;
      // Capped at the limit: the mean then falls a little short rather than the spec failing.
      const maxMs = Math.min(MAX_LATENCY_MS, tenthMs(d.maxMs * factor));
      return { kind: 'uniform', minMs: Math.min(maxMs, tenthMs(d.minMs * factor)), maxMs };
    }
    case 'lognormal': {
      const sdMs = Math.min(MAX_LATENCY_MS, tenthMs((d.sdMs * positive) / d.meanMs));
      const parsed = parseDistribution(`lognormal(${positive},${sdMs})`);
      return typeof parsed === 'string' ? d : parsed;
    }
  }
}
