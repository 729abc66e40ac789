// Real engine runs with their event logs, shared by the analysis tests.
import {
  buildConfig,
  report,
  Simulation,
  viewOf,
  type LogEntry,
  type Mode,
  type Report,
  type SettingValue,
  type SystemView,
  type TimedChange,
} from '../../src/engine/index.ts';

export interface Run {
  sim: Simulation;
  entries: LogEntry[];
  report: Report;
  view: SystemView;
}

export interface RunOptions {
  durationMs?: number;
  /** Stop here even if work is still in progress. */
  limitMs?: number;
  changes?: TimedChange[];
  seed?: number;
}

/** Runs a checkout until it settles (or `limitMs`) with a log large enough to keep everything. */
export function run(
  mode: Mode,
  settings: Record<string, SettingValue> = {},
  options: RunOptions = {},
): Run {
  const sim = new Simulation({
    config: buildConfig(settings),
    mode,
    seed: options.seed ?? 1,
    durationMs: options.durationMs ?? 60_000,
    logCapacity: 100_000,
    changes: options.changes ?? [],
  });
  sim.runToSettle(options.limitMs ?? 600_000);
  return {
    sim,
    entries: sim.readLog(0).entries,
    report: report(sim.state, 'test'),
    view: viewOf(sim.state),
  };
}

/** Runs that between them write every kind of log entry. */
export function everyKindRuns(): Run[] {
  return [
    run('sync'),
    run('async'),
    // Sync with an email outage and one handler: error pages after a charge, customers who
    // click again, and customers who give up while waiting in line. Orders are placed at whole
    // milliseconds so that each customer's deadline is an exact time.
    run(
      'sync',
      {
        'email.outage': '0-5',
        'users.retryOnError': true,
        'server.handlers': 1,
        'server.timeout': 4000,
      },
      { changes: [{ atMs: 0, key: 'orders.place', value: 3 }] },
    ),
    // Async with failures, crashes, a dead-letter limit and the email service switched off
    // for a second; more workers from 4 s on.
    run(
      'async',
      {
        'traffic.pattern': 'steady',
        'email.failureRate': 0.5,
        'workers.crashRate': 0.3,
        'queue.maxReceives': 3,
      },
      {
        durationMs: 10_000,
        changes: [
          { atMs: 2_000, key: 'email.down', value: true },
          { atMs: 3_000, key: 'email.down', value: false },
          { atMs: 4_000, key: 'workers.count', value: 6 },
        ],
      },
    ),
    // Async with a lease shorter than an email call: every job is handed out again while its
    // first worker is still sending, so its acknowledgement comes too late.
    run('async', { 'queue.visibilityTimeout': 1_200 }),
    // Idempotency keys on both services (a slow email beats its lease: the email service skips
    // the second send; a customer's second click is not charged), and a poison job redriven
    // from the dead-letter queue at 5 s.
    run('async', { 'email.idempotency': true, 'queue.visibilityTimeout': 1_200 }),
    run('async', { 'email.poisonEvery': 1, 'queue.maxReceives': 1, 'queue.redriveAt': 5 }),
    run(
      'sync',
      {
        'checkout.idempotency': true,
        'users.retryOnError': true,
        'server.timeout': 500,
      },
      { changes: [{ atMs: 0, key: 'orders.place', value: 2 }] },
    ),
    // RabbitMQ without a dead-letter exchange drops a job at its delivery limit.
    run('async', {
      'queue.broker': 'rabbitmq',
      'queue.deadLetter': false,
      'queue.deliveryLimit': 2,
      'email.poisonEvery': 1,
    }),
    // The charge moved to the background with the payment service failing: each charge job
    // fails until it is dead-lettered, after the page said "confirmed".
    run('async', {
      'steps.charge.where': 'background',
      'steps.charge.failureRate': 1,
      'queue.maxReceives': 2,
    }),
    // Kafka commits offsets, and a crash rewinds a partition to its last commit.
    run(
      'async',
      {
        'queue.broker': 'kafka',
        'traffic.pattern': 'steady',
        'traffic.rate': 8,
        'workers.crashRate': 0.2,
        'queue.commitEvery': 10,
      },
      { durationMs: 10_000 },
    ),
    // The web server dies after some saves: without an outbox those email jobs are never queued
    // (and customers click again after the error page); with one, the relay queues them anyway.
    run(
      'async',
      { 'traffic.pattern': 'steady', 'server.crashRate': 0.3, 'users.retryOnError': true },
      { durationMs: 5_000 },
    ),
    run(
      'async',
      { 'traffic.pattern': 'steady', 'server.crashRate': 0.3, 'queue.outbox': true },
      { durationMs: 5_000 },
    ),
  ];
}
