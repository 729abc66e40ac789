/** The whole state of one simulation run, as types: plain data (numbers, arrays and plain objects
 * that refer to each other) so that a run can be snapshotted with structuredClone, which keeps
 * shared references, and resumed. createState.ts builds one; schedule.ts puts events on its list;
 * the things it moves (orders, messages, workers, partitions) and their factories are entities.ts. */
import type { Message, Order, Partition, Worker } from './entities.ts';
import type { EventList } from './eventList.ts';
import type { EventSubject } from './events.ts';
import type { EventLog } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { Fifo } from './ring.ts';
import type { Streams } from './rng.ts';
import type { Config, Mode, TimedChange } from './settings.ts';
import type { RunStep } from './steps.ts';

// The things a run moves are parts of its state, and the model imports them from here;
// entities.ts keeps them apart only so that the event table (events.ts) needs no state.
export type {
  Customer,
  Message,
  MessageState,
  Order,
  Partition,
  Worker,
  WorkerState,
} from './entities.ts';
export type { RunStep } from './steps.ts';

/** The web server: its handlers, the line waiting for one, and the users' patience. */
export interface ServerState {
  /** The steps a handler runs in this mode, in order (async: the request's, then the enqueue). */
  steps: readonly RunStep[];
  /** Every flow step, by its index in the flow. */
  runs: readonly RunStep[];
  /** The background steps, in flow order: async puts one job per step on the queue (none in sync). */
  jobs: readonly RunStep[];
  /** Orders already counted as confirmed, then failed (keys: order ids), counted once each. */
  failedLate: Record<number, true>;
  /** Orders the server has not finished with (waiting for or holding a handler). */
  openOrders: number;
  retriesPending: number;
  handlerQueue: Fifo<Order>;
  handlersBusy: number;
  /** Every order whose user has not seen a page yet, in arrival order. */
  patience: Fifo<Order>;
  sweepGen: number;
  sweepAt: number;
}

/** What every broker keeps: the visible queue, delayed messages, idle workers and the scheduled
 * redrive. Messages in flight (`inflight`) and the dead-letter queue (`dlq`) are counted at the
 * top of SimState, where the store reads them until the view carries them (issue 13, item 1). */
export interface QueueState {
  visible: Fifo<Message>;
  /** How many messages at the head of `visible` are returned (RabbitMQ, ideal) or claimable
   * (Redis) ones, served before new messages (see makeVisible). */
  front: number;
  delayed: number;
  idle: Fifo<Worker>;
  /** Where the next round-robin scan starts (RabbitMQ prefetch, Kafka partitions). */
  rr: number;
  redriveGen: number;
  /** When the scheduled redrive runs (Infinity when none is scheduled). */
  redriveAt: number;
}

/** Kafka's part: empty and zero for the other brokers. */
export interface KafkaState {
  /** The topic's partitions. */
  partitions: Partition[];
  /** Records waiting in partitions, ready to be read. */
  backlog: number;
  /** A bit per partition: not busy, its next record ready (see kafkaReady.ts). */
  ready: number[];
  /** Workers out of the consumer group now (0 in the common case: a fast path). */
  groupLeft: number;
  /** A worker rejoined the group since the partitions were last dispatched. */
  rebalanced: boolean;
  /** Once someone has left: the group's members as a Fenwick tree over worker ids, the ids of the
   * first members (as many as there are partitions), how many there are, and the pool (count,
   * workers made) it was built for (see kafkaGroup.ts). */
  tree: number[];
  lead: number[];
  members: number;
  groupCount: number;
  groupSize: number;
  /** Records processed whose offset is not committed yet. */
  uncommitted: number;
}

/** RabbitMQ's part. */
export interface RabbitMqState {
  /** Messages in workers' prefetch buffers, delivered but not started: still waiting. */
  buffered: number;
  /** A bit per worker id that may have room for another prefetched message, how many are set,
   * and the pool size and prefetch they were marked for (see rabbitmqRoom.ts). */
  room: number[];
  roomCount: number;
  roomFor: number[];
}

/** The transactional outbox (outbox.ts): the orders whose email job is written in the outbox
 * table and not yet moved to the queue, oldest first, and when the relay polls next. */
export interface OutboxState {
  rows: Order[];
  /** Infinity while no poll is scheduled: the relay polls only while rows wait. */
  pollAt: number;
}

/** The email service: its outage windows and the outcome of the last call. */
export interface EmailState {
  outageGen: number;
  inOutage: boolean;
  /** The outcome of the last callEmail. */
  ok: boolean;
}

export type StopReason = 'no-progress' | 'events' | 'orders';

/** Why and when a run stopped before it settled or reached its end (see budget.ts). */
export interface Stop {
  reason: StopReason;
  atMs: number;
  message: string;
}

/** The budgets' bookkeeping (see budget.ts). */
export interface BudgetState {
  /** The event count at which the budgets are checked next. */
  checkAt: number;
  /** The simulated time seen at the last check, and the event count when it was first seen. */
  stallAtMs: number;
  stallFromEvents: number;
  /** Email jobs finished (acked, dead-lettered or dropped) at the last check, and the leases run
   * out (metrics.visibilityExpired) when that count last moved. */
  finishedSeen: number;
  expiredFrom: number;
  /** The run's budgets (RunLimits): orders and email jobs unfinished at once, events in all. */
  maxHeld: number;
  maxEvents: number;
  maxAtOneInstant: number;
}

export interface SimState {
  mode: Mode;
  seed: number;
  durationMs: number;
  config: Config;
  now: number;
  seq: number;
  events: number;
  heap: EventList<EventSubject>;
  streams: Streams;
  changes: TimedChange[];
  nextOrderId: number;
  nextMessageId: number;
  arrivals: {
    placed: number;
    /** The unit-rate exponential budget left for the next arrival, counted from `fromMs`. */
    budget: number;
    fromMs: number;
    gen: number;
    pending: boolean;
  };
  /** Scripted changes still to come: a run is not settled while one may start new work. */
  changesPending: number;
  /** Indices into `changes` of the live changes to replay, in event order, and the next one. */
  live: number[];
  liveNext: number;
  /** `afterEvents` of the next live change to replay (Infinity when none): one compare per event. */
  liveAt: number;
  server: ServerState;
  queue: QueueState;
  kafka: KafkaState;
  rabbitmq: RabbitMqState;
  outbox: OutboxState;
  email: EmailState;
  /** The queue workers (async only). */
  workers: Worker[];
  /** Messages delivered and not yet acked, dead-lettered or returned. */
  inflight: number;
  /** The dead-letter queue, oldest first. */
  dlq: Message[];
  metrics: Metrics;
  log: EventLog | null;
  /** Set when a budget stopped the run early (see budget.ts); nothing runs after that. */
  stopped: Stop | null;
  budget: BudgetState;
}
