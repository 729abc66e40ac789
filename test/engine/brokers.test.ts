/** The signature behaviour of each broker preset, as trace tests: a small scripted run per
 * behaviour, its event log projected to `[t, kind, subject...]` tuples. Orders placed at t = 0
 * reach the queue at 1,050 ms (200 + 800 + 50 ms at the server); an email call takes 1,500 ms;
 * workers are numbered from 0, orders and messages from 1 (message n belongs to order n). */
import { describe, expect, it } from 'vitest';
import {
  report,
  viewOf,
  type Broker,
  type LogKind,
  type SettingValue,
  type Simulation,
  type TimedChange,
} from '../../src/engine/index.ts';
import { entries, logged, settle, trace } from './support/trace.ts';

const NO_TRAFFIC = { 'traffic.pattern': 'steady', 'traffic.rate': 0 } as const;
const place = (n: number, atMs = 0): TimedChange => ({ atMs, key: 'orders.place', value: n });

function brokerRun(
  broker: Broker,
  settings: Record<string, SettingValue>,
  changes = [place(1)],
  seed = 1,
): Simulation {
  return settle(
    logged({
      mode: 'async',
      seed,
      settings: { ...NO_TRAFFIC, 'queue.broker': broker, ...settings },
      changes,
    }),
  );
}

/** Emails sent per order, duplicates included. */
function sendsPerOrder(sim: Simulation): Map<number, number> {
  const sends = new Map<number, number>();
  for (const e of entries(sim)) {
    if (e.kind === 'emailSent') sends.set(e.order, (sends.get(e.order) ?? 0) + 1);
  }
  return sends;
}

const DELIVERY: readonly LogKind[] = [
  'messageQueued',
  'messageReceived',
  'emailSent',
  'emailFailed',
  'messageAcked',
  'messageRetryLater',
  'visibilityExpired',
  'deadLettered',
  'messageDropped',
];

describe('an email slower than the lease (8 s call, 5 s lease or min idle, two workers)', () => {
  const slow = (broker: Broker) =>
    brokerRun(
      broker,
      {
        'workers.count': 2,
        'latency.email': 8000,
        'queue.visibilityTimeout': 5000,
        'queue.minIdle': 5000,
      },
      [place(1), { atMs: 2000, key: 'latency.email', value: 1500 }],
    );

  it.each(['sqs', 'redis'] as const)(
    '%s hands the message to a second worker at 6,050 ms, and the customer gets two emails',
    (broker) => {
      const sim = slow(broker);
      expect(trace(sim, ['messageReceived', 'emailSent'])).toEqual([
        [1050, 'messageReceived', 1, 0],
        [6050, 'messageReceived', 1, 1],
        [7550, 'emailSent', 1, 1],
        [9050, 'emailSent', 1, 0, 'duplicate'],
      ]);
      expect(report(sim.state, 't').emails).toMatchObject({ sent: 2, duplicates: 1 });
    },
  );

  it.each([
    ['ideal', 0],
    ['rabbitmq', 0],
    // Kafka: order 1 is on partition 1 of 4, which worker 1 reads.
    ['kafka', 1],
  ] as const)('%s has no lease to run out: one delivery, one email at 9,050 ms', (broker, w) => {
    const sim = slow(broker);
    expect(trace(sim, ['messageReceived', 'emailSent'])).toEqual([
      [1050, 'messageReceived', 1, w],
      [9050, 'emailSent', 1, w],
    ]);
  });

  it('sqs ignores the first worker’s late delete, while redis’s XACK by id acks the entry', () => {
    expect(trace(slow('sqs'), ['messageAcked', 'lateAck'])).toEqual([
      [7550, 'messageAcked', 1, 1],
      [9050, 'lateAck', 1, 0],
    ]);
    expect(trace(slow('redis'), ['messageAcked', 'lateAck'])).toEqual([
      [7550, 'messageAcked', 1, 1],
      [9050, 'lateAck', 1, 0],
    ]);
  });
});

