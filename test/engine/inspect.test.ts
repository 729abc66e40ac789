/** The broker close-up's data: real runs of the broker lessons (and a Redis run, which has no
 * lesson), inspected at the lessons' pauses, checked against the engine's own state and log. */
import { describe, expect, it } from 'vitest';
import {
  inspectBroker,
  Simulation,
  type KafkaInspection,
  type LeaseInspection,
  type LogEntry,
  type RabbitInspection,
} from '../../src/engine/index.ts';
import { findScenario, scenarioChanges, scenarioConfig } from '../../src/scenarios/index.ts';
import { LOG_CAPACITY, logged } from './support/trace.ts';

function lesson(id: string): Simulation {
  const scenario = findScenario(id)!;
  return new Simulation({
    config: scenarioConfig(scenario),
    mode: 'async',
    seed: scenario.seed,
    durationMs: scenario.durationSec * 1000,
    changes: scenarioChanges(scenario),
    logCapacity: LOG_CAPACITY,
  });
}

function logOf(sim: Simulation): LogEntry[] {
  return sim.readLog(0).entries;
}

function count(log: LogEntry[], test: (e: LogEntry) => boolean): number {
  return log.filter(test).length;
}

describe('inspecting the Kafka lesson (kafka-poison)', () => {
  const sim = lesson('kafka-poison');
  sim.runUntil(13_100);
  const early = inspectBroker(sim.state) as KafkaInspection;
  sim.runUntil(22_000);
  const late = inspectBroker(sim.state) as KafkaInspection;
  const log = logOf(sim);

  it('shows a row per partition, each owned by the worker the group gives it', () => {
    expect(late.broker).toBe('kafka');
    expect(late.partitions.map((p) => p.id)).toEqual([0, 1, 2, 3]);
    // Four workers, four partitions, nobody out of the group: worker i reads partition i.
    expect(late.partitions.map((p) => p.owner)).toEqual([0, 1, 2, 3]);
  });

  it('gives each partition the committed offset its last commit logged, and lag = end - committed', () => {
    for (const row of late.partitions) {
      const commits = log.filter((e) => e.kind === 'offsetCommitted' && e.partition === row.id);
      const last = commits[commits.length - 1];
      expect(row.committed).toBe(last && last.kind === 'offsetCommitted' ? last.offset : 0);
      expect(row.lag).toBe(row.end - row.committed);
      expect(row.position).toBeGreaterThanOrEqual(row.committed);
      expect(row.position).toBeLessThanOrEqual(row.end);
    }
  });

  it('numbers the records by offset, each at its own partition', () => {
    for (const row of late.partitions) {
      const offsets = row.records.map((r) => r.offset);
      expect(offsets).toEqual(offsets.map((_, i) => offsets[0]! + i));
      expect(offsets[offsets.length - 1]! + 1 + row.more).toBe(row.end);
    }
  });

  it('holds partition 2 on order 20, with the failures the log counts, while records pile up behind it', () => {
    const stuck = late.partitions[2]!;
    const poison = stuck.records.find((r) => r.order === 20)!;
    expect(poison.offset).toBe(stuck.position);
    expect(['retrying', 'reading']).toContain(poison.state);
    expect(poison.failures).toBe(
      count(log, (e) => e.kind === 'emailFailed' && e.order === 20 && e.worker >= 0),
    );
    expect(poison.failures).toBeGreaterThanOrEqual(2);
    const behind = (p: KafkaInspection['partitions'][number]) =>
      p.records.filter((r) => r.state === 'waiting').length + p.more;
    expect(behind(stuck)).toBeGreaterThan(behind(early.partitions[2]!));
    expect(stuck.lag).toBeGreaterThan(early.partitions[2]!.lag);
    expect(stuck.blocked || poison.state === 'reading').toBe(true);
    // Its committed offset stands still while the other partitions' move on.
    expect(stuck.committed).toBe(early.partitions[2]!.committed);
    for (const id of [0, 1, 3]) {
      expect(late.partitions[id]!.committed).toBeGreaterThan(early.partitions[id]!.committed);
    }
  });

  it('bounds each row at `limit` records and says how many more there are', () => {
    const small = inspectBroker(sim.state, 3) as KafkaInspection;
    for (const [i, row] of small.partitions.entries()) {
      expect(row.records.length).toBeLessThanOrEqual(3);
      expect(row.records.length + row.more).toBe(
        late.partitions[i]!.records.length + late.partitions[i]!.more,
      );
    }
  });
});

