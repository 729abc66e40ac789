/** The whole state of one simulation run, as plain data (numbers, arrays, maps of plain objects)
 * so that a run can be snapshotted with structuredClone and resumed, plus the helpers every part
 * of the model shares: scheduling, logging and the email service's health. */
import { heapPush, PRIORITY, type EventKind, type ScheduledEvent } from './eventList.ts';
import { createLog, writeLog, type EventLog, type LogEntry } from './log.ts';
import { createFifo, type Fifo } from './ring.ts';
import { createStreams, uniform, type Streams } from './rng.ts';
import { sample } from './distributions.ts';
import type { Config, Mode, Step, TimedChange } from './settings.ts';
import { createLevel, createSamples, type Level, type Samples } from './stats.ts';

export interface Order {
  id: number;
  customer: number;
  /** 0 for the first click, 1 for a user's retry after an error page. */
  attempt: number;
  arrivedAt: number;
  /** Index into the mode's steps; -1 while waiting for a handler. */
  stepIndex: number;
  stepOk: boolean;
  charged: boolean;
  /** What the user has seen so far. */
  page: 'none' | 'success' | 'error';
}

export type MessageState = 'queued' | 'delayed' | 'inflight' | 'acked' | 'dead';

export interface Message {
  id: number;
  order: number;
  orderArrivedAt: number;
  /** When it last became visible: the start of its current wait in the queue. */
  readyAt: number;
  receives: number;
  /** Bumped whenever the message changes hands, so that a superseded timer or ack is ignored. */
  lease: number;
  state: MessageState;
  /** Workers still working on it (a slow worker can hold it after its lease has expired). */
  holders: number;
  sent: boolean;
}

export type WorkerState = 'idle' | 'busy' | 'crashed' | 'retired';

export interface Worker {
  id: number;
  state: WorkerState;
  message: number;
  /** The message's lease when this worker received it. */
  lease: number;
  /** Bumped on every delivery and crash, so stale completions are ignored. */
  job: number;
  ok: boolean;
  crashAfterSend: boolean;
}

export interface Customer {
  charges: number;
  /** Orders in progress plus retries scheduled; the record is dropped at zero. */
  open: number;
}

export interface Metrics {
  arrived: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  charged: number;
  saved: number;
  chargedButSawError: number;
  doubleCharged: number;
  userRetries: number;
  serverFinishedLate: number;
  emailsSent: number;
  duplicates: number;
  failedAttempts: number;
  lost: number;
  enqueued: number;
  acked: number;
  deadLettered: number;
  visibilityExpired: number;
  crashes: number;
  response: Samples;
  emailDelay: Samples;
  queueWait: Samples;
  serverWait: Samples;
  busyHandlers: Level;
  handlerCapacity: Level;
  busyWorkers: Level;
  workerCapacity: Level;
  queueDepth: Level;
}

export interface SimState {
  mode: Mode;
  seed: number;
  durationMs: number;
  config: Config;
  now: number;
  seq: number;
  events: number;
  heap: ScheduledEvent[];
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
  orders: Map<number, Order>;
  customers: Map<number, Customer>;
  retriesPending: number;
  handlerQueue: Fifo;
  handlersBusy: number;
  patience: Fifo;
  sweepGen: number;
  sweepAt: number;
  messages: Map<number, Message>;
  visible: Fifo;
  delayed: number;
  inflight: number;
  workers: Worker[];
  idle: Fifo;
  outageGen: number;
  inOutage: boolean;
  metrics: Metrics;
  log: EventLog | null;
}

export interface SimulationInput {
  config: Config;
  mode: Mode;
  seed: number;
  /** Orders arrive during this many ms of simulated time. */
  durationMs: number;
  changes?: readonly TimedChange[];
  /** Keep an event log of this many entries for the UI (0: none, the fastest). */
  logCapacity?: number;
}

function createMetrics(): Metrics {
  return {
    arrived: 0,
    succeeded: 0,
    failed: 0,
    timedOut: 0,
    charged: 0,
    saved: 0,
    chargedButSawError: 0,
    doubleCharged: 0,
    userRetries: 0,
    serverFinishedLate: 0,
    emailsSent: 0,
    duplicates: 0,
    failedAttempts: 0,
    lost: 0,
    enqueued: 0,
    acked: 0,
    deadLettered: 0,
    visibilityExpired: 0,
    crashes: 0,
    response: createSamples(),
    emailDelay: createSamples(),
    queueWait: createSamples(),
    serverWait: createSamples(),
    busyHandlers: createLevel(),
    handlerCapacity: createLevel(),
    busyWorkers: createLevel(),
    workerCapacity: createLevel(),
    queueDepth: createLevel(),
  };
}

export function createState(input: SimulationInput): SimState {
  if (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > 0xffffffff) {
    throw new RangeError(`seed must be a whole number from 0 to ${0xffffffff}`);
  }
  if (!(input.durationMs >= 0) || !Number.isFinite(input.durationMs)) {
    throw new RangeError('durationMs must be a finite number of ms, 0 or more');
  }
  return {
    mode: input.mode,
    seed: input.seed,
    durationMs: input.durationMs,
    config: structuredClone(input.config),
    now: 0,
    seq: 0,
    events: 0,
    heap: [],
    streams: createStreams(input.seed),
    changes: [...(input.changes ?? [])].sort((a, b) => a.atMs - b.atMs),
    nextOrderId: 1,
    nextMessageId: 1,
    arrivals: { placed: 0, budget: 0, fromMs: 0, gen: 0, pending: false },
    orders: new Map(),
    customers: new Map(),
    retriesPending: 0,
    handlerQueue: createFifo(),
    handlersBusy: 0,
    patience: createFifo(),
    sweepGen: 0,
    sweepAt: Infinity,
    messages: new Map(),
    visible: createFifo(),
    delayed: 0,
    inflight: 0,
    workers: [],
    idle: createFifo(),
    outageGen: 0,
    inOutage: false,
    metrics: createMetrics(),
    log: input.logCapacity ? createLog(input.logCapacity) : null,
  };
}

/** Times are rounded to whole microseconds when scheduled, so sums of latencies stay exact. */
export function roundUs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

export function schedule(s: SimState, kind: EventKind, t: number, id = 0, lease = 0): void {
  heapPush(s.heap, { t: roundUs(t), priority: PRIORITY[kind], seq: s.seq++, kind, id, lease });
}

export function log(s: SimState, entry: LogEntry): void {
  if (s.log) writeLog(s.log, entry);
}

export function emailDown(s: SimState): boolean {
  return s.config.email.down || s.inOutage;
}

/** One call to the email service, decided when it starts: how long it takes and whether it
 * works. A failed call takes as long as a good one (the caller learns the outcome at the end);
 * during an outage every call fails. Both draws are made every time so that the streams stay
 * aligned whatever the failure rate. */
export function callEmail(s: SimState): { latencyMs: number; ok: boolean } {
  const latencyMs = sampleLatency(s, 'email');
  const roll = uniform(s.streams.emailFailure);
  return { latencyMs, ok: !emailDown(s) && roll >= s.config.email.failureRate };
}

export function sampleLatency(s: SimState, step: Step): number {
  return sample(s.config.latency[step], s.streams[step]);
}
