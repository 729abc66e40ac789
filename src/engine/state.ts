/** The whole state of one simulation run, as plain data (numbers, arrays and plain objects that
 * refer to each other) so that a run can be snapshotted with structuredClone, which keeps shared
 * references, and resumed; plus the helpers every part of the model shares. */
import type { Message, Order, Partition, Worker } from './entities.ts';
import { createEventList, eventKey, pushEvent, type EventList } from './eventList.ts';
import type { EventKind, EventSubject } from './events.ts';
import { stepIndexOf } from './flow.ts';
import { CHECK_EVERY, RUN_LIMITS, type RunLimits } from './limits.ts';
import { createLog, writeLog, type EventLog, type LogEntry } from './log.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { BROKER_NAMES } from './queue/brokers.ts';
import { createFifo, type Fifo } from './ring.ts';
import { createStreams, type Streams } from './rng.ts';
import type { Config, Mode, TimedChange } from './settings.ts';
import { flowStreams, runStepsOf, type RunStep } from './steps.ts';
import { roundUs } from './time.ts';

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

/** The event list keeps a lane for arrivals (the next is scheduled when the last one fires, so
 * they come in order) and one per step a handler runs (lane 1 + the step's index): with a fixed
 * latency, every order's step ends in the order it started, and a lane holds such events more
 * cheaply than the heap. As many lanes as the run's steps need, since finding the earliest lane
 * head looks at each lane after every event a lane fires. */
export const ARRIVAL_LANE = 0;
export const FIRST_STEP_LANE = 1;

export interface SimulationInput {
  config: Config;
  mode: Mode;
  seed: number;
  /** Orders arrive during this many ms of simulated time. */
  durationMs: number;
  changes?: readonly TimedChange[];
  /** Keep an event log of this many entries for the UI (0: none, the fastest). */
  logCapacity?: number;
  /** Budgets smaller than the command line's (RUN_LIMITS), for a caller with less room. */
  limits?: Partial<RunLimits>;
}

export function createState(input: SimulationInput): SimState {
  if (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > 0xffffffff) {
    throw new RangeError(`seed must be a whole number from 0 to ${0xffffffff}`);
  }
  if (!(input.durationMs >= 0)) {
    throw new RangeError('durationMs must be a number of ms, 0 or more');
  }
  const atOneInstant = Math.min(
    input.limits?.atOneInstant ?? RUN_LIMITS.atOneInstant,
    RUN_LIMITS.atOneInstant,
  );
  const streams = createStreams(input.seed, flowStreams(input.config.flow));
  const config = structuredClone(input.config);
  const compiled = runStepsOf(config.flow, input.mode, streams);
  return {
    mode: input.mode,
    seed: input.seed,
    durationMs: input.durationMs,
    config,
    now: 0,
    seq: 0,
    events: 0,
    heap: createEventList(FIRST_STEP_LANE + compiled.steps.length),
    streams,
    changes: [...(input.changes ?? [])].sort((a, b) => a.atMs - b.atMs),
    nextOrderId: 1,
    nextMessageId: 1,
    arrivals: { placed: 0, budget: 0, fromMs: 0, gen: 0, pending: false },
    changesPending: 0,
    live: [],
    liveNext: 0,
    liveAt: Infinity,
    server: {
      steps: compiled.steps,
      runs: compiled.runs,
      jobs: compiled.jobs,
      failedLate: {},
      openOrders: 0,
      retriesPending: 0,
      handlerQueue: createFifo(),
      handlersBusy: 0,
      patience: createFifo(),
      sweepGen: 0,
      sweepAt: Infinity,
    },
    queue: {
      visible: createFifo(),
      front: 0,
      delayed: 0,
      idle: createFifo(),
      rr: 0,
      redriveGen: 0,
      redriveAt: Infinity,
    },
    kafka: {
      partitions:
        input.mode === 'async' && BROKER_NAMES[input.config.queue.broker].partitioned
          ? Array.from({ length: input.config.queue.partitions }, (_, id) => ({
              id,
              records: [],
              base: 0,
              committed: 0,
              pos: 0,
              busy: false,
            }))
          : [],
      backlog: 0,
      ready:
        input.mode === 'async' && BROKER_NAMES[input.config.queue.broker].partitioned
          ? new Array<number>(Math.ceil(input.config.queue.partitions / 32)).fill(0)
          : [],
      groupLeft: 0,
      rebalanced: false,
      tree: [],
      lead: [],
      members: 0,
      groupCount: -1,
      groupSize: -1,
      uncommitted: 0,
    },
    rabbitmq: { buffered: 0, room: [], roomCount: 0, roomFor: [-1, -1] },
    outbox: { rows: [], pollAt: Infinity },
    email: { outageGen: 0, inOutage: false, ok: true },
    workers: [],
    inflight: 0,
    dlq: [],
    metrics: createMetrics(config.flow.steps.length, stepIndexOf(config.flow, 'email')),
    log: input.logCapacity ? createLog(input.logCapacity) : null,
    stopped: null,
    budget: {
      checkAt: Math.min(CHECK_EVERY, Math.ceil(atOneInstant / 4)),
      stallAtMs: -1,
      stallFromEvents: 0,
      finishedSeen: 0,
      expiredFrom: 0,
      maxHeld: Math.min(input.limits?.held ?? RUN_LIMITS.held, RUN_LIMITS.held),
      maxEvents: Math.min(input.limits?.events ?? RUN_LIMITS.events, RUN_LIMITS.events),
      maxAtOneInstant: atOneInstant,
    },
  };
}

export function schedule<R extends EventSubject>(
  s: SimState,
  kind: EventKind<R>,
  t: number,
  subject: NoInfer<R>,
  n = 0,
): void {
  pushEvent(s.heap, roundUs(t), eventKey(kind.priority, s.seq++), kind.code, subject, n);
}

/** `schedule` for a time already on the microsecond grid (from roundUs, which rounding again
 * would not change): one division less on the busiest paths. `lane`: see eventList.ts. */
export function scheduleRounded<R extends EventSubject>(
  s: SimState,
  kind: EventKind<R>,
  tUs: number,
  subject: NoInfer<R>,
  n = 0,
  lane = -1,
): void {
  pushEvent(s.heap, tUs, eventKey(kind.priority, s.seq++), kind.code, subject, n, lane);
}

/** Writes to the event log. Callers write `if (s.log) log(s.log, …)`: runs without a log do not
 * even build the entries, and the type of the first argument makes the check necessary. */
export const log: (log: EventLog, entry: LogEntry) => void = writeLog;

export function emailDown(s: SimState): boolean {
  return s.config.email.down || s.email.inOutage;
}
