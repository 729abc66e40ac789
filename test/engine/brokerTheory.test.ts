/** The brokers' waiting times against queueing theory, with a warm-up dropped and a 95 %
 * batch-means confidence interval: Kafka with hashed keys as one M/M/1 queue per partition (and
 * round robin waiting less), RabbitMQ with prefetch 1 as M/M/c, and with prefetch 5 waiting at
 * least as long as M/M/c, since a prefetched message waits behind a busy worker while another
 * may be free. Service is exponential with a mean of 1 s; the server steps take no time. */
import { describe, expect, it } from 'vitest';
import { buildConfig, report, Simulation, type SettingValue } from '../../src/engine/index.ts';
import { keyPartition, orderKeyBytes } from '../../src/engine/queue/murmur2.ts';
import { confidenceInterval95, mmcMeanWait, type Interval } from './theory.ts';

const SERVICE_MS = 1000;
const BATCHES = 20;
const TIMEOUT_MS = 60_000;

interface Run {
  settings: Record<string, SettingValue>;
  lambdaPerSec: number;
  customers: number;
  seed: number;
}

/** Batch means of the queue wait after a 10 % warm-up. */
function measure({ settings, lambdaPerSec, customers, seed }: Run): Interval {
  const perMs = lambdaPerSec / 1000;
  const warmUpMs = (0.1 * customers) / perMs;
  const batchMs = customers / BATCHES / perMs;
  const endMs = warmUpMs + BATCHES * batchMs;
  const sim = new Simulation({
    config: buildConfig({
      'traffic.pattern': 'steady',
      'traffic.rate': lambdaPerSec,
      'latency.validate': 0,
      'latency.charge': 0,
      'latency.save': 0,
      'latency.enqueue': 0,
      'latency.email': `exp(${SERVICE_MS})`,
      'server.handlers': 100_000,
      ...settings,
    }),
    mode: 'async',
    seed,
    durationMs: endMs + SERVICE_MS,
  });
  const waits = () => {
    const w = report(sim.state, 'theory').queue.waitMs;
    return { count: w.count, sum: w.mean * w.count };
  };
  sim.runUntil(warmUpMs);
  let before = waits();
  const means: number[] = [];
  for (let b = 1; b <= BATCHES; b++) {
    sim.runUntil(warmUpMs + b * batchMs);
    const after = waits();
    means.push((after.sum - before.sum) / (after.count - before.count));
    before = after;
  }
  return confidenceInterval95(means);
}

const describeInterval = (i: Interval, theory: number) =>
  `mean ${i.mean.toFixed(1)} ms ± ${i.halfWidth.toFixed(1)} ms, theory ${theory.toFixed(1)} ms`;

describe('Kafka with hashed keys: 4 partitions, 4 workers, 3.2 orders/s (rho 0.8 overall)', () => {
  const partitions = 4;
  const lambda = 3.2;
  const customers = 1_200_000;
  // Each partition is an M/M/1 queue fed by the keys that hash to it: murmur2 spreads the order
  // ids of the run almost evenly, so each gets its share of the Poisson arrivals.
  const shares = Array.from({ length: partitions }, () => 0);
  // The run places about 1.1 times the measured customers (the warm-up comes first).
  const placed = Math.round(1.1 * customers);
  for (let id = 1; id <= placed; id++) shares[keyPartition(orderKeyBytes(id), partitions)]!++;
  const theory = shares.reduce((sum, n) => {
    const lambdaP = (lambda * n) / placed / 1000;
    return sum + (n / placed) * mmcMeanWait(1, lambdaP, 1 / SERVICE_MS);
  }, 0);
  const kafka = (partitioner: string, seed: number) =>
    measure({
      settings: {
        'queue.broker': 'kafka',
        'queue.partitions': partitions,
        'queue.partitioner': partitioner,
        'workers.count': partitions,
      },
      lambdaPerSec: lambda,
      customers,
      seed,
    });

  it(
    'waits as M/M/1 per partition, within the 95 % interval (seed 48)',
    { timeout: TIMEOUT_MS },
    () => {
      const interval = kafka('key', 48);
      const what = describeInterval(interval, theory);
      expect(interval.low, what).toBeLessThanOrEqual(theory);
      expect(interval.high, what).toBeGreaterThanOrEqual(theory);
      expect(interval.halfWidth, what).toBeLessThan(0.12 * theory);
    },
  );

  it(
    'waits clearly less with round robin, whose arrivals per partition are regular (seed 42)',
    { timeout: TIMEOUT_MS },
    () => {
      const interval = kafka('round-robin', 42);
      expect(interval.high, describeInterval(interval, theory)).toBeLessThan(0.8 * theory);
    },
  );
});

describe('RabbitMQ, 3 workers at rho 0.9', () => {
  const c = 3;
  const lambda = 2.7;
  const theory = mmcMeanWait(c, lambda / 1000, 1 / SERVICE_MS);
  const rabbit = (prefetch: number, seed: number) =>
    measure({
      settings: { 'queue.broker': 'rabbitmq', 'queue.prefetch': prefetch, 'workers.count': c },
      lambdaPerSec: lambda,
      customers: 400_000,
      seed,
    });

  it(
    'with prefetch 1, waits as M/M/3 (Erlang C), within the 95 % interval (seed 43)',
    { timeout: TIMEOUT_MS },
    () => {
      const interval = rabbit(1, 43);
      const what = describeInterval(interval, theory);
      expect(interval.low, what).toBeLessThanOrEqual(theory);
      expect(interval.high, what).toBeGreaterThanOrEqual(theory);
      expect(interval.halfWidth, what).toBeLessThan(0.12 * theory);
    },
  );

  it(
    'with prefetch 5, waits at least as long as M/M/3: the interval lies above it (seed 44)',
    { timeout: TIMEOUT_MS },
    () => {
      const interval = rabbit(5, 44);
      expect(interval.low, describeInterval(interval, theory)).toBeGreaterThanOrEqual(theory);
    },
  );
});
