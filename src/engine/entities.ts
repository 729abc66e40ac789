/** The things a run moves around: customers and their orders, the messages (email jobs) the
 * queue holds, Kafka's partitions and the workers. Plain data that refer to each other, parts of
 * the run's state (state.ts); they import nothing, so the event table (events.ts) can name them
 * as subjects without going through the state.
 *
 * Each has its factories here (`newOrder` for a new one, `copyOrder` for a copy, …), which hold
 * the only object literal of its shape: the engine makes its objects with them and a restore
 * (restore.ts) its copies, so both have the same fields in the same order and so the same hidden
 * class, which the engine's optimised code depends on. */

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

// Each shape has one object literal, in its copy function (`copyOrder`, …), and so one
// allocation site: the engine makes a new object by copying a module-private blank and setting
// what differs, and a restore copies a checkpoint's object with the same function, so both get
// the same hidden class. TypeScript refuses a copy that leaves out a field or adds one.

/** A customer, once they click again after an error page (server.ts). */
export function copyCustomer(f: Customer): Customer {
  return { id: f.id, charges: f.charges };
}

export function newCustomer(id: number, charges: number): Customer {
  return copyCustomer({ id, charges });
}

export function copyOrder(f: Order, customer: Customer | null): Order {
  return {
    id: f.id,
    customerId: f.customerId,
    customer,
    attempt: f.attempt,
    arrivedAt: f.arrivedAt,
    handledAt: f.handledAt,
    stepIndex: f.stepIndex,
    stepStart: f.stepStart,
    stepEnd: f.stepEnd,
    stepOk: f.stepOk,
    charged: f.charged,
    outboxed: f.outboxed,
    page: f.page,
    done: f.done,
  };
}

const BLANK_ORDER: Order = {
  id: 0,
  customerId: 0,
  customer: null,
  attempt: 0,
  arrivedAt: 0,
  handledAt: -1,
  stepIndex: -1,
  stepStart: 0,
  stepEnd: 0,
  stepOk: true,
  charged: false,
  outboxed: false,
  page: 'none',
  done: false,
};

/** An order as it arrives, waiting for a handler: a customer's first click (`attempt` 0,
 * `customer` null) or their retry. */
export function newOrder(
  id: number,
  customerId: number,
  customer: Customer | null,
  attempt: number,
  arrivedAt: number,
): Order {
  const order = copyOrder(BLANK_ORDER, customer);
  order.id = id;
  order.customerId = customerId;
  order.attempt = attempt;
  order.arrivedAt = arrivedAt;
  order.stepStart = arrivedAt;
  order.stepEnd = arrivedAt;
  return order;
}

export function copyMessage(f: Message): Message {
  return {
    id: f.id,
    order: f.order,
    orderArrivedAt: f.orderArrivedAt,
    readyAt: f.readyAt,
    receives: f.receives,
    receivedAt: f.receivedAt,
    lease: f.lease,
    state: f.state,
    sent: f.sent,
    failures: f.failures,
    partition: f.partition,
    delayedAt: f.delayedAt,
    leaseEndsAt: f.leaseEndsAt,
    holder: f.holder,
    step: f.step,
    confirmed: f.confirmed,
  };
}

const BLANK_MESSAGE: Message = {
  id: 0,
  order: 0,
  orderArrivedAt: 0,
  readyAt: 0,
  receives: 0,
  receivedAt: -1,
  lease: 0,
  state: 'queued',
  sent: false,
  failures: 0,
  partition: -1,
  delayedAt: -1,
  leaseEndsAt: -1,
  holder: -1,
  step: 0,
  confirmed: false,
};

/** A job as it is queued (queue/core.ts): not received yet, in no partition, held by no one. */
export function newMessage(
  id: number,
  order: number,
  orderArrivedAt: number,
  readyAt: number,
  step: number,
  confirmed: boolean,
): Message {
  const message = copyMessage(BLANK_MESSAGE);
  message.id = id;
  message.order = order;
  message.orderArrivedAt = orderArrivedAt;
  message.readyAt = readyAt;
  message.step = step;
  message.confirmed = confirmed;
  return message;
}

/** `message` and `buffer` are the copies of the worker's own (a restore's), or null and a new
 * array (a new worker's). */
export function copyWorker(f: Worker, message: Message | null, buffer: Message[]): Worker {
  return {
    id: f.id,
    state: f.state,
    message,
    buffer,
    lease: f.lease,
    job: f.job,
    ok: f.ok,
    crashAfterSend: f.crashAfterSend,
    left: f.left,
    since: f.since,
    until: f.until,
  };
}

const BLANK_WORKER: Worker = {
  id: 0,
  state: 'retired',
  message: null,
  buffer: [],
  lease: 0,
  job: 0,
  ok: true,
  crashAfterSend: false,
  left: false,
  since: 0,
  until: 0,
};

/** A worker as the pool makes it (queue/workers.ts), retired until it goes idle. */
export function newWorker(id: number): Worker {
  const worker = copyWorker(BLANK_WORKER, null, []);
  worker.id = id;
  return worker;
}

/** `records`: the copies of the partition's own (a restore's), or a new array. */
export function copyPartition(f: Partition, records: Message[]): Partition {
  return {
    id: f.id,
    records,
    base: f.base,
    committed: f.committed,
    pos: f.pos,
    busy: f.busy,
  };
}

/** An empty Kafka partition (createState.ts). */
export function newPartition(id: number): Partition {
  return copyPartition({ id, records: [], base: 0, committed: 0, pos: 0, busy: false }, []);
}
