/** RabbitMQ 4.3 quorum-queue semantics the preset follows, as trace tests: the delivery limit
 * counts failed deliveries (rejects and closed channels) and a message goes past it after
 * limit + 1 of them; prefetched messages wait in the consumer's buffer and that time counts as
 * queue wait; the consumer timeout closes the channel and returns its messages without
 * counting a failure. Orders placed at t = 0 reach the queue at 1,050 ms; a call takes 1.5 s. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildConfig,
  report,
  Simulation,
  type SettingValue,
  type TimedChange,
} from '../../src/engine/index.ts';
import { scenario } from './support/scenarios.ts';
import { logged, settle, trace } from './support/trace.ts';

const place = (n: number, atMs = 0): TimedChange => ({ atMs, key: 'orders.place', value: n });

function rabbit(
  settings: Record<string, SettingValue>,
  orders = 1,
  changes: readonly TimedChange[] = [],
): Simulation {
  return settle(
    logged({
      mode: 'async',
      settings: {
        'traffic.pattern': 'steady',
        'traffic.rate': 0,
        'queue.broker': 'rabbitmq',
        ...settings,
      },
      changes: [place(orders), ...changes],
    }),
  );
}

describe('a RabbitMQ quorum queue with delivery limit 1 and a poison message', () => {
  it('delivers it twice, the limit plus one, then drops it without a dead-letter exchange', () => {
    const sim = rabbit({
      'workers.count': 1,
      'email.poisonEvery': 1,
      'queue.deliveryLimit': 1,
      'queue.deadLetter': false,
    });
    expect(trace(sim, ['messageReceived', 'emailFailed', 'messageDropped'])).toEqual([
      [1050, 'messageReceived', 1, 0],
      [2550, 'emailFailed', 1, 0],
      [2550, 'messageReceived', 1, 0],
      [4050, 'emailFailed', 1, 0],
      [4050, 'messageDropped', 1, 2],
    ]);
  });

  it('with limit 0, dead-letters it after its first failed delivery', () => {
    const sim = rabbit({ 'email.poisonEvery': 1, 'queue.deliveryLimit': 0 });
    expect(trace(sim, ['messageReceived', 'deadLettered'])).toEqual([
      [1050, 'messageReceived', 1, 0],
      [2550, 'deadLettered', 1],
    ]);
  });
});

describe('a RabbitMQ consumer that crashes holding prefetched messages', () => {
  // One worker, prefetch 2, every call crashes: message 1 in hand, message 2 in the buffer.
  const sim = rabbit(
    {
      'workers.count': 1,
      'workers.crashRate': 1,
      'workers.restart': 1000,
      'queue.prefetch': 2,
      'queue.deliveryLimit': 1,
    },
    2,
  );

  it('counts the closed channel as a failed delivery of both, the unstarted one too', () => {
    const received = trace(sim, ['messageReceived']);
    expect(received.filter((e) => e[2] === 2)).toHaveLength(2);
    // Two closed channels, two failed deliveries each: past the limit of 1, both dead, in the
    // order they were delivered (RabbitMQ returns a channel's unacked messages by delivery tag).
    expect(trace(sim, ['deadLettered']).map((e) => e[2])).toEqual([1, 2]);
    expect(report(sim.state, 't').emails).toMatchObject({ deadLettered: 2, sent: 0 });
  });

  it('keeps Little’s law exactly, the prefetched message’s wait included', () => {
    const { meanInQueue, arrivalRatePerMs, meanWaitMs } = report(sim.state, 't').littlesLaw;
    expect(meanInQueue).toBeGreaterThan(0);
    expect(meanInQueue).toBeCloseTo(arrivalRatePerMs * meanWaitMs, 9);
  });
});

describe('a RabbitMQ consumer with prefetch 5 and one worker', () => {
  const sim = rabbit({ 'workers.count': 1, 'queue.prefetch': 5 }, 3);
  const r = report(sim.state, 't');

  it('takes all three at once, but the two in the buffer wait until it starts on them', () => {
    expect(trace(sim, ['messageReceived'])).toEqual([
      [1050, 'messageReceived', 1, 0],
      [1050, 'messageReceived', 2, 0],
      [1050, 'messageReceived', 3, 0],
    ]);
    // Waits of 0, 1.5 s and 3 s until each call starts.
    expect(r.queue.waitMs).toMatchObject({ count: 3, mean: 1500, max: 3000 });
    expect(r.queue.maxDepth).toBe(2);
  });

  it('keeps Little’s law: the mean depth is the entry rate times the mean wait', () => {
    const { meanInQueue, arrivalRatePerMs, meanWaitMs } = r.littlesLaw;
    expect(meanInQueue).toBeCloseTo(arrivalRatePerMs * meanWaitMs, 9);
    expect(arrivalRatePerMs * r.simulatedMs).toBe(3);
  });
});

describe('a RabbitMQ delivery left unacked for the consumer timeout (30 min)', () => {
  // A 2,000 s call outlasts the 1,800 s timeout; the service is quick again by the second
  // delivery. Delivery limit 0: any counted failure would dead-letter the message, and the
  // timeout must not count as one.
  const sim = rabbit(
    { 'workers.count': 2, 'latency.email': 2_000_000, 'queue.deliveryLimit': 0 },
    1,
    [{ atMs: 60_000, key: 'latency.email', value: 1500 }],
  );
  const r = report(sim.state, 't');

  it('closes the channel, returns the message uncounted, and the other worker gets it', () => {
    expect(trace(sim, ['messageReceived', 'visibilityExpired', 'lateAck', 'messageAcked'])).toEqual(
      [
        [1050, 'messageReceived', 1, 0],
        [1_801_050, 'visibilityExpired', 1],
        [1_801_050, 'messageReceived', 1, 1],
        [1_802_550, 'messageAcked', 1, 1],
        [2_001_050, 'lateAck', 1, 0],
      ],
    );
    expect(r.emails).toMatchObject({ deadLettered: 0, sent: 2, duplicates: 1, redelivered: 1 });
    expect(r.queue.visibilityExpired).toBe(1);
  });
});

describe('a stalled queue (no workers) under Little’s law', () => {
  const sim = logged({
    mode: 'async',
    settings: { 'traffic.pattern': 'steady', 'traffic.rate': 0, 'workers.count': 0 },
    changes: [place(3)],
  });
  sim.runUntil(11_050);

  it('reads the rate at which jobs enter the queue, not the rate they leave it', () => {
    const { meanInQueue, arrivalRatePerMs, meanWaitMs } = report(sim.state, 't').littlesLaw;
    expect(arrivalRatePerMs).toBeCloseTo(3 / 11_050, 12);
    expect(meanInQueue).toBeCloseTo((3 * 10_000) / 11_050, 9);
    // No wait has ended yet: W is unknown, so it reads 0 until one does.
    expect(meanWaitMs).toBe(0);
  });
});

describe('the workers marked as maybe having room for a prefetched message (seed 2325)', () => {
  const rabbitScenario = fc
    .record({ prefetch: fc.integer({ min: 1, max: 4 }), timeout: fc.constantFrom(60_000) })
    .chain((r) =>
      scenario.map((sc) => ({
        ...sc,
        settings: {
          ...sc.settings,
          'queue.broker': 'rabbitmq',
          'queue.prefetch': r.prefetch,
          'queue.consumerTimeout': r.timeout,
        },
        changes: [
          ...sc.changes,
          { atMs: sc.durationMs / 2, key: 'queue.prefetch', value: r.prefetch + 1 } as const,
        ],
      })),
    );

  it('include every busy worker with room, after every event', () => {
    fc.assert(
      fc.property(rabbitScenario, (sc) => {
        const sim = new Simulation({
          config: buildConfig(sc.settings),
          mode: 'async',
          seed: sc.seed,
          durationMs: sc.durationMs,
          changes: sc.changes,
        });
        const s = sim.state;
        for (let i = 0; i < 5000 && sim.step(); i++) {
          const extra = s.config.queue.prefetch - 1;
          const unmarked = s.workers.filter(
            (w) =>
              w.state === 'busy' &&
              w.id < s.config.workers.count &&
              w.buffer.length < extra &&
              ((s.rabbitmq.room[w.id >> 5] ?? 0) >>> (w.id & 31)) % 2 === 0 &&
              // Marks are brought up to date at the next dispatch after a resize or a new prefetch.
              s.rabbitmq.roomFor[0] === s.config.workers.count &&
              s.rabbitmq.roomFor[1] === s.config.queue.prefetch,
          );
          // A worker with room and no mark would never be offered a message while others wait.
          if (unmarked.length > 0 && s.queue.visible.items.length > s.queue.visible.head) {
            expect({ t: s.now, unmarked: unmarked.map((w) => w.id) }).toEqual({ t: s.now });
          }
        }
      }),
      { seed: 2325, numRuns: 60 },
    );
  });
});
