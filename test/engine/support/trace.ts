/** Trace helpers for engine tests: build a logged run from settings, and project its event log to
 * compact tuples such as `[1050, 'messageQueued', 1]` that a test can compare with `toEqual`. */
import {
  buildConfig,
  Simulation,
  type LogEntry,
  type LogKind,
  type Mode,
  type SettingValue,
  type TimedChange,
} from '../../../src/engine/index.ts';

/** One log entry as `[t, kind, ...the fields that identify what happened]`. */
export type Tuple = readonly (string | number)[];

export interface RunOptions {
  mode: Mode;
  seed?: number;
  settings?: Readonly<Record<string, SettingValue>>;
  durationMs?: number;
  changes?: readonly TimedChange[];
}

/** Room for every entry of a test-sized run, so `readLog(0)` returns the whole history. */
export const LOG_CAPACITY = 1_000_000;

/** A checkout with no customers of its own and instant steps up to a 100 ms email call: the
 * settings of a run whose orders and crashes a test places by hand. */
export const QUIET_CHECKOUT = {
  'traffic.pattern': 'steady',
  'traffic.rate': 0,
  'latency.validate': 0,
  'latency.charge': 0,
  'latency.save': 0,
  'latency.enqueue': 0,
  'latency.email': 100,
} as const;

export function logged({
  mode,
  seed = 1,
  settings = {},
  durationMs = 0,
  changes = [],
}: RunOptions): Simulation {
  return new Simulation({
    config: buildConfig(settings),
    mode,
    seed,
    durationMs,
    changes,
    logCapacity: LOG_CAPACITY,
  });
}

/** Settles a run, failing loudly instead of hanging the test process if it never does. */
export function settle(sim: Simulation, limitMs = 10_000_000): Simulation {
  stepGuarded(sim, limitMs, () => sim.settled);
  if (!sim.settled) throw new Error(`the run did not settle by ${limitMs} ms`);
  return sim;
}

/** Most events any test-sized run may take, and most events at one instant before a run counts as
 * stuck (an event that keeps rescheduling itself at the current time). */
const MAX_EVENTS = 2_000_000;
const MAX_EVENTS_AT_ONE_TIME = 100_000;

/** Steps events up to `untilMs` (inclusive) or until `done()`, like `runUntil`/`runToSettle`, but
 * throws when the clock stops advancing, so an engine bug cannot hang the test worker. `each` sees
 * every step: the time `peek()` announced before it and whether `step()` said it ran. */
export function stepGuarded(
  sim: Simulation,
  untilMs: number,
  done: () => boolean = () => false,
  each?: (announcedMs: number, stepped: boolean) => void,
) {
  let events = 0;
  let sameTime = 0;
  let last = sim.now;
  while (!done() && sim.peek() <= untilMs) {
    const announced = sim.peek();
    const stepped = sim.step();
    each?.(announced, stepped);
    if (++events > MAX_EVENTS) throw new Error(`more than ${MAX_EVENTS} events`);
    sameTime = sim.now === last ? sameTime + 1 : 0;
    last = sim.now;
    if (sameTime > MAX_EVENTS_AT_ONE_TIME) {
      throw new Error(`stuck: over ${MAX_EVENTS_AT_ONE_TIME} events at t=${sim.now} ms`);
    }
  }
}

export function entries(sim: Simulation): LogEntry[] {
  return sim.readLog(0).entries;
}

/** The run's log as tuples, optionally only the given kinds. */
export function trace(sim: Simulation, kinds?: readonly LogKind[]): Tuple[] {
  const wanted = kinds ? new Set<LogKind>(kinds) : null;
  return entries(sim)
    .filter((e) => wanted === null || wanted.has(e.kind))
    .map(tuple);
}

export function tuple(e: LogEntry): Tuple {
  switch (e.kind) {
    case 'orderPlaced':
    case 'waitingForHandler':
    case 'serverFinishedLate':
    case 'doubleCharge':
    case 'chargeDeduplicated':
    case 'userRetry':
      return [e.t, e.kind, e.order];
    case 'stepStarted':
    case 'stepFinished':
      return [e.t, e.kind, e.order, e.step];
    case 'pageShown':
      return e.reason === null
        ? [e.t, e.kind, e.order, e.page]
        : [e.t, e.kind, e.order, e.page, e.reason];
    case 'messageQueued':
    case 'visibilityExpired':
    case 'deadLettered':
    case 'redriven':
      return [e.t, e.kind, e.message];
    case 'messageDropped':
      return [e.t, e.kind, e.message, e.receive];
    case 'offsetCommitted':
    case 'partitionRewound':
      return [e.t, e.kind, e.partition, e.offset, e.records];
    case 'messageReceived':
    case 'emailCall':
    case 'messageAcked':
    case 'lateAck':
      return [e.t, e.kind, e.message, e.worker];
    case 'messageRetryLater':
      return [e.t, e.kind, e.message, e.visibleAtMs];
    case 'emailSent':
      return e.duplicate
        ? [e.t, e.kind, e.order, e.worker, 'duplicate']
        : [e.t, e.kind, e.order, e.worker];
    case 'emailFailed':
    case 'emailDeduplicated':
      return [e.t, e.kind, e.order, e.worker];
    case 'workerCrashed':
      return [e.t, e.kind, e.worker, e.afterSend ? 'after send' : 'before send'];
    case 'workerRestarted':
      return [e.t, e.kind, e.worker];
    case 'emailService':
      return [e.t, e.kind, e.down ? 'down' : 'up'];
    case 'jobFinished':
      return [e.t, e.kind, e.order, e.step, e.ok ? 'ok' : 'failed'];
    case 'confirmedThenFailed':
      return [e.t, e.kind, e.order, e.step];
    case 'settingChanged':
      return [e.t, e.kind, e.key, e.value];
    case 'serverCrashed':
      return [e.t, e.kind, e.order, e.jobSaved ? 'job in the outbox' : 'job lost'];
    case 'outboxRelayed':
      return [e.t, e.kind, e.rows];
  }
}

/** The times of the log entries of one kind. */
export function timesOf(sim: Simulation, kind: LogKind): number[] {
  return entries(sim)
    .filter((e) => e.kind === kind)
    .map((e) => e.t);
}
