/** An independent model of the five broker presets, fed by the event log: it follows every message
 * from place to place as each broker may move it, throws on a move its broker must never make
 * (a delivery after the ack, a receive beyond the limit, a first delivery out of order, a second
 * email not flagged as a duplicate), and can hold its picture against the engine's own state,
 * message by message. */
import type { Broker, Config, LogEntry, Message, SimState } from '../../../src/engine/index.ts';
import { keyPartition, orderKeyBytes } from '../../../src/engine/queue/murmur2.ts';
import { pendingSlots } from '../../../src/engine/eventList.ts';
import { fifoValues } from '../../../src/engine/ring.ts';

/** Where a message is. 'expired' (a lease ran out) and 'redriven' (taken out of the dead-letter
 * queue) only last until the next entry of the same event says where it went. */
export type BrokerPlace =
  | 'queued'
  | 'delayed'
  | 'inflight'
  | 'processed'
  | 'acked'
  | 'dead'
  | 'dropped'
  | 'expired'
  | 'redriven';

export const SETTLED_PLACES: readonly BrokerPlace[] = ['acked', 'dead', 'dropped'];

interface Tracked {
  id: number;
  order: number;
  place: BrokerPlace;
  /** Receives since the message was enqueued or last redriven. */
  receives: number;
  /** Kafka: backoffs since enqueued or redriven (the application's failure count, less the last). */
  retries: number;
  /** Received at least once (a redrive does not undo that). */
  seen: boolean;
}

export interface PlaceCounts {
  enqueued: number;
  queued: number;
  delayed: number;
  inflight: number;
  processed: number;
  acked: number;
  dead: number;
  dropped: number;
}

/** Tallies of log entries that the engine's metrics also count. */
export interface LogTallies {
  deadLettered: number;
  redriven: number;
  duplicates: number;
  deduplicated: number;
  redelivered: number;
}

export class BrokerReplay {
  readonly broker: Broker;
  private readonly messages = new Map<number, Tracked>();
  private readonly messageOfOrder = new Map<number, number>();
  /** Kafka: message ids by offset, per partition, and each partition's committed offset. */
  private readonly partitions: number[][];
  private readonly committed: number[];
  /** The last message id whose first delivery was seen, per ordering domain (Kafka: partition). */
  private readonly lastFirst = new Map<number, number>();
  private readonly crashed = new Set<number>();
  private readonly sends = new Map<number, number>();
  private workerCount: number;
  private poisonEvery: number;
  private down = false;
  private readonly maxReceives: number;
  private readonly deliveryLimit: number;
  private readonly deadLetter: boolean;
  private readonly partitioner: 'key' | 'round-robin';
  private readonly idempotency: boolean;
  readonly tallies: LogTallies = {
    deadLettered: 0,
    redriven: 0,
    duplicates: 0,
    deduplicated: 0,
    redelivered: 0,
  };

  constructor(config: Config) {
    const q = config.queue;
    this.broker = q.broker;
    this.maxReceives = q.maxReceives;
    this.deliveryLimit = q.deliveryLimit;
    this.deadLetter = q.deadLetter;
    this.partitioner = q.partitioner;
    this.idempotency = config.email.idempotency;
    this.workerCount = config.workers.count;
    this.poisonEvery = config.email.poisonEvery;
    const n = q.broker === 'kafka' ? q.partitions : 0;
    this.partitions = Array.from({ length: n }, () => []);
    this.committed = Array.from({ length: n }, () => 0);
  }

  /** Replays entries in log order; throws an Error naming the entry on a move not allowed. */
  replay(entries: readonly LogEntry[]): void {
    for (const e of entries) {
      try {
        this.apply(e);
      } catch (error) {
        throw new Error(`${this.broker}: ${(error as Error).message} at ${JSON.stringify(e)}`, {
          cause: error,
        });
      }
    }
  }

  counts(): PlaceCounts {
    const c: PlaceCounts = {
      enqueued: 0,
      queued: 0,
      delayed: 0,
      inflight: 0,
      processed: 0,
      acked: 0,
      dead: 0,
      dropped: 0,
    };
    for (const m of this.messages.values()) {
      c.enqueued++;
      if (m.place === 'expired' || m.place === 'redriven') {
        throw new Error(`message ${m.id} was left between places (${m.place})`);
      }
      c[m.place]++;
    }
    return c;
  }

