/** What the broker close-up shows, as plain data: one shape for each kind of close-up (a
 * partitioned log, consumers with prefetch buffers, deliveries with leases), told apart by `kind`;
 * each preset says which it shows (its policy's `inspect`). */
import type { WorkerState } from '../state.ts';
import type { Broker } from './brokers.ts';

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
  kind: 'partitions';
  broker: Broker;
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
  kind: 'prefetch';
  broker: Broker;
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
  kind: 'leases';
  broker: Broker;
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
