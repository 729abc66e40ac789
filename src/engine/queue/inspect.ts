/** A read-only look inside the broker, for the diagram's close-up: Kafka's partitions with their
 * offsets, RabbitMQ's consumers with their prefetch buffers, Redis's pending entries, SQS's
 * messages in flight. Plain data, bounded in size, computed on demand from the state (nothing is
 * kept or counted for it while nobody looks), and it changes nothing. */
import { pendingSlots } from '../eventList.ts';
import { fifoSize } from '../ring.ts';
import type { Broker } from '../settings.ts';
import { EV, subjectOf } from '../events.ts';
import type { Message, SimState, Worker, WorkerState } from '../state.ts';
import { ownerOf } from './kafkaGroup.ts';

/** Kafka: what became of a record, as its partition's row shows it. */
export type RecordState =
  /** Processed and its offset committed. */
  | 'committed'
  /** Processed, its offset not committed yet: a crash would replay it. */
  | 'processed'
  /** Its worker is processing it now. */
  | 'reading'
  /** It failed and waits for its backoff before the next try, holding up the partition. */
  | 'retrying'
  /** Waiting to be read. */
  | 'waiting'
  /** Skipped to the dead-letter topic after too many failures. */
  | 'dead';

export interface RecordCell {
  offset: number;
  order: number;
  state: RecordState;
  /** Failed tries so far (the application's count: Kafka counts none). */
  failures: number;
}

export interface PartitionRow {
  id: number;
  /** The worker that reads it, or -1 when the group has no member for it. */
  owner: number;
  ownerState: WorkerState | 'none';
  /** The committed offset: the next record the group would read after a crash. */
  committed: number;
  /** The offset the next record written will get. */
  end: number;
  /** Records written and not committed: end - committed. */
  lag: number;
  /** The offset the worker reads next (or is reading). */
  position: number;
  /** A window of records around the committed offset, in offset order. */
  records: RecordCell[];
  /** Records after the window, not shown. */
  more: number;
  /** The record at the position failed and waits for a retry, or the owner is down. */
  blocked: boolean;
}

export interface KafkaInspection {
  broker: 'kafka';
  now: number;
  partitions: PartitionRow[];
  /** Partitions not shown (past `limit` rows). */
  morePartitions: number;
  /** Failed tries after which the application skips a record (0: it never does). */
  maxTries: number;
  deadLetters: number;
}

/** One message as the close-ups list it. */
export interface MessageCell {
  message: number;
  order: number;
  /** Deliveries so far (SQS ApproximateReceiveCount; Redis's delivery counter). */
  receives: number;
  /** RabbitMQ: failed deliveries (x-delivery-count); Kafka: failed tries. */
  failures: number;
  /** When the current (or last) delivery handed it to a worker (-1 before any). */
  receivedAt: number;
}

export interface RabbitConsumer {
  worker: number;
  state: WorkerState;
  /** The delivery being processed, if any. */
  inHand: MessageCell | null;
  /** Delivered under the prefetch and not started yet, at most `limit` of them. */
  buffer: MessageCell[];
  bufferMore: number;
  /** Deliveries not acked: in hand plus buffered. */
  unacked: number;
}

export interface RabbitInspection {
  broker: 'rabbitmq';
  now: number;
  prefetch: number;
  deliveryLimit: number;
  deadLetter: boolean;
  consumers: RabbitConsumer[];
  /** Ready messages at the head of the queue, at most `limit`. */
  ready: MessageCell[];
  readyCount: number;
  /** The live message that has failed most often (it keeps coming back), if any has failed. */
  returning: MessageCell | null;
  dropped: number;
  deadLetters: number;
}

/** A delivered, unacked message: SQS in flight, or a Redis pending entry. */
export interface InFlightCell extends MessageCell {
  /** The worker processing it now, or -1 when nobody is (its worker crashed, or failed and moved
   * on): then only the lease running out brings it back. */
  worker: number;
  /** How long since it was delivered (Redis: its idle time). */
  idleMs: number;
  /** SQS: when it becomes visible again; Redis: when another consumer may claim it. */
  leaseEndsAt: number;
}

export interface LeaseInspection {
  broker: 'sqs' | 'redis';
  now: number;
  /** SQS visibility timeout or Redis min-idle time. */
  leaseMs: number;
  /** SQS maxReceiveCount; Redis: the application's limit before it dead-letters. */
  maxReceives: number;
  deadLetter: boolean;
  /** Delivered and not acked, oldest delivery first, at most `limit`. */
  inFlight: InFlightCell[];
  inFlightCount: number;
  /** Ready messages at the head of the queue, at most `limit` (Redis: claimed entries first). */
  ready: MessageCell[];
  readyCount: number;
  /** Messages waiting for their backoff to end (SQS). */
  delayedCount: number;
  deadLetters: number;
  /** Worker ids with their state, so that consumers with nothing pending show too. */
  workers: { worker: number; state: WorkerState }[];
  /** Workers still on a call whose delivery the broker has taken back (its lease ran out): their
   * receipt will delete nothing (SQS), or their ack still counts (Redis). */
  expired: (MessageCell & { worker: number })[];
}

export type BrokerInspection = KafkaInspection | RabbitInspection | LeaseInspection;

/** The default bound on rows and on records per row. */
export const INSPECT_LIMIT = 12;

/** Committed records shown before the committed offset, for context. */
const COMMITTED_SHOWN = 2;

/** What the close-up shows of the broker now; null for the ideal broker (it has no state of its
 * own to show) and in sync mode. `limit` bounds every list (rows, records per row, messages). */
export function inspectBroker(s: SimState, limit: number = INSPECT_LIMIT): BrokerInspection | null {
  if (s.mode !== 'async') return null;
  const broker: Broker = s.config.queue.broker;
  const n = Math.max(1, Math.floor(limit));
  switch (broker) {
    case 'ideal':
      return null;
    case 'kafka':
      return inspectKafka(s, n);
    case 'rabbitmq':
      return inspectRabbit(s, n);
    case 'sqs':
    case 'redis':
      return inspectLeases(s, broker, n);
  }
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

function inspectKafka(s: SimState, limit: number): KafkaInspection {
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
    broker: 'kafka',
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

function inspectRabbit(s: SimState, limit: number): RabbitInspection {
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
    broker: 'rabbitmq',
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

function inspectLeases(s: SimState, broker: 'sqs' | 'redis', limit: number): LeaseInspection {
  const leaseMs = broker === 'sqs' ? s.config.queue.visibilityTimeoutMs : s.config.queue.minIdleMs;
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
    broker,
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