  /** Each message's order, place and receive count, by id. */
  places(): Map<number, { order: number; place: BrokerPlace; receives: number }> {
    return new Map(
      [...this.messages].map(([id, m]) => [
        id,
        { order: m.order, place: m.place, receives: m.receives },
      ]),
    );
  }

  /** Emails sent per order, duplicates included. */
  sendsPerOrder(): ReadonlyMap<number, number> {
    return this.sends;
  }

  private apply(e: LogEntry): void {
    const broker = this.broker;
    switch (e.kind) {
      case 'settingChanged':
        if (e.key === 'workers.count') this.workerCount = Number(e.value);
        if (e.key === 'email.poisonEvery') this.poisonEvery = Number(e.value);
        return;
      case 'emailService':
        this.down = e.down;
        return;
      case 'messageQueued': {
        const m = this.messages.get(e.message);
        if (m === undefined) {
          if (this.messageOfOrder.has(e.order)) throw new Error('a second message for one order');
          this.messageOfOrder.set(e.order, e.message);
          this.messages.set(e.message, {
            id: e.message,
            order: e.order,
            place: 'queued',
            receives: 0,
            retries: 0,
            seen: false,
          });
          this.append(e.message, e.order);
          return;
        }
        if (m.order !== e.order) throw new Error(`message ${m.id} belongs to order ${m.order}`);
        const from = this.move(m, QUEUED_FROM[broker], 'queued');
        if (from === 'redriven') this.append(m.id, m.order);
        // The idealised broker takes back a delivery that never reached the email service.
        if (from === 'inflight' && broker === 'ideal') m.receives--;
        return;
      }
      case 'messageReceived': {
        const m = this.message(e.message);
        this.move(m, ['queued'], 'inflight');
        if (e.receive !== m.receives + 1)
          throw new Error(`receive ${e.receive} after ${m.receives}`);
        m.receives = e.receive;
        if (
          (broker === 'sqs' || broker === 'redis' || broker === 'ideal') &&
          this.deadLetter &&
          m.receives > this.maxReceives
        )
          throw new Error(`receive ${m.receives} beyond maxReceives ${this.maxReceives}`);
        if (e.worker < 0 || e.worker >= this.workerCount)
          throw new Error(`delivered to worker ${e.worker} of a pool of ${this.workerCount}`);
        if (this.crashed.has(e.worker)) throw new Error(`delivered to crashed worker ${e.worker}`);
        // As the broker counts them (the ideal broker takes back a delivery it undid).
        if (e.receive > 1) this.tallies.redelivered++;
        if (!m.seen) {
          m.seen = true;
          this.checkFirstDeliveryOrder(m);
        }
        return;
      }
      case 'emailCall': {
        const m = this.message(e.message);
        if (m.place !== 'inflight') throw new Error(`a call for a ${m.place} message`);
        const poison = this.poisonEvery > 0 && e.order % this.poisonEvery === 0;
        if (e.ok && (this.down || poison)) throw new Error('a call succeeds while it must fail');
        return;
      }
      case 'emailSent': {
        const before = this.sends.get(e.order) ?? 0;
        if (e.duplicate !== before > 0)
          throw new Error(`duplicate flag ${e.duplicate} after ${before} sends`);
        if (before > 0 && this.idempotency) throw new Error('a second send despite the key');
        if (before > 0 && broker === 'ideal') throw new Error('the ideal broker sent twice');
        if (e.duplicate) this.tallies.duplicates++;
        this.sends.set(e.order, before + 1);
        return;
      }
      case 'emailDeduplicated':
        if (!this.idempotency) throw new Error('deduplicated without the key');
        if (!((this.sends.get(e.order) ?? 0) > 0)) throw new Error('deduplicated a first send');
        if (broker === 'ideal') throw new Error('the ideal broker delivered a sent message');
        this.tallies.deduplicated++;
        return;
      case 'messageAcked': {
        const m = this.message(e.message);
        if (broker === 'kafka') this.move(m, ['inflight'], 'processed');
        // XACK names the entry: a late ack also removes an entry waiting to be claimed.
        else this.move(m, broker === 'redis' ? ['inflight', 'queued'] : ['inflight'], 'acked');
        return;
      }
      case 'lateAck':
        if (broker !== 'sqs' && broker !== 'redis') throw new Error('no lease to run out');
        return;
      case 'messageRetryLater': {
        if (broker === 'rabbitmq' || broker === 'redis') throw new Error('no backoff here');
        const m = this.message(e.message);
        this.move(m, ['inflight'], 'delayed');
        m.retries++;
        if (broker === 'kafka' && this.deadLetter && m.retries >= this.maxReceives)
          throw new Error(`backoff after ${m.retries} failures`);
        if (broker !== 'kafka' && this.deadLetter && m.receives >= this.maxReceives)
          throw new Error(`backoff after its last allowed receive`);
        return;
      }
      case 'visibilityExpired':
        if (broker !== 'sqs' && broker !== 'redis') throw new Error('no lease to run out');
        this.move(this.message(e.message), ['inflight'], 'expired');
        return;
      case 'deadLettered': {
        if (!this.deadLetter) throw new Error('dead-lettered without a dead-letter target');
        const m = this.message(e.message);
        this.move(
          m,
          broker === 'sqs' || broker === 'redis' ? ['inflight', 'expired'] : ['inflight'],
          'dead',
        );
        this.tallies.deadLettered++;
        if (broker === 'rabbitmq') {
          // Past the limit: limit + 1 failed deliveries at least (returns that count as no
          // failure, a consumer leaving the pool, add deliveries).
          if (m.receives < this.deliveryLimit + 1)
            throw new Error(`dead after ${m.receives} deliveries, limit ${this.deliveryLimit}`);
        } else if (broker === 'kafka') {
          if (m.retries !== this.maxReceives - 1)
            throw new Error(`dead after ${m.retries + 1} failures`);
        } else if (m.receives !== this.maxReceives) {
          throw new Error(`dead after ${m.receives} receives`);
        }
        return;
      }
      case 'messageDropped': {
        if (broker !== 'rabbitmq' || this.deadLetter)
          throw new Error('dropped, though a dead-letter target or a retry exists');
        const m = this.message(e.message);
        this.move(m, ['inflight'], 'dropped');
        if (m.receives < this.deliveryLimit + 1 || e.receive !== m.receives)
          throw new Error(`dropped after ${m.receives} deliveries`);
        return;
      }
      case 'redriven': {
        const m = this.message(e.message);
        this.move(m, ['dead'], 'redriven');
        m.receives = 0;
        m.retries = 0;
        this.tallies.redriven++;
        return;
      }
      case 'offsetCommitted': {
        if (broker !== 'kafka') throw new Error('no offsets here');
        const from = e.offset - e.records;
        if (e.records <= 0 || from !== this.committed[e.partition])
          throw new Error(`commit from ${from}, committed ${this.committed[e.partition]}`);
        for (const id of this.range(e.partition, from, e.offset)) {
          const m = this.message(id);
          // A record skipped to the dead-letter topic is committed with the rest.
          if (m.place === 'dead') continue;
          this.move(m, ['processed'], 'acked');
        }
        this.committed[e.partition] = e.offset;
        return;
      }
      case 'partitionRewound': {
        if (broker !== 'kafka') throw new Error('no offsets here');
        if (e.offset !== this.committed[e.partition])
          throw new Error(`rewound to ${e.offset}, committed ${this.committed[e.partition]}`);
        for (const id of this.range(e.partition, e.offset, e.offset + e.records)) {
          this.move(this.message(id), ['processed'], 'queued');
        }
        return;
      }
      case 'workerCrashed': {
        if (this.crashed.has(e.worker)) throw new Error('a crashed worker crashed again');
        this.crashed.add(e.worker);
        if (broker === 'kafka') {
          // The record in hand goes back to be read again (its partition's rewind follows).
          const id = this.messageOfOrder.get(e.order);
          if (id === undefined) throw new Error(`no message for order ${e.order}`);
          this.move(this.message(id), ['inflight'], 'queued');
        }
        return;
      }
      case 'workerRestarted':
        if (!this.crashed.delete(e.worker)) throw new Error('restarted without a crash');
        return;
      default:
        return;
    }
  }

