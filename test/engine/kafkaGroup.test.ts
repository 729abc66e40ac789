/** A large Kafka group held to a budget of work, counted rather than timed: the engine's reads of
 * its workers and partitions per event. Once workers have left the group, finding a partition's
 * owner must not mean looking at every worker (that made a 4,000-worker run take a minute), so
 * the reads per event stay within what a healthy group's events cost: the worst event, a poll
 * timeout, rewinds the partitions (one pass over them) and rebalances twice (a pass each), and
 * an owner is one worker. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildConfig,
  Simulation,
  type SettingValue,
  type SimState,
} from '../../src/engine/index.ts';
import { ownerOf, rankOf, setLeft } from '../../src/engine/queue/kafkaGroup.ts';

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

  it('reads at most three passes over the partitions per event, however many have left', () => {
    expect(events).toBeGreaterThan(1000);
    expect(reads / events).toBeLessThan(3 * partitions);
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

  it('reads at most three passes over the partitions per event', () => {
    expect(events).toBeGreaterThan(5000);
    expect(reads / events).toBeLessThan(3 * partitions);
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
      { seed: 23, numRuns: 200 },
    );
  });
});
