/** A read-only look inside the broker, for the diagram's close-up: Kafka's partitions with their
 * offsets, RabbitMQ's consumers with their prefetch buffers, Redis's pending entries, SQS's
 * messages in flight. Plain data, bounded in size, computed on demand from the state (nothing is
 * kept or counted for it while nobody looks), and it changes nothing. */
import { pendingSlots } from '../eventList.ts';
import { fifoSize } from '../ring.ts';
import { EV, subjectOf } from '../events.ts';
import type { Message, SimState, Worker } from '../state.ts';
import type {
  BrokerInspection,
  InFlightCell,
  KafkaInspection,
  LeaseInspection,
  MessageCell,
  PartitionRow,
  RabbitConsumer,
  RabbitInspection,
  RecordCell,
  RecordState,
} from './inspection.ts';
import { ownerOf } from './kafkaGroup.ts';
import { policyOf } from './policy.ts';

export type { BrokerInspection } from './inspection.ts';

/** The default bound on rows and on records per row. */
export const INSPECT_LIMIT = 12;

/** Committed records shown before the committed offset, for context. */
const COMMITTED_SHOWN = 2;

/** What the close-up shows of the broker now; null for the ideal broker (it has no state of its
 * own to show) and in sync mode. `limit` bounds every list (rows, records per row, messages). */
export function inspectBroker(s: SimState, limit: number = INSPECT_LIMIT): BrokerInspection | null {
  if (s.mode !== 'async') return null;
  return policyOf(s).inspect?.(s, Math.max(1, Math.floor(limit))) ?? null;
}

function cellOf(m: Message): MessageCell {
  return {
    message: m.id,
    order: m.order,
    receives: m.receives,
    failures: m.failures,
    receivedAt: m.receivedAt,
  };
}

/** The workers in the pool now (retired ones are gone). */
function pool(s: SimState): Worker[] {
  return s.workers.filter((w) => w.state !== 'retired');
}

function recordState(m: Message): RecordState {
  switch (m.state) {
    case 'acked':
      return 'committed';
    case 'processed':
      return 'processed';
    case 'inflight':
      return 'reading';
    case 'delayed':
      return 'retrying';
    case 'dead':
    case 'dropped':
      return 'dead';
    case 'queued':
      return 'waiting';
  }
}

export function inspectKafka(s: SimState, limit: number): KafkaInspection {
  const rows = s.kafka.partitions.slice(0, limit).map((p): PartitionRow => {
    const owner = ownerOf(s, p);
    const from = Math.max(0, p.committed - COMMITTED_SHOWN);
    const to = Math.min(p.records.length, from + limit);
    const records: RecordCell[] = [];
    for (let i = from; i < to; i++) {
      const m = p.records[i]!;
      records.push({
        offset: p.base + i,
        order: m.order,
        state: recordState(m),
        failures: m.failures,
      });
    }
    const next = p.records[p.pos];
    return {
      id: p.id,
      owner: owner?.id ?? -1,
      ownerState: owner?.state ?? 'none',
      committed: p.base + p.committed,
      end: p.base + p.records.length,
      lag: p.records.length - p.committed,
      position: p.base + p.pos,
      records,
      more: p.records.length - to,
      blocked:
        next !== undefined &&
        !p.busy &&
        (next.state === 'delayed' || owner === undefined || owner.state === 'crashed'),
    };
  });
  return {
    kind: 'partitions',
    broker: s.config.queue.broker,
    now: s.now,
    partitions: rows,
    morePartitions: Math.max(0, s.kafka.partitions.length - limit),
    maxTries: s.config.queue.deadLetter ? s.config.queue.maxReceives : 0,
    deadLetters: s.dlq.length,
  };
}

/** Up to `limit` messages from the head of the visible queue, without copying all of it. */
function headOfQueue(s: SimState, limit: number): MessageCell[] {
  const { items, head } = s.queue.visible;
  const out: MessageCell[] = [];
  for (let i = head; i < items.length && out.length < limit; i++) out.push(cellOf(items[i]!));
  return out;
}

