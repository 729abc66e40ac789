/** A large Kafka group held to a budget of work, counted rather than timed: the engine's reads of
 * its workers and partitions per event. Once workers have left the group, finding a partition's
 * owner must not mean looking at every worker (that made a 4,000-worker run take a minute), nor
 * may a rebalance look at every partition when only a few could start (that made a run with
 * every read outliving max.poll.interval.ms crawl at 40 µs an event). The worst event, a member
 * leaving, looks at the partitions ready to start (each one's new owner: one worker), and a
 * rewind at the crashed worker's own partitions, so an event reads less than one pass over the
 * partitions, however many workers there are. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildConfig,
  Simulation,
  type SettingValue,
  type SimState,
} from '../../src/engine/index.ts';
import { ownerOf, rankOf, setLeft } from '../../src/engine/queue/kafkaGroup.ts';
import { scenario } from './support/scenarios.ts';

/** Counts reads of the array's elements (by index) from now on. */
function counted<T>(items: T[], tally: { reads: number }): T[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key.length > 0 && key.charCodeAt(0) <= 57) tally.reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

function run(settings: Record<string, SettingValue>, durationMs: number, drainMs: number) {
  const sim = new Simulation({
    config: buildConfig({
      'traffic.pattern': 'steady',
      'queue.broker': 'kafka',
      ...settings,
    }),
    mode: 'async',
    seed: 7,
    durationMs,
  });
  const s = sim.state as SimState;
  const tally = { reads: 0 };
  s.workers = counted(s.workers, tally);
  s.kafka.partitions = counted(s.kafka.partitions, tally);
  sim.runToSettle(durationMs + drainMs);
  return { sim, reads: tally.reads, events: s.events };
}

describe('a Kafka group of 2,000 workers that crash and leave it one by one', () => {
  const partitions = 64;
  const { sim, reads, events } = run(
    {
      'traffic.rate': 50,
      'workers.count': 2000,
      'queue.partitions': partitions,
      'workers.crashRate': 1,
      'queue.sessionTimeout': 1,
      'workers.restart': 3_600_000,
    },
    4000,
    60_000,
  );

  it('sees most of its workers leave the group', () => {
    expect(sim.state.kafka.groupLeft).toBeGreaterThan(1000);
  });

  it('reads less than one pass over the partitions per event, however many have left', () => {
    expect(events).toBeGreaterThan(1000);
    expect(reads / events).toBeLessThan(partitions);
  });
});

describe('a Kafka group whose consumers all outlive max.poll.interval.ms', () => {
  const partitions = 256;
  const { reads, events } = run(
    {
      'traffic.rate': 100,
      'workers.count': 1000,
      'queue.partitions': partitions,
      'queue.maxPollInterval': 1,
      'latency.email': 1000,
    },
    200,
    // It never settles: every read outlives the interval, so the records go round for ever.
    5000,
  );

  it('reads less than one pass over the partitions per event', () => {
    expect(events).toBeGreaterThan(5000);
    expect(reads / events).toBeLessThan(partitions);
  });
});

describe('the group’s owners and ranks, against a filter over every worker (seed 23)', () => {
  /** What the tree stands in for: the members in id order, partition p to member p mod n. */
  function bruteOwner(s: SimState, p: number): number {
    const members = s.workers.filter((w) => w.id < s.config.workers.count && !w.left);
    return members.length > 0 ? members[p % members.length]!.id : -1;
  }

  const op = fc.oneof(
    fc.record({ leave: fc.nat(39) }),
    fc.record({ rejoin: fc.nat(39) }),
    fc.record({ count: fc.integer({ min: 0, max: 40 }) }),
  );

  it('agree after any sequence of leaves, rejoins and resizes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const sim = new Simulation({
          config: buildConfig({ 'queue.broker': 'kafka', 'queue.partitions': 37 }),
          mode: 'async',
          seed: 1,
          durationMs: 0,
        });
        const s = sim.state as SimState;
        for (const o of ops) {
          if ('count' in o) sim.change('workers.count', o.count);
          else {
            const worker = s.workers['leave' in o ? o.leave : o.rejoin];
            if (worker) setLeft(s, worker, 'leave' in o);
          }
          for (const p of s.kafka.partitions) {
            expect(ownerOf(s, p)?.id ?? -1).toBe(bruteOwner(s, p.id));
          }
          for (const w of s.workers) {
            const owned = s.kafka.partitions.filter((p) => bruteOwner(s, p.id) === w.id);
            const rank = rankOf(s, w);
            if (rank < 0) expect(owned).toEqual([]);
            else if (owned.length === 0) expect(rank).toBeGreaterThanOrEqual(37);
            else expect(owned[0]!.id).toBe(rank);
          }
        }
      }),
      { seed: 23, numRuns: 100 },
    );
  });
});