describe('RabbitMQ', () => {
  it('prefetches up to queue.prefetch messages per worker, and a crash returns them all at once, marked redelivered', () => {
    // One worker with prefetch 3; it crashes on its first call (crashes stop from 1.1 s on).
    const sim = brokerRun(
      'rabbitmq',
      { 'workers.count': 1, 'queue.prefetch': 3, 'workers.crashRate': 1, 'workers.restart': 1000 },
      [place(3), { atMs: 1100, key: 'workers.crashRate', value: 0 }],
      3,
    );
    const log = entries(sim);
    const crash = log.find((e) => e.kind === 'workerCrashed')!;
    expect(crash).toMatchObject({ worker: 0, order: 1 });
    // All three were delivered to worker 0 at 1,050 ms: one in hand and two held.
    expect(trace(sim, ['messageReceived']).slice(0, 3)).toEqual([
      [1050, 'messageReceived', 1, 0],
      [1050, 'messageReceived', 2, 0],
      [1050, 'messageReceived', 3, 0],
    ]);
    // At the crash all three go back to the queue at once, in their order.
    const returned = log.filter((e) => e.kind === 'messageQueued' && e.t === crash.t);
    expect(returned.map((e) => e.kind === 'messageQueued' && e.message).sort()).toEqual([1, 2, 3]);
    // Redelivered on restart, as delivery 2, and each sent once (if the crash came after the
    // send, order 1 is sent twice: a counted duplicate).
    const redeliveries = log.filter((e) => e.kind === 'messageReceived' && e.t > crash.t);
    expect(redeliveries.map((e) => e.kind === 'messageReceived' && e.receive)).toEqual([2, 2, 2]);
    const r = report(sim.state, 't');
    expect(r.emails.redelivered).toBe(3);
    expect(r.emails.duplicates).toBe(crash.kind === 'workerCrashed' && crash.afterSend ? 1 : 0);
  });

  it('returns a failed message to the queue at once (no backoff) and drops it past the delivery limit (limit + 1 deliveries) without a dead-letter exchange', () => {
    const sim = brokerRun('rabbitmq', {
      'workers.count': 1,
      'email.poisonEvery': 1,
      'queue.deliveryLimit': 3,
      'queue.deadLetter': false,
    });
    expect(trace(sim, DELIVERY)).toEqual([
      [1050, 'messageQueued', 1],
      [1050, 'messageReceived', 1, 0],
      [2550, 'emailFailed', 1, 0],
      [2550, 'messageQueued', 1],
      [2550, 'messageReceived', 1, 0],
      [4050, 'emailFailed', 1, 0],
      [4050, 'messageQueued', 1],
      [4050, 'messageReceived', 1, 0],
      [5550, 'emailFailed', 1, 0],
      [5550, 'messageQueued', 1],
      [5550, 'messageReceived', 1, 0],
      [7050, 'emailFailed', 1, 0],
      [7050, 'messageDropped', 1, 4],
    ]);
    const r = report(sim.state, 't');
    expect(r.emails).toMatchObject({ dropped: 1, deadLettered: 0, sent: 0, pending: 0 });
    expect(viewOf(sim.state).dropped).toBe(1);
  });

  it('dead-letters past the delivery limit when a dead-letter exchange is configured', () => {
    const sim = brokerRun('rabbitmq', {
      'email.poisonEvery': 1,
      'queue.deliveryLimit': 3,
      'queue.deadLetter': true,
    });
    expect(trace(sim, ['deadLettered', 'messageDropped'])).toEqual([[7050, 'deadLettered', 1]]);
    expect(report(sim.state, 't').emails.dropped).toBe(0);
  });
});

