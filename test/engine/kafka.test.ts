/** Kafka's group timeouts, as trace tests: a crashed consumer keeps its partitions for the
 * session timeout, then the group moves them; a consumer stuck on one record past
 * max.poll.interval.ms leaves the group, and the record is read again by the new owner. Two
 * partitions, round robin by order id (odd orders to partition 1, worker 1); orders placed at
 * t = 0 reach the queue at 1,050 ms; an email call takes 1.5 s. */
import { describe, expect, it } from 'vitest';
import { report, type SettingValue, type TimedChange } from '../../src/engine/index.ts';
import { entries, logged, settle, trace } from './support/trace.ts';

function kafka(settings: Record<string, SettingValue>, changes: readonly TimedChange[]) {
  return settle(
    logged({
      mode: 'async',
      settings: {
        'traffic.pattern': 'steady',
        'traffic.rate': 0,
        'queue.broker': 'kafka',
        'queue.partitions': 2,
        'queue.partitioner': 'round-robin',
        'queue.commitEvery': 1,
        'workers.count': 2,
        ...settings,
      },
      changes,
    }),
  );
}

/** Order 1 (worker 1) crashes; orders 2 and 3 arrive at 11,050 ms. */
const crashOrderOne: TimedChange[] = [
  { atMs: 0, key: 'orders.place', value: 1 },
  { atMs: 1000, key: 'workers.crashRate', value: 1 },
  { atMs: 1100, key: 'workers.crashRate', value: 0 },
  { atMs: 10_000, key: 'orders.place', value: 2 },
];

describe('a Kafka consumer that crashes and stays down longer than the session timeout', () => {
  const sim = kafka({ 'workers.restart': 120_000 }, crashOrderOne);
  const crash = entries(sim).find((e) => e.kind === 'workerCrashed')!;

  it('keeps its partitions for 45 s, then the group moves them and the record is read again', () => {
    expect(crash).toMatchObject({ worker: 1, order: 1 });
    const received = trace(sim, ['messageReceived']).filter((e) => e[2] !== 2);
    expect(received).toEqual([
      [1050, 'messageReceived', 1, 1],
      [crash.t + 45_000, 'messageReceived', 1, 0],
      [crash.t + 46_500, 'messageReceived', 3, 0],
    ]);
    expect(report(sim.state, 't').emails.pending).toBe(0);
  });
});

describe('a Kafka consumer that crashes and restarts within the session timeout', () => {
  const sim = kafka({ 'workers.restart': 5000 }, crashOrderOne);
  const crash = entries(sim).find((e) => e.kind === 'workerCrashed')!;

  it('keeps its partitions, and reads the record again itself when it is back', () => {
    expect(trace(sim, ['messageReceived']).filter((e) => e[2] === 1)).toEqual([
      [1050, 'messageReceived', 1, 1],
      [crash.t + 5000, 'messageReceived', 1, 1],
    ]);
  });
});

describe('a Kafka consumer stuck on one record past max.poll.interval.ms (1 min here)', () => {
  // Order 1's call takes 100 s; the email service is quick again by the time it is read again.
  const sim = kafka({ 'queue.maxPollInterval': 60_000, 'latency.email': 100_000 }, [
    { atMs: 0, key: 'orders.place', value: 1 },
    { atMs: 2000, key: 'latency.email', value: 1500 },
  ]);

  it('leaves the group: the new owner reads the record again, and the late commit fails', () => {
    expect(
      trace(sim, ['messageReceived', 'visibilityExpired', 'emailSent', 'lateAck', 'messageAcked']),
    ).toEqual([
      [1050, 'messageReceived', 1, 1],
      [61_050, 'visibilityExpired', 1],
      [61_050, 'messageReceived', 1, 0],
      [62_550, 'emailSent', 1, 0],
      [62_550, 'messageAcked', 1, 0],
      [101_050, 'emailSent', 1, 1, 'duplicate'],
      [101_050, 'lateAck', 1, 1],
    ]);
    expect(report(sim.state, 't').emails).toMatchObject({ sent: 2, duplicates: 1 });
  });
});