describe('the partitions marked ready to start, against their state (seed 2324)', () => {
  const kafkaScenario = fc
    .record({
      partitions: fc.integer({ min: 1, max: 70 }),
      commitEvery: fc.constantFrom(1, 3),
      sessionTimeout: fc.constantFrom(1, 500),
      maxPollInterval: fc.constantFrom(1, 1000, 300_000),
    })
    .chain((k) =>
      scenario.map((sc) => ({
        ...sc,
        settings: {
          ...sc.settings,
          'queue.broker': 'kafka',
          'queue.partitions': k.partitions,
          'queue.commitEvery': k.commitEvery,
          'queue.sessionTimeout': k.sessionTimeout,
          'queue.maxPollInterval': k.maxPollInterval,
        },
      })),
    );

  /** Steps the run, checking every partition after every event. */
  function expectReadyPartitions(sim: Simulation): void {
    const s = sim.state;
    for (let i = 0; i < 5000 && sim.step(); i++) {
      for (const p of s.kafka.partitions) {
        const next = p.records[p.pos];
        const ready = !p.busy && next?.state === 'queued';
        const bit = ((s.kafka.ready[p.id >> 5]! >>> (p.id & 31)) & 1) === 1;
        if (bit !== ready) expect({ partition: p.id, bit, t: s.now }).toEqual({ ready });
        // And none is left waiting for an owner that is idle: every membership change, and
        // every change of a partition, starts what can start.
        if (ready && ownerOf(s as SimState, p)?.state === 'idle') {
          expect({ partition: p.id, t: s.now }).toEqual({ owner: 'busy' });
        }
      }
    }
  }

  it('are exactly those not being read whose next record is ready, none with an idle owner', () => {
    fc.assert(
      fc.property(kafkaScenario, (sc) => {
        expectReadyPartitions(
          new Simulation({
            config: buildConfig(sc.settings),
            mode: 'async',
            seed: sc.seed,
            durationMs: sc.durationMs,
            changes: sc.changes,
          }),
        );
      }),
      { seed: 2324, numRuns: 40 },
    );
  });

  it('start at once when a worker rejoining the group hands one to an idle member', () => {
    // Found with this property: a call outlives max.poll.interval.ms, its worker leaves and
    // rejoins when the call ends, and the rebalance gives a waiting partition to an idle worker,
    // which used to wait for the next membership change to look.
    expectReadyPartitions(
      new Simulation({
        config: buildConfig({
          'traffic.pattern': 'single',
          'latency.validate': 'uniform(0,1)',
          'latency.charge': 0,
          'latency.save': 'uniform(0,518)',
          'latency.enqueue': 'uniform(531,1197)',
          'latency.email': 1500,
          'server.handlers': 1,
          'server.timeout': 1000,
          'workers.count': 4,
          'users.retryOnError': true,
          'users.retryDelay': 500,
          'queue.broker': 'kafka',
          'queue.partitions': 34,
          'queue.commitEvery': 1,
          'queue.sessionTimeout': 500,
          'queue.maxPollInterval': 1000,
        }),
        mode: 'async',
        seed: 2140124880,
        durationMs: 500,
        changes: [{ atMs: 6500, key: 'workers.count', value: 1 }],
      }),
    );
  });
});
