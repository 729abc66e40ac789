/** Random scenarios for property tests, written in the settings vocabulary (`key=value` pairs and
 * timed changes) so that a failing case shrinks to something a person can paste into the CLI. */
import fc from 'fast-check';
import type { ChangeKey, Mode, SettingValue, TimedChange } from '../../../src/engine/index.ts';

export interface Scenario {
  mode: Mode;
  seed: number;
  durationMs: number;
  settings: Record<string, SettingValue>;
  changes: TimedChange[];
}

const SHORT_TIMEOUTS = [300, 1000, 2550, 4000, 30_000];

/** Constant email latencies that often equal a lease length, to keep that edge covered (an ack
 * at the very moment the lease ends once led to a redelivery). */
const EMAIL_CONSTANTS_MS = [0, 700, 1500, 2500];
const LEASES_MS = [700, 1500, 2500, 5000];

/** A latency spec of any of the four kinds, in ms. */
export function latencySpec(constants?: readonly number[]): fc.Arbitrary<string> {
  const constant = constants ? fc.constantFrom(...constants) : fc.integer({ min: 0, max: 2000 });
  return fc.oneof(
    constant.map(String),
    fc.integer({ min: 1, max: 2000 }).map((mean) => `exp(${mean})`),
    fc
      .tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 1000 }))
      .map(([min, width]) => `uniform(${min},${min + width})`),
    fc
      .tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 1000 }))
      .map(([mean, sd]) => `lognormal(${mean},${sd})`),
  );
}

const failureRate = fc.constantFrom(0, 0.1, 0.3, 0.7, 1);

/** Zero to two outage windows in whole seconds (whole seconds are exact in ms). */
const outages = fc
  .array(
    fc
      .tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 8 }))
      .map(([from, length]) => `${from}-${from + length}`),
    { maxLength: 2 },
  )
  .map((windows) => (windows.length === 0 ? 'none' : windows.join(',')));

const timeout = fc.constantFrom(...SHORT_TIMEOUTS);

/** A timed change of one setting (or the orders.place action) at a moment within the run. */
function timedChange(durationMs: number): fc.Arbitrary<TimedChange> {
  const at = fc.integer({ min: 0, max: durationMs + 5000 });
  const values: [ChangeKey, fc.Arbitrary<SettingValue>][] = [
    ['latency.validate', latencySpec()],
    ['latency.charge', latencySpec()],
    ['latency.email', latencySpec(EMAIL_CONSTANTS_MS)],
    ['email.failureRate', failureRate],
    ['email.down', fc.boolean()],
    ['email.outage', outages],
    ['server.handlers', fc.integer({ min: 1, max: 6 })],
    ['workers.count', fc.integer({ min: 0, max: 4 })],
    ['workers.crashRate', fc.constantFrom(0, 0.2, 1)],
    ['queue.visibilityTimeout', fc.constantFrom(...LEASES_MS)],
    ['queue.maxReceives', fc.integer({ min: 1, max: 5 })],
    ['retry.backoff', fc.constantFrom('none', 'fixed', 'exponential', 'full-jitter')],
    ['traffic.rate', fc.constantFrom(0, 1, 4, 8)],
    ['users.retryOnError', fc.boolean()],
    ['orders.place', fc.integer({ min: 1, max: 5 })],
    ['server.timeout', timeout],
  ];
  return fc.oneof(
    ...values.map(([key, value]) =>
      fc.record({ atMs: at, key: fc.constant(key), value: value as fc.Arbitrary<SettingValue> }),
    ),
  );
}

/** Arrivals stop at the run's end; a run then keeps at least one worker and the service comes
 * back, so that every message can reach an end (sent, or dead-lettered after maxReceives). */
function recovery(durationMs: number, workers: number): TimedChange[] {
  return [
    { atMs: durationMs + 6000, key: 'workers.count', value: workers },
    { atMs: durationMs + 6000, key: 'email.down', value: false },
  ];
}