describe('Kafka', () => {
  it('by default, writes records where murmur2 of the key puts them, as the Java client does', () => {
    // Keys "1" to "4": murmur2 made positive, modulo 2, gives partitions 1, 0, 1, 1.
    const sim = brokerRun('kafka', { 'queue.partitions': 2, 'workers.count': 2 }, [place(4)]);
    expect(trace(sim, ['messageReceived'])).toEqual([
      [1050, 'messageReceived', 1, 1],
      [1050, 'messageReceived', 2, 0],
      [2550, 'messageReceived', 3, 1],
      [4050, 'messageReceived', 4, 1],
    ]);
    expect(report(sim.state, 't').queue.maxLag).toBe(3);
  });

  it('with queue.partitioner=round-robin, writes records by order id, one worker per partition', () => {
    const sim = brokerRun(
      'kafka',
      { 'queue.partitions': 2, 'workers.count': 4, 'queue.partitioner': 'round-robin' },
      [place(4)],
    );
    // Orders 2 and 4 go to partition 0 (worker 0), 1 and 3 to partition 1 (worker 1); workers
    // 2 and 3 own no partition and stay idle.
    expect(trace(sim, ['messageReceived'])).toEqual([
      [1050, 'messageReceived', 1, 1],
      [1050, 'messageReceived', 2, 0],
      [2550, 'messageReceived', 3, 1],
      [2550, 'messageReceived', 4, 0],
    ]);
    expect(report(sim.state, 't').queue.maxLag).toBe(2);
  });

  it('lets a poison record block its partition while the other partition flows, until it is skipped to the dead-letter topic', () => {
    // Order 4 is poison (every 4th); partition 0 holds orders 2, 4, 6, 8; partition 1 the odd ones.
    const sim = brokerRun(
      'kafka',
      {
        'queue.partitions': 2,
        'queue.partitioner': 'round-robin',
        'workers.count': 2,
        'email.poisonEvery': 4,
        'queue.maxReceives': 3,
        'retry.backoff': 'fixed',
        'retry.base': 1000,
      },
      [place(7)],
    );
    const sentAt = new Map(
      entries(sim).flatMap((e) => (e.kind === 'emailSent' ? [[e.order, e.t] as const] : [])),
    );
    const skippedAt = entries(sim).find((e) => e.kind === 'deadLettered')!.t;
    // Order 4 fails at 4,050, 6,550 and 9,050 ms (1 s backoffs), then is skipped.
    expect(trace(sim, ['emailFailed', 'messageRetryLater', 'deadLettered'])).toEqual([
      [4050, 'emailFailed', 4, 0],
      [4050, 'messageRetryLater', 4, 5050],
      [6550, 'emailFailed', 4, 0],
      [6550, 'messageRetryLater', 4, 7550],
      [9050, 'emailFailed', 4, 0],
      [9050, 'deadLettered', 4],
    ]);
    expect(skippedAt).toBe(9050);
    // Partition 1 never waited: 1, 3, 5, 7 went out every 1.5 s.
    expect([1, 3, 5, 7].map((o) => sentAt.get(o))).toEqual([2550, 4050, 5550, 7050]);
    // Order 6, behind the poison record, only after the skip.
    expect(sentAt.get(6)).toBe(10_550);
    expect(report(sim.state, 't').emails).toMatchObject({ deadLettered: 1, duplicates: 0 });
  });

  it('keeps a poison record blocking its partition for ever without a dead-letter topic', () => {
    const sim = logged({
      mode: 'async',
      settings: {
        ...NO_TRAFFIC,
        'queue.broker': 'kafka',
        'queue.partitions': 1,
        'email.poisonEvery': 1,
        'queue.deadLetter': false,
      },
      changes: [place(3)],
    });
    sim.runUntil(300_000);
    expect(sim.settled).toBe(false);
    const view = viewOf(sim.state);
    expect(view.partitions).toEqual([{ id: 0, owner: 0, lag: 3, waiting: 2, blocked: true }]);
    expect(report(sim.state, 't').emails.sent).toBe(0);
  });

  it('replays every uncommitted record after a crash: the customer of a processed record gets the email twice', () => {
    // One partition, commit every 3 records; the worker crashes on record 2 (crashes are on
    // from 2 s to 2.6 s), after record 1 was processed but before its offset was committed.
    const sim = brokerRun(
      'kafka',
      {
        'queue.partitions': 1,
        'queue.commitEvery': 3,
        'workers.count': 1,
        'workers.restart': 1000,
      },
      [
        place(3),
        { atMs: 2000, key: 'workers.crashRate', value: 1 },
        { atMs: 2600, key: 'workers.crashRate', value: 0 },
      ],
    );
    const log = entries(sim);
    const crash = log.find((e) => e.kind === 'workerCrashed')!;
    expect(crash).toMatchObject({ order: 2 });
    expect(trace(sim, ['partitionRewound'])).toEqual([[crash.t, 'partitionRewound', 0, 0, 1]]);
    // After the restart the worker reads from offset 0 again: order 1 is emailed a second time.
    const sends = sendsPerOrder(sim);
    expect(sends.get(1)).toBe(2);
    expect(
      log.some((e) => e.kind === 'emailSent' && e.order === 1 && e.duplicate && e.t > crash.t),
    ).toBe(true);
    // Offsets end committed: 3 records in one partition.
    const commits = log.filter((e) => e.kind === 'offsetCommitted');
    expect(commits.at(-1)).toMatchObject({ partition: 0, offset: 3 });
    expect(report(sim.state, 't').emails.pending).toBe(0);
  });

  it('does not replay committed records', () => {
    // Commit after every record: the crash on record 2 replays only record 2 itself.
    const sim = brokerRun(
      'kafka',
      { 'queue.partitions': 1, 'queue.commitEvery': 1, 'workers.count': 1 },
      [
        place(3),
        { atMs: 2000, key: 'workers.crashRate', value: 1 },
        { atMs: 2600, key: 'workers.crashRate', value: 0 },
      ],
    );
    expect(trace(sim, ['partitionRewound'])).toEqual([]);
    expect(sendsPerOrder(sim).get(1)).toBe(1);
  });
});

