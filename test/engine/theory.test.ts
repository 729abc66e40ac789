/** The engine's waiting times checked against queueing theory: the async worker pool and the sync
 * handler pool each run as an M/M/c queue (Erlang C) and as an M/D/1 queue (Pollaczek-Khinchine),
 * at loads up to rho = 0.95, with a warm-up dropped and a 95 % batch-means confidence interval. */
import { describe, expect, it } from 'vitest';
import { buildConfig, report, Simulation, type Report } from '../../src/engine/index.ts';
import {
  confidenceInterval95,
  erlangC,
  md1MeanWait,
  mmcMeanWait,
  tQuantile975,
  type Interval,
} from './theory.ts';

/** Mean service time of one job, in ms: long next to the engine's 1 µs time grid. */
const SERVICE_MS = 1000;
/** Batches after the warm-up; 20 keeps the t quantile (2.09) near the normal one. */
const BATCHES = 20;
/** The share of the run dropped as warm-up, on top of the measured customers. Even at rho 0.95
 * that is dozens of relaxation times (about 1 / (c mu (1 - sqrt(rho))^2): 1,600 s for c = 1). */
const WARM_UP_SHARE = 0.1;
/** An interval wider than this share of the theoretical value could hardly fail, so it fails. */
const MAX_HALF_WIDTH = 0.12;
const TIMEOUT_MS = 60_000;

type Pool = 'workers' | 'handlers';

interface QueueCase {
  pool: Pool;
  /** Servers: workers or request handlers. */
  c: number;
  lambdaPerSec: number;
  service: 'exponential' | 'constant';
  /** Customers measured after the warm-up: enough for a half-width of about 5 to 6 %. */
  customers: number;
  seed: number;
}

/** Settings that turn one pool into a plain queue fed by Poisson arrivals. In async mode every
 * server step takes no time and handlers never run out, so each order becomes a message the moment
 * it arrives; leases never expire. In sync mode only validation takes time, and nobody gives up. */
function settingsFor(k: QueueCase): Record<string, string | number> {
  const service = k.service === 'exponential' ? `exp(${SERVICE_MS})` : SERVICE_MS;
  const common = {
    'traffic.pattern': 'steady',
    'traffic.rate': k.lambdaPerSec,
    'latency.charge': 0,
    'latency.save': 0,
    'latency.enqueue': 0,
    'email.failureRate': 0,
  };
  if (k.pool === 'workers') {
    return {
      ...common,
      'latency.validate': 0,
      'latency.email': service,
      'server.handlers': 100_000,
      'workers.count': k.c,
      'queue.visibilityTimeout': 43_200_000,
    };
  }
  return {
    ...common,
    'latency.validate': service,
    'latency.email': 0,
    'server.handlers': k.c,
    'server.timeout': 3_600_000,
  };
}

function rho(k: QueueCase): number {
  return (k.lambdaPerSec * SERVICE_MS) / 1000 / k.c;
}

/** The theoretical mean wait in queue, in ms. */
function theoryMs(k: QueueCase): number {
  const lambdaPerMs = k.lambdaPerSec / 1000;
  return k.service === 'exponential'
    ? mmcMeanWait(k.c, lambdaPerMs, 1 / SERVICE_MS)
    : md1MeanWait(lambdaPerMs, SERVICE_MS);
}

function waits(r: Report, pool: Pool): { count: number; sumMs: number } {
  const w = pool === 'workers' ? r.queue.waitMs : r.server.waitMs;
  return { count: w.count, sumMs: w.mean * w.count };
}

interface Measurement {
  batchMeansMs: number[];
  interval: Interval;
  final: Report;
}

/** One long run: a warm-up, then BATCHES windows of equal length whose mean waits come from the
 * difference of the report's cumulative count and sum at the window's two ends. */
function measure(k: QueueCase): Measurement {
  const mode = k.pool === 'workers' ? 'async' : 'sync';
  const customersPerMs = k.lambdaPerSec / 1000;
  const warmUpMs = (WARM_UP_SHARE * k.customers) / customersPerMs;
  const batchMs = k.customers / BATCHES / customersPerMs;
  const endMs = warmUpMs + BATCHES * batchMs;
  const config = buildConfig(settingsFor(k));
  const sim = new Simulation({ config, mode, seed: k.seed, durationMs: endMs + SERVICE_MS });
  sim.runUntil(warmUpMs);
  let before = waits(report(sim.state, 'theory'), k.pool);
  const batchMeansMs: number[] = [];
  for (let b = 1; b <= BATCHES; b++) {
    sim.runUntil(warmUpMs + b * batchMs);
    const after = waits(report(sim.state, 'theory'), k.pool);
    batchMeansMs.push((after.sumMs - before.sumMs) / (after.count - before.count));
    before = after;
  }
  return {
    batchMeansMs,
    interval: confidenceInterval95(batchMeansMs),
    final: report(sim.state, 'theory'),
  };
}

const measurements = new Map<QueueCase, Measurement>();

/** Each case runs once; the Little's-law checks reuse the worker runs. */
function measured(k: QueueCase): Measurement {
  let m = measurements.get(k);
  if (!m) {
    m = measure(k);
    measurements.set(k, m);
  }
  return m;
}