export const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    mode: fc.constantFrom<Mode>('sync', 'async'),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    durationMs: fc.integer({ min: 500, max: 8000 }),
    pattern: fc.constantFrom('single', 'steady', 'steady', 'spike', 'spike'),
    rate: fc.constantFrom(0.5, 2, 5),
    spikeAt: fc.integer({ min: 0, max: 6 }),
    spikeFor: fc.constantFrom(0.5, 1, 2),
    spikeRate: fc.constantFrom(5, 10, 20),
    validate: latencySpec(),
    charge: latencySpec(),
    save: latencySpec(),
    enqueue: latencySpec([0, 0, 5, 30]),
    email: latencySpec(EMAIL_CONSTANTS_MS),
    failureRate,
    poisonEvery: fc.constantFrom(0, 0, 0, 2, 5),
    outages,
    handlers: fc.constantFrom(1, 2, 4, 64),
    timeout,
    workers: fc.integer({ min: 0, max: 4 }),
    finalWorkers: fc.integer({ min: 1, max: 4 }),
    crashRate: fc.constantFrom(0, 0, 0.1, 0.5, 1),
    restart: fc.constantFrom(0, 500, 5000),
    lease: fc.constantFrom(...LEASES_MS),
    maxReceives: fc.integer({ min: 1, max: 5 }),
    backoff: fc.constantFrom('none', 'fixed', 'exponential', 'full-jitter'),
    base: fc.constantFrom(0, 100, 1000),
    cap: fc.constantFrom(0, 500, 5000, 30_000),
    retryOnError: fc.boolean(),
    retryDelay: fc.constantFrom(0, 500, 2000),
  })
  .chain((p) =>
    fc.array(timedChange(p.durationMs), { maxLength: 4 }).map((changes): Scenario => ({
      mode: p.mode,
      seed: p.seed,
      durationMs: p.durationMs,
      settings: {
        'traffic.pattern': p.pattern,
        'traffic.rate': p.rate,
        'traffic.spikeAt': p.spikeAt,
        'traffic.spikeFor': p.spikeFor,
        'traffic.spikeRate': p.spikeRate,
        'latency.validate': p.validate,
        'latency.charge': p.charge,
        'latency.save': p.save,
        'latency.enqueue': p.enqueue,
        'latency.email': p.email,
        'email.failureRate': p.failureRate,
        'email.poisonEvery': p.poisonEvery,
        'email.outage': p.outages,
        'server.handlers': p.handlers,
        'server.timeout': p.timeout,
        'workers.count': p.workers,
        'workers.crashRate': p.crashRate,
        'workers.restart': p.restart,
        'queue.visibilityTimeout': p.lease,
        'queue.maxReceives': p.maxReceives,
        'retry.backoff': p.backoff,
        'retry.base': p.base,
        'retry.cap': p.cap,
        'users.retryOnError': p.retryOnError,
        'users.retryDelay': p.retryDelay,
      },
      changes: [...changes, ...recovery(p.durationMs, p.finalWorkers)],
    })),
  );

/** Sync runs whose users give up after short timeouts, with few handlers: the inputs that once
 * made the patience sweep loop for ever. */
export const impatientScenario: fc.Arbitrary<Scenario> = fc
  .record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    rate: fc.constantFrom(2, 5, 10),
    timeout: fc.constantFrom(...SHORT_TIMEOUTS.slice(0, 3)),
    handlers: fc.constantFrom(1, 2),
  })
  .map((p): Scenario => ({
    mode: 'sync',
    seed: p.seed,
    durationMs: 5000,
    settings: {
      'traffic.pattern': 'steady',
      'traffic.rate': p.rate,
      'server.timeout': p.timeout,
      'server.handlers': p.handlers,
    },
    changes: [],
  }));

/** Scenarios in which the worker pool and the handler pool shrink while orders keep coming. */
export const shrinkingPoolScenario: fc.Arbitrary<Scenario> = scenario.chain((sc) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: sc.durationMs }),
      fc.integer({ min: 0, max: 1 }),
      fc.integer({ min: 0, max: sc.durationMs }),
    )
    .map(([workersAt, workers, handlersAt]): Scenario => ({
      ...sc,
      settings: {
        ...sc.settings,
        'traffic.pattern': 'steady',
        'traffic.rate': 5,
        'server.handlers': 8,
        'workers.count': 4,
      },
      changes: [
        { atMs: workersAt, key: 'workers.count', value: workers },
        { atMs: handlersAt, key: 'server.handlers', value: 1 },
        ...sc.changes,
      ],
    })),
);