  /** Kafka: the record is written at the end of the partition its order id hashes to. */
  /** Where the producer writes an order's record: the Java client's murmur2 of the key, or round
   * robin by order id. */
  private partitionOf(order: number): number {
    const n = this.partitions.length;
    return this.partitioner === 'key' ? keyPartition(orderKeyBytes(order), n) : order % n;
  }

  private append(id: number, order: number): void {
    if (this.broker !== 'kafka') return;
    this.partitions[this.partitionOf(order)]!.push(id);
  }

  private range(partition: number, from: number, to: number): number[] {
    const records = this.partitions[partition];
    if (records === undefined || from < 0 || to > records.length)
      throw new Error(`offsets ${from}..${to} outside partition ${partition}`);
    return records.slice(from, to);
  }

  /** Kafka promises order within a partition; RabbitMQ and Redis Streams hand out new messages
   * in the order they were written (a returned or claimed message jumps the line, but it has been
   * delivered before). SQS (standard queues) and the ideal broker promise nothing. */
  private checkFirstDeliveryOrder(m: Tracked): void {
    let domain: number;
    if (this.broker === 'kafka') domain = this.partitionOf(m.order);
    else if (this.broker === 'rabbitmq' || this.broker === 'redis') domain = -1;
    else return;
    const last = this.lastFirst.get(domain) ?? 0;
    if (m.id < last) throw new Error(`message ${m.id} first delivered after message ${last}`);
    this.lastFirst.set(domain, m.id);
  }

