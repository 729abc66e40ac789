/** The things a run moves around: customers and their orders, the messages (email jobs) the
 * queue holds, Kafka's partitions and the workers. Plain data that refer to each other, parts of
 * the run's state (state.ts); they import nothing, so the event table (events.ts) can name them
 * as subjects without going through the state. */

/** A customer who clicked again after an error page; shared by both of their orders. */
export interface Customer {
  id: number;
  charges: number;
}

export interface Order {
  id: number;
  /** The customer's id: the id of their first order. */
  customerId: number;
  /** Set once the customer retries, to count double charges. */
  customer: Customer | null;
  /** 0 for the first click, 1 for a user's retry after an error page. */
  attempt: number;
  arrivedAt: number;
  /** When the handler started on it (-1 while waiting for one). */
  handledAt: number;
  /** Index into the mode's steps; -1 while waiting for a handler. */
  stepIndex: number;
  stepStart: number;
  stepEnd: number;
  stepOk: boolean;
  charged: boolean;
  /** Its jobs were written to the outbox with the order (outbox.ts): the request's own enqueue
   * step, still to come after any later request step, is skipped. */
  outboxed: boolean;
  /** What the user has seen so far. */
  page: 'none' | 'success' | 'error';
  /** Set once the handler has finished with it. */
  done: boolean;
}

/** 'processed': Kafka only, done but its offset not committed yet (a crash replays it). */
export type MessageState =
  'queued' | 'delayed' | 'inflight' | 'processed' | 'acked' | 'dead' | 'dropped';

export interface Message {
  id: number;
  order: number;
  orderArrivedAt: number;
  /** When it last became visible (its current wait in the queue started then), or when a delayed
   * message will become visible. */
  readyAt: number;
  receives: number;
  /** When the current (or last) delivery handed it to a worker. */
  receivedAt: number;
  /** Bumped whenever the message changes hands, so that a superseded timer or ack is ignored. */
  lease: number;
  state: MessageState;
  sent: boolean;
  /** Failed deliveries: RabbitMQ's delivery-count (rejects and closed channels); Kafka's
   * application counts its failed attempts here, as Kafka counts no deliveries. */
  failures: number;
  /** Kafka: the partition it was written to (-1 for other brokers). */
  partition: number;
  /** When its current (or last) backoff began (-1 before any): the view's countdown starts there. */
  delayedAt: number;
  /** When its current delivery's lease ends (SQS visibility timeout, Redis min-idle), timer or not:
   * the view counts down to it. -1 where the broker has no such lease, or before any delivery. */
  leaseEndsAt: number;
  /** The worker its latest delivery went to (-1 before the first), so that a lease running out
   * finds its holder without looking through every worker. */
  holder: number;
  /** The flow step this job runs (an index into config.flow.steps). */
  step: number;
  /** The order's page said "confirmed" (the user had not given up before the jobs were queued). */
  confirmed: boolean;
}

/** A Kafka partition: the records from the committed offset on, in offset order. */
export interface Partition {
  id: number;
  records: Message[];
  /** The offset of records[0]. */
  base: number;
  /** Index into records of the first record not committed (kept 0 after compaction). */
  committed: number;
  /** Index into records of the next record to process. */
  pos: number;
  /** A worker is processing records[pos]. */
  busy: boolean;
}

export type WorkerState = 'idle' | 'busy' | 'crashed' | 'retired';

export interface Worker {
  id: number;
  state: WorkerState;
  message: Message | null;
  /** RabbitMQ: messages delivered to this worker under its prefetch and not started yet. */
  buffer: Message[];
  /** The message's lease when this worker received it. */
  lease: number;
  /** Bumped on every delivery and crash, so stale completions are ignored. */
  job: number;
  ok: boolean;
  crashAfterSend: boolean;
  /** Kafka: out of the consumer group (silent past the session timeout, or stuck on one record
   * past max.poll.interval.ms) until it polls again; the group has moved its partitions. */
  left: boolean;
  /** The current call or restart: from when to when (for the view). */
  since: number;
  until: number;
}