/** The message in the worker's hand, if it is still this worker's delivery (a slow worker whose
 * lease ran out goes on with a message the broker has taken back). */
function heldBy(w: Worker): Message | null {
  const m = w.message;
  return m && m.state === 'inflight' && m.lease === w.lease ? m : null;
}

export function inspectRabbit(s: SimState, limit: number): RabbitInspection {
  const count = s.config.workers.count;
  let returning: Message | null = null;
  const consider = (m: Message) => {
    if (m.failures > 0 && (returning === null || m.failures > returning.failures)) returning = m;
  };
  const { items, head } = s.queue.visible;
  for (let i = head; i < items.length; i++) consider(items[i]!);
  const consumers = pool(s)
    .filter((w) => w.id < count || w.state !== 'idle')
    .slice(0, limit)
    .map((w): RabbitConsumer => {
      const inHand = heldBy(w);
      if (inHand) consider(inHand);
      for (const m of w.buffer) consider(m);
      return {
        worker: w.id,
        state: w.state,
        inHand: inHand ? cellOf(inHand) : null,
        buffer: w.buffer.slice(0, limit).map(cellOf),
        bufferMore: Math.max(0, w.buffer.length - limit),
        unacked: (inHand ? 1 : 0) + w.buffer.length,
      };
    });
  return {
    kind: 'prefetch',
    broker: s.config.queue.broker,
    now: s.now,
    prefetch: s.config.queue.prefetch,
    deliveryLimit: s.config.queue.deliveryLimit,
    deadLetter: s.config.queue.deadLetter,
    consumers,
    ready: headOfQueue(s, limit),
    readyCount: fifoSize(s.queue.visible),
    returning: returning ? cellOf(returning) : null,
    dropped: s.metrics.dropped,
    deadLetters: s.dlq.length,
  };
}

/** Deliveries with a lease of `leaseMs` each (SQS's visibility timeout, Redis's min-idle time). */
export function inspectLeases(s: SimState, leaseMs: number, limit: number): LeaseInspection {
  const byMessage = new Map<Message, number>();
  for (const w of s.workers) {
    const m = heldBy(w);
    if (m) byMessage.set(m, w.id);
  }
  // Messages nobody is working on are found by the timer that will bring them back.
  const h = s.heap;
  for (const slot of pendingSlots(h)) {
    if (h.kinds[slot] !== EV.messageVisible.code) continue;
    const m = subjectOf(h, slot, EV.messageVisible);
    if (m.state === 'inflight' && m.lease === h.ns[slot] && !byMessage.has(m)) byMessage.set(m, -1);
  }
  const inFlight = [...byMessage]
    .map(([m, worker]): InFlightCell => ({
      ...cellOf(m),
      worker,
      idleMs: s.now - m.receivedAt,
      leaseEndsAt: m.receivedAt + leaseMs,
    }))
    .sort((a, b) => a.receivedAt - b.receivedAt || a.message - b.message);
  return {
    kind: 'leases',
    broker: s.config.queue.broker,
    now: s.now,
    leaseMs,
    maxReceives: s.config.queue.maxReceives,
    deadLetter: s.config.queue.deadLetter,
    inFlight: inFlight.slice(0, limit),
    inFlightCount: inFlight.length,
    ready: headOfQueue(s, limit),
    readyCount: fifoSize(s.queue.visible),
    delayedCount: s.queue.delayed,
    deadLetters: s.dlq.length,
    workers: pool(s)
      .slice(0, limit)
      .map((w) => ({ worker: w.id, state: w.state })),
    expired: s.workers
      .filter((w) => w.state === 'busy' && w.message !== null && heldBy(w) === null)
      .slice(0, limit)
      .map((w) => ({ ...cellOf(w.message!), worker: w.id })),
  };
}
