/** The order in which messages come back, as the real brokers give them (the same cases run against
 * real servers in `npm run conformance`): RabbitMQ serves returned messages before the rest of
 * the queue in the order they came back, and Redis' XAUTOCLAIM hands out the lowest entry ID
 * first. Server steps take no time here, so orders reach the queue at t = 0. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SettingValue, TimedChange } from '../../src/engine/index.ts';
import {
  createFifo,
  fifoInsert,
  fifoInsertAll,
  fifoRemove,
  fifoShift,
  fifoValues,
} from '../../src/engine/ring.ts';
import { entries, logged, settle, trace, QUIET_CHECKOUT } from './support/trace.ts';

function run(settings: Record<string, SettingValue>, changes: TimedChange[]) {
  return settle(
    logged({
      mode: 'async',
      settings: {
        ...QUIET_CHECKOUT,
        ...settings,
      },
      changes,
    }),
  );
}

/** Each delivery as [message, worker]. */
function deliveries(sim: ReturnType<typeof run>) {
  return trace(sim, ['messageReceived']).map(([, , message, worker]) => [message, worker]);
}

describe('RabbitMQ: two consumers crash, the first holding message 1, then the second holding 2', () => {
  const sim = run(
    {
      'queue.broker': 'rabbitmq',
      'workers.count': 2,
      'queue.prefetch': 1,
      'workers.crashRate': 1,
      'workers.restart': 5000,
    },
    [
      { atMs: 0, key: 'orders.place', value: 2 },
      { atMs: 1, key: 'workers.crashRate', value: 0 },
      { atMs: 200, key: 'workers.count', value: 3 },
    ],
  );

  it('gives the next consumer message 1 first, as a quorum queue serves its returns in order', () => {
    const crashes = trace(sim, ['workerCrashed']).map(([, , worker]) => worker);
    expect(crashes).toEqual([0, 1]);
    expect(deliveries(sim)).toEqual([
      [1, 0],
      [2, 1],
      [1, 2],
      [2, 2],
    ]);
  });
});

describe('RabbitMQ: a message rejected while returned ones wait', () => {
  // Worker 0's call for order 1 fails at 100 ms (the service is down until 50 ms); workers 1 and
  // 2 take orders 2 and 3 at 1 ms and crash before then.
  const sim = run(
    {
      'queue.broker': 'rabbitmq',
      'workers.count': 3,
      'queue.prefetch': 1,
      'workers.restart': 5000,
      'email.outage': '0-0.05',
    },
    [
      { atMs: 0, key: 'orders.place', value: 1 },
      { atMs: 1, key: 'workers.crashRate', value: 1 },
      { atMs: 1, key: 'orders.place', value: 2 },
      { atMs: 2, key: 'workers.crashRate', value: 0 },
      { atMs: 200, key: 'workers.count', value: 4 },
    ],
  );

  it('goes behind them: the returns are served in the order they came back', () => {
    const back = entries(sim).flatMap((e) =>
      e.kind === 'workerCrashed' || e.kind === 'emailFailed' ? [[e.t, e.order]] : [],
    );
    expect(back.map(([, order]) => order)).toEqual([3, 2, 1]);
    expect(back[2]![0]).toBe(100);
    const again = entries(sim).flatMap((e) =>
      e.kind === 'messageReceived' && e.receive === 2 ? [e.message] : [],
    );
    expect(again).toEqual([3, 2, 1]);
  });
});

describe('RabbitMQ: a worker that crashes after the consumer timeout took its message back', () => {
  // Found by the Little's law property (seed 2323): the call outlives the 60 s consumer timeout,
  // the message comes back and goes straight into the same worker's buffer, and the worker then
  // crashes after sending. The channel closing returns the buffer, not the old delivery again.
  const sim = settle(
    logged({
      mode: 'async',
      seed: 0,
      settings: {
        'traffic.pattern': 'single',
        'latency.email': 'uniform(50000,70000)',
        'workers.count': 1,
        'workers.crashRate': 1,
        'workers.restart': 0,
        'queue.broker': 'rabbitmq',
        'queue.prefetch': 5,
        'queue.deliveryLimit': 3,
        'queue.consumerTimeout': 60_000,
      },
    }),
  );

  it('returns the message once, and dead-letters it once', () => {
    const depths = entries(sim).flatMap((e) => (e.kind === 'messageQueued' ? [e.depth] : []));
    expect(trace(sim, ['visibilityExpired']).length).toBeGreaterThan(0);
    expect(Math.max(...depths)).toBe(1);
    expect(trace(sim, ['deadLettered'])).toHaveLength(1);
  });
});

describe('Redis: entries 1 and 2 held by dead consumers and 3 by a slow one, all past min-idle', () => {
  const sim = run(
    {
      'queue.broker': 'redis',
      'workers.count': 3,
      'queue.minIdle': 300,
      'workers.crashRate': 1,
      'workers.restart': 5000,
    },
    [
      { atMs: 0, key: 'orders.place', value: 2 },
      { atMs: 1, key: 'workers.crashRate', value: 0 },
      { atMs: 1, key: 'latency.email', value: 1000 },
      { atMs: 2, key: 'orders.place', value: 1 },
      { atMs: 3, key: 'latency.email', value: 100 },
      { atMs: 400, key: 'workers.count', value: 4 },
    ],
  );

  it('lets the next consumer claim them lowest ID first, as XAUTOCLAIM scans from 0-0', () => {
    expect(deliveries(sim)).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});

describe('the queue’s ring, inserting and removing near the head (seed 17)', () => {
  const op = fc.oneof(
    fc.record({ push: fc.nat() }),
    fc.record({ shift: fc.constant(true) }),
    fc.record({ insert: fc.nat(), at: fc.nat(8) }),
    fc.record({ insertAll: fc.integer({ min: 1, max: 5 }), at: fc.nat(8) }),
    fc.record({ remove: fc.nat(12) }),
  );

  it('keeps the same values in the same order as a plain array', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const q = createFifo<number>();
        const model: number[] = [];
        let next = 0;
        for (const o of ops) {
          if ('push' in o) {
            q.items.push(next);
            model.push(next++);
          } else if ('shift' in o) {
            expect(fifoShift(q)).toBe(model.shift());
          } else if ('insertAll' in o) {
            const at = Math.min(o.at, model.length);
            const values = Array.from({ length: o.insertAll }, () => next++);
            fifoInsertAll(q, at, values);
            model.splice(at, 0, ...values);
          } else if ('insert' in o) {
            const at = Math.min(o.at, model.length);
            fifoInsert(q, at, next);
            model.splice(at, 0, next++);
          } else {
            const value = model[o.remove];
            const expected = value === undefined ? -1 : o.remove;
            expect(fifoRemove(q, value ?? -1)).toBe(expected);
            if (value !== undefined) model.splice(o.remove, 1);
          }
          expect(fifoValues(q)).toEqual(model);
        }
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});