describe('Redis Streams', () => {
  it('leaves a failed entry pending until it has been idle for queue.minIdle, then another worker claims it', () => {
    const sim = brokerRun('redis', {
      'workers.count': 2,
      'queue.minIdle': 5000,
      'email.outage': '0-2',
    });
    expect(trace(sim, DELIVERY)).toEqual([
      [1050, 'messageQueued', 1],
      [1050, 'messageReceived', 1, 0],
      [2550, 'emailFailed', 1, 0],
      // No retry of its own: the entry waits in the pending list until 1,050 + 5,000 ms.
      [6050, 'visibilityExpired', 1],
      [6050, 'messageQueued', 1],
      [6050, 'messageReceived', 1, 1],
      [7550, 'emailSent', 1, 1],
      [7550, 'messageAcked', 1, 1],
    ]);
  });

  it('puts claimed entries ahead of new ones', () => {
    // One worker. Order 1's first call fails; its entry is claimable from 6,050 ms. Order 2
    // keeps the worker busy from 4,050 to 7,050 ms (3 s calls); order 3 waits from 5,550 ms.
    // At 7,050 ms the worker claims order 1 before it reads order 3.
    const sim = brokerRun(
      'redis',
      { 'workers.count': 1, 'queue.minIdle': 5000, 'email.outage': '0-2' },
      [place(1), { atMs: 3000, key: 'latency.email', value: 3000 }, place(1, 3000), place(1, 4500)],
    );
    expect(trace(sim, ['messageReceived'])).toEqual([
      [1050, 'messageReceived', 1, 0],
      [4050, 'messageReceived', 2, 0],
      [7050, 'messageReceived', 1, 0],
      [10_050, 'messageReceived', 3, 0],
    ]);
  });

  it('moves an entry delivered queue.maxReceives times to the dead-letter stream on the next claim', () => {
    const sim = brokerRun('redis', {
      'email.poisonEvery': 1,
      'queue.maxReceives': 2,
      'queue.minIdle': 3000,
    });
    expect(trace(sim, ['messageReceived', 'visibilityExpired', 'deadLettered'])).toEqual([
      [1050, 'messageReceived', 1, 0],
      [4050, 'visibilityExpired', 1],
      [4050, 'messageReceived', 1, 1],
      [7050, 'visibilityExpired', 1],
      [7050, 'deadLettered', 1],
    ]);
  });
});

describe('the ideal broker', () => {
  it('never sends a duplicate, whatever crashes, failures and slow calls happen', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const sim = brokerRun(
        'ideal',
        {
          'workers.crashRate': 0.4,
          'workers.restart': 500,
          'email.failureRate': 0.3,
          'latency.email': 'uniform(500,40000)',
        },
        [place(20)],
        seed,
      );
      const r = report(sim.state, 't');
      expect(r.workers.crashes).toBeGreaterThan(0);
      expect(r.emails.duplicates).toBe(0);
      expect([...sendsPerOrder(sim).values()].every((n) => n === 1)).toBe(true);
      expect(r.emails.sent + r.emails.deadLettered).toBe(20);
    }
  });
});

describe('without a dead-letter target', () => {
  it('SQS keeps redelivering a poison message past maxReceiveCount', () => {
    const sim = logged({
      mode: 'async',
      settings: {
        ...NO_TRAFFIC,
        'email.poisonEvery': 1,
        'queue.maxReceives': 2,
        'queue.deadLetter': false,
        'retry.backoff': 'fixed',
      },
      changes: [place(1)],
    });
    sim.runUntil(60_000);
    const receives = trace(sim, ['messageReceived']).length;
    expect(receives).toBeGreaterThan(10);
    expect(report(sim.state, 't').emails).toMatchObject({ deadLettered: 0, dropped: 0 });
  });
});

describe('queue.broker and queue.partitions', () => {
  it('cannot change during a run, with a sentence that says why', () => {
    const sim = logged({ mode: 'async', settings: NO_TRAFFIC });
    expect(sim.change('queue.broker', 'kafka')).toBe(
      'queue.broker can only be set before the run starts (restart the run with it instead)',
    );
    expect(sim.change('queue.partitions', 8)).toMatch(/before the run starts/);
    expect(sim.state.config.queue.broker).toBe('sqs');
  });

  it('are reported in the JSON summary', () => {
    const sim = brokerRun('kafka', { 'queue.partitions': 3 }, [place(6)]);
    const r = report(sim.state, 't');
    expect(r.queue.broker).toBe('kafka');
    expect(r.queue.maxLag).toBe(2);
  });
});
