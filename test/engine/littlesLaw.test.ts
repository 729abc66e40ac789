/** Little's law on the report, for every broker, over random configurations (fast-check, seed in
 * the test's name).
 *
 * Over one run, L = λW is not a statistical estimate but an identity of the sample path: the
 * area under the queue's depth is the sum of the time each message spent waiting. Every wait that
 * starts (an entry, counted in λ) ends once (a sample of W) with exactly the time the message was
 * counted in the depth (L), so in a run that ends with nothing waiting, L·T = λT·W up to float
 * rounding. A wait that starts twice, ends twice, ends unrecorded or is recorded with the wrong
 * start breaks it by a whole message's wait, far beyond the rounding: hence a relative tolerance of
 * 1e-9 (Welford's running mean and the level's area each carry about 1e-15 per step). A run that
 * stops with messages still waiting keeps the identity with their waits so far added, which the
 * test reads from the state; it is checked half-way and at the end of every run. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BROKERS,
  buildConfig,
  report,
  Simulation,
  type Broker,
  type SimState,
} from '../../src/engine/index.ts';
import { scenario, type Scenario } from './support/scenarios.ts';

const RUNS = 240;
const DRAIN_MS = 30_000;
const TOLERANCE = 1e-9;

/** The messages waiting now, wherever the broker keeps them, and the time they have waited. */
function stillWaiting(s: Readonly<SimState>): { count: number; waitedMs: number } {
  const waiting = [
    ...s.queue.visible.items.slice(s.queue.visible.head),
    ...s.workers.flatMap((w) => w.buffer),
    ...s.kafka.partitions.flatMap((p) => p.records.filter((m) => m.state === 'queued')),
  ];
  return {
    count: waiting.length,
    waitedMs: waiting.reduce((sum, m) => sum + (s.now - m!.readyAt), 0),
  };
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** L·T against the waits ended plus the waits still going, and entries against waits. */
function expectIdentity(sim: Simulation): void {
  const r = report(sim.state, 'little');
  const { meanInQueue, arrivalRatePerMs, meanWaitMs } = r.littlesLaw;
  const t = r.simulatedMs;
  const open = stillWaiting(sim.state);
  expect(Math.round(arrivalRatePerMs * t)).toBe(r.queue.waitMs.count + open.count);
  const area = meanInQueue * t;
  const waited = r.queue.waitMs.count * meanWaitMs + open.waitedMs;
  if (!close(area, waited)) expect({ area, waited }).toEqual({ area, waited: area });
}

/** The generator's scenarios in async mode, under a broker with its own settings drawn too. */
const brokerScenario = fc
  .record({
    broker: fc.constantFrom<Broker>(...BROKERS),
    prefetch: fc.integer({ min: 1, max: 5 }),
    deliveryLimit: fc.integer({ min: 0, max: 4 }),
    partitions: fc.integer({ min: 1, max: 6 }),
    commitEvery: fc.constantFrom(1, 2, 5),
    partitioner: fc.constantFrom('key', 'round-robin'),
    sessionTimeout: fc.constantFrom(1, 500, 45_000),
    maxPollInterval: fc.constantFrom(1, 1000, 300_000),
    minIdle: fc.constantFrom(1, 700, 2500),
    deadLetter: fc.boolean(),
    consumerTimeout: fc.constantFrom(60_000, 1_800_000),
    slowEmail: fc.constantFrom(false, false, false, true),
  })
  .chain((b) =>
    scenario.map((sc): Scenario & { broker: Broker } => ({
      ...sc,
      broker: b.broker,
      mode: 'async',
      settings: {
        ...sc.settings,
        'queue.broker': b.broker,
        'queue.prefetch': b.prefetch,
        'queue.deliveryLimit': b.deliveryLimit,
        'queue.partitions': b.partitions,
        'queue.commitEvery': b.commitEvery,
        'queue.partitioner': b.partitioner,
        'queue.sessionTimeout': b.sessionTimeout,
        'queue.maxPollInterval': b.maxPollInterval,
        'queue.minIdle': b.minIdle,
        'queue.deadLetter': b.deadLetter,
        'queue.consumerTimeout': b.consumerTimeout,
        // Now and then a call that outlasts RabbitMQ's consumer timeout (a minute at least).
        ...(b.slowEmail ? { 'latency.email': 'uniform(50000,70000)' } : {}),
      },
    })),
  );

describe('Little’s law over the queue, for every broker (seed 2323)', () => {
  it(`holds in ${RUNS} random runs, and L = λW on the report of each that settled`, () => {
    const settled = new Map<Broker, number>();
    fc.assert(
      fc.property(brokerScenario, (sc) => {
        const sim = new Simulation({
          config: buildConfig(sc.settings),
          mode: 'async',
          seed: sc.seed,
          durationMs: sc.durationMs,
          changes: sc.changes,
        });
        sim.runUntil(sc.durationMs / 2);
        expectIdentity(sim);
        const done = sim.runToSettle(sc.durationMs + DRAIN_MS);
        expectIdentity(sim);
        if (!done) return;
        settled.set(sc.broker, (settled.get(sc.broker) ?? 0) + 1);
        const { meanInQueue, arrivalRatePerMs, meanWaitMs } = sim.report('little').littlesLaw;
        if (!close(meanInQueue, arrivalRatePerMs * meanWaitMs)) {
          expect({ L: meanInQueue }).toEqual({ L: arrivalRatePerMs * meanWaitMs });
        }
      }),
      { seed: 2323, numRuns: RUNS },
    );
    // The report's own L = λW was checked on settled runs of every broker.
    for (const broker of BROKERS) expect(settled.get(broker) ?? 0).toBeGreaterThanOrEqual(10);
    // A few hundred small runs: seconds alone, longer beside other test files on two cores.
  }, 60_000);
});