describe('inspecting the RabbitMQ lesson (rabbitmq-drop)', () => {
  const sim = lesson('rabbitmq-drop');
  sim.runUntil(20_000);
  const mid = inspectBroker(sim.state) as RabbitInspection;
  const midLog = logOf(sim);
  sim.runUntil(42_800);
  const end = inspectBroker(sim.state) as RabbitInspection;
  const log = logOf(sim);

  it('shows each consumer holding no more unacked deliveries than the prefetch allows', () => {
    expect(mid.consumers.length).toBe(sim.state.config.workers.count);
    for (const c of mid.consumers) {
      expect(c.unacked).toBe((c.inHand ? 1 : 0) + c.buffer.length + c.bufferMore);
      expect(c.unacked).toBeLessThanOrEqual(mid.prefetch);
    }
  });

  it('follows the message that keeps coming back, with the failed deliveries the log counts', () => {
    const back = mid.returning!;
    expect(back.order).toBe(10);
    expect(back.failures).toBe(
      count(midLog, (e) => e.kind === 'emailFailed' && e.order === 10 && e.worker >= 0),
    );
    expect(back.failures).toBeGreaterThan(5);
  });

  it('counts the drop once order 10 has failed one more time than the delivery limit', () => {
    expect(end.dropped).toBe(count(log, (e) => e.kind === 'messageDropped'));
    expect(end.dropped).toBe(1);
    expect(count(log, (e) => e.kind === 'emailFailed' && e.order === 10)).toBe(
      end.deliveryLimit + 1,
    );
    // Order 10 is gone: the one coming back now, if any, is a later poison message.
    expect(end.returning?.order ?? 0).not.toBe(10);
  });
});

describe('inspecting the SQS lesson (slow-email)', () => {
  const sim = lesson('slow-email');
  sim.runUntil(13_100);
  const view = inspectBroker(sim.state) as LeaseInspection;
  const log = logOf(sim);

  it('lists the messages in flight with their receive counts and visibility deadlines from the log', () => {
    expect(view.broker).toBe('sqs');
    expect(view.inFlightCount).toBeGreaterThan(0);
    for (const cell of view.inFlight) {
      const receipts = log.filter(
        (e) => e.kind === 'messageReceived' && e.message === cell.message,
      );
      expect(cell.receives).toBe(receipts.length);
      expect(cell.receivedAt).toBe(receipts[receipts.length - 1]!.t);
      expect(cell.leaseEndsAt - cell.receivedAt).toBeCloseTo(5000, 6);
      expect(cell.idleMs).toBe(sim.now - cell.receivedAt);
    }
  });

  it('shows order 6 visible again while its first worker is still sending it', () => {
    expect(count(log, (e) => e.kind === 'visibilityExpired' && e.order === 6)).toBe(1);
    expect(view.inFlight.some((c) => c.order === 6)).toBe(false);
    const six = view.ready.find((c) => c.order === 6)!;
    expect(six.receives).toBe(1);
    const first = log.find((e) => e.kind === 'messageReceived' && e.order === 6)!;
    expect(view.expired).toEqual([
      expect.objectContaining({
        order: 6,
        worker: first.kind === 'messageReceived' && first.worker,
      }),
    ]);
  });
});

describe('inspecting a Redis Streams run (no lesson uses Redis)', () => {
  const sim = logged({
    mode: 'async',
    seed: 3,
    durationMs: 40_000,
    settings: {
      'queue.broker': 'redis',
      'traffic.pattern': 'steady',
      'traffic.rate': 2,
      'email.poisonEvery': 7,
      'workers.count': 3,
    },
  });
  const views: LeaseInspection[] = [];
  for (let t = 2000; t <= 40_000; t += 2000) {
    sim.runUntil(t);
    views.push(inspectBroker(sim.state) as LeaseInspection);
  }
  const log = logOf(sim);

  it('lists pending entries with their idle time, none idle past the claim time without a consumer', () => {
    const pending = views.flatMap((v) => v.inFlight);
    expect(pending.length).toBeGreaterThan(0);
    for (const v of views) {
      expect(v.leaseMs).toBe(sim.state.config.queue.minIdleMs);
      for (const cell of v.inFlight) {
        expect(cell.idleMs).toBe(v.now - cell.receivedAt);
        // An entry nobody works on is claimed as soon as it has been idle for min-idle.
        if (cell.worker === -1) expect(cell.leaseEndsAt).toBeGreaterThanOrEqual(v.now);
      }
    }
    expect(pending.some((c) => c.worker === -1)).toBe(true);
  });

  it('marks a claimed entry by its delivery count, after the log says it was claimed', () => {
    const claimed = views.flatMap((v) => v.inFlight).filter((c) => c.receives > 1);
    expect(claimed.length).toBeGreaterThan(0);
    for (const cell of claimed) {
      const claims = log.filter(
        (e) =>
          e.kind === 'visibilityExpired' && e.message === cell.message && e.t <= cell.receivedAt,
      );
      expect(claims.length).toBe(cell.receives - 1);
    }
  });
});

describe('when there is nothing of a broker to show', () => {
  it('returns null for the ideal broker and for the sync lane', () => {
    const ideal = logged({ mode: 'async', settings: { 'queue.broker': 'ideal' } });
    const sync = logged({ mode: 'sync', settings: { 'queue.broker': 'kafka' } });
    expect(inspectBroker(ideal.state)).toBeNull();
    expect(inspectBroker(sync.state)).toBeNull();
  });
});