function expectTheoryInsideInterval(k: QueueCase): void {
  const { interval, final } = measured(k);
  const expected = theoryMs(k);
  const what =
    `${k.pool}, c=${k.c}, rho=${rho(k)}, ${k.service} service: mean ${interval.mean.toFixed(1)} ms ` +
    `± ${interval.halfWidth.toFixed(1)} ms, theory ${expected.toFixed(1)} ms`;
  expect(interval.low, what).toBeLessThanOrEqual(expected);
  expect(interval.high, what).toBeGreaterThanOrEqual(expected);
  expect(interval.halfWidth, what).toBeLessThan(MAX_HALF_WIDTH * expected);
  // The pool really was a plain queue: nothing timed out, failed or was delivered twice.
  expect(final.orders.timedOut).toBe(0);
  expect(final.emails.failedAttempts).toBe(0);
  expect(final.queue.visibilityExpired).toBe(0);
  expect(final.emails.duplicates).toBe(0);
}

/** Run lengths grow with the load: near rho = 1 successive waits stay correlated for longer.
 * Seeds count up from `firstSeed`, so no two runs share their random draws. */
function cases(pool: Pool, firstSeed: number): { mmc: QueueCase[]; md1: QueueCase[] } {
  let seed = firstSeed;
  const mmc = (c: number, lambdaPerSec: number, customers: number): QueueCase => ({
    pool,
    c,
    lambdaPerSec,
    service: 'exponential',
    customers,
    seed: seed++,
  });
  const md1 = (lambdaPerSec: number, customers: number): QueueCase => ({
    pool,
    c: 1,
    lambdaPerSec,
    service: 'constant',
    customers,
    seed: seed++,
  });
  return {
    mmc: [
      mmc(4, 2, 150_000),
      mmc(4, 3.2, 400_000),
      mmc(4, 3.8, 2_400_000),
      // The reference example: lambda 9/s, mu 1/s, c 10, Wq = 0.6687 s.
      mmc(10, 9, 1_000_000),
    ],
    md1: [md1(0.5, 100_000), md1(0.95, 1_600_000)],
  };
}

const WORKERS = cases('workers', 1);
const HANDLERS = cases('handlers', 7);

function specName(k: QueueCase): string {
  const formula = k.service === 'exponential' ? 'Erlang C' : 'Pollaczek-Khinchine';
  const servers = k.c === 1 ? '' : ` with ${k.c} ${k.pool}`;
  return `keeps the mean wait within the 95 % interval of ${formula} at rho ${rho(k)}${servers} (seed ${k.seed})`;
}

describe('the queueing formulas the engine is checked against', () => {
  it('reproduce the reference example: lambda 9/s, mu 1/s, c 10 gives C = 0.6687, Wq = 0.6687 s', () => {
    expect(erlangC(10, 9)).toBeCloseTo(0.6687, 4);
    expect(mmcMeanWait(10, 9, 1)).toBeCloseTo(0.6687, 4);
  });

  it('reduce to rho / (mu - lambda) for one exponential server, twice the M/D/1 wait', () => {
    expect(erlangC(1, 0.8)).toBeCloseTo(0.8, 12);
    expect(mmcMeanWait(1, 0.8, 1)).toBeCloseTo(4, 12);
    expect(md1MeanWait(0.8, 1)).toBeCloseTo(2, 12);
  });

  it('use the t quantiles of the tables for 95 % intervals', () => {
    expect(tQuantile975(5)).toBeCloseTo(2.5706, 3);
    expect(tQuantile975(19)).toBeCloseTo(2.093, 3);
    expect(tQuantile975(1e9)).toBeCloseTo(1.96, 3);
  });
});

const GROUPS: [string, QueueCase[]][] = [
  ['the worker pool as an M/M/c queue', WORKERS.mmc],
  ['the worker pool as an M/D/1 queue', WORKERS.md1],
  ['the handler pool as an M/M/c queue', HANDLERS.mmc],
  ['the handler pool as an M/D/1 queue', HANDLERS.md1],
];

for (const [title, group] of GROUPS) {
  describe(title, () => {
    for (const k of group) {
      it(specName(k), { timeout: TIMEOUT_MS }, () => expectTheoryInsideInterval(k));
    }
  });
}

describe('the worker queue under Little’s law', () => {
  for (const k of [...WORKERS.mmc, ...WORKERS.md1]) {
    const shape = k.service === 'exponential' ? `M/M/${k.c}` : 'M/D/1';
    const name = `holds L = lambda W within 1 % and keeps the workers busy rho of the time for ${shape} at rho ${rho(k)} (seed ${k.seed})`;
    it(name, { timeout: TIMEOUT_MS }, () => {
      const { final } = measured(k);
      const { meanInQueue, arrivalRatePerMs, meanWaitMs } = final.littlesLaw;
      expect(meanInQueue).toBeGreaterThan(0);
      expect(Math.abs(meanInQueue - arrivalRatePerMs * meanWaitMs)).toBeLessThan(
        0.01 * meanInQueue,
      );
      // The rates themselves: messages arrive at lambda, and workers are busy rho of the time.
      expect(Math.abs((arrivalRatePerMs * 1000) / k.lambdaPerSec - 1)).toBeLessThan(0.02);
      expect(Math.abs(final.workers.utilization - rho(k))).toBeLessThan(0.01);
    });
  }
});