  private move(m: Tracked, from: readonly BrokerPlace[], to: BrokerPlace): BrokerPlace {
    const was = m.place;
    if (!from.includes(was)) throw new Error(`illegal move of message ${m.id}: ${was} -> ${to}`);
    m.place = to;
    return was;
  }

  private message(id: number): Tracked {
    const m = this.messages.get(id);
    if (m === undefined) throw new Error(`unknown message ${id}`);
    return m;
  }
}

/** Where a message may come from when it (re)joins the queue, per broker. */
const QUEUED_FROM: Record<Broker, readonly BrokerPlace[]> = {
  // A backoff ends; a crash before the send gives the delivery back; a redrive.
  ideal: ['delayed', 'inflight', 'redriven'],
  sqs: ['delayed', 'expired', 'redriven'],
  // A nack, a closed channel or a retiring consumer returns it at once.
  rabbitmq: ['inflight', 'redriven'],
  // Backoff ends or a redrive (a rewind is logged per partition, not per record).
  kafka: ['delayed', 'redriven'],
  // A claim after minIdle, or a redrive.
  redis: ['expired', 'redriven'],
};

/** The engine's messages found by walking its state: the queue, the partitions, the workers, the
 * dead-letter queue and the pending timers. Acked and dropped messages are found only while
 * something still refers to them, so the walk is compared with the model for the others. */
export function engineMessages(s: Readonly<SimState>): {
  byId: Map<number, Message>;
  queued: number[];
  delayed: number[];
  inflight: number[];
  processed: number[];
  dead: number[];
} {
  const byId = new Map<number, Message>();
  const note = (m: Message) => {
    const known = byId.get(m.id);
    if (known !== undefined && known !== m) throw new Error(`two objects for message ${m.id}`);
    byId.set(m.id, m);
  };
  const queued: number[] = [];
  const processed: number[] = [];
  for (const m of fifoValues(s.queue.visible)) {
    note(m);
    queued.push(m.id);
  }
  for (const p of s.kafka.partitions) {
    for (let i = p.committed; i < p.records.length; i++) {
      const m = p.records[i]!;
      note(m);
      if (m.state === 'queued') {
        if (i < p.pos) throw new Error(`partition ${p.id}: record ${m.id} waits behind the reader`);
        queued.push(m.id);
      }
      if (m.state === 'processed') {
        if (i >= p.pos) throw new Error(`partition ${p.id}: record ${m.id} processed ahead`);
        processed.push(m.id);
      }
    }
  }
  for (const w of s.workers) {
    if (w.message) note(w.message);
    for (const m of w.buffer) note(m);
  }
  const dead = s.dlq.map((m) => {
    note(m);
    return m.id;
  });
  const h = s.heap;
  for (const slot of pendingSlots(h)) {
    const ref = h.refs[slot];
    if (ref && typeof ref === 'object' && 'receives' in ref) note(ref);
  }
  const inState = (state: Message['state']) =>
    [...byId.values()].filter((m) => m.state === state).map((m) => m.id);
  return {
    byId,
    queued: queued.sort((a, b) => a - b),
    delayed: inState('delayed').sort((a, b) => a - b),
    inflight: inState('inflight').sort((a, b) => a - b),
    processed: processed.sort((a, b) => a - b),
    dead: dead.sort((a, b) => a - b),
  };
}
