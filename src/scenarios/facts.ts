/** What a lesson's caption may claim about a lane at the moment it shows, and what may make it
 * show: facts read from the engine as the stage shows them (the tallies' totals, the nodes' counts
 * now, an order's story, a Kafka partition's lag). Pure: a fact is data, `LaneProbe` reads it. */
import {
  brokerLease,
  findSetting,
  type LogEntry,
  type Mode,
  type SettingKey,
  type Simulation,
  type StepSettingKey,
} from '../engine/index.ts';
import { readMetric, type GoalMetric } from './metrics.ts';

export { brokerWords } from './brokerWords.ts';

type Lane = Mode;

/** Bounds on a number; with neither, "at least 1". */
export interface Range {
  atLeast?: number;
  atMost?: number;
}

/** Counts the diagram's nodes show at this moment (not totals): what a caption means by "now". */
export const NOW_METRICS = {
  /** Messages waiting in the queue, ready for a worker (the queue node's "waiting"). */
  'queue.waiting': (v) => v.visible.length,
  /** Messages hidden for their backoff. */
  'queue.delayed': (v) => v.delayed.length,
  'workers.idle': (v) => v.workers.filter((w) => w.state === 'idle').length,
  'workers.busy': (v) => v.workers.filter((w) => w.state === 'busy').length,
  'workers.crashed': (v) => v.workers.filter((w) => w.state === 'crashed').length,
  'handlers.busy': (v) => v.handlers.busy,
  /** Requests waiting for a free handler. */
  'handlers.waiting': (v) => v.handlers.waiting,
  /** 1 while the email service is down, else 0. */
  'email.down': (v) => (v.emailDown ? 1 : 0),
} as const satisfies Record<string, (v: ReturnType<Simulation['view']>) => number>;

export type NowMetric = keyof typeof NOW_METRICS;

/** What can happen to one order, as its story on screen tells it (the customer's screen, its
 * tokens, the close-up's rows). */
export type OrderEvent =
  | 'placed'
  | 'errorPage'
  | 'successPage'
  | 'charged'
  | 'clickedAgain'
  /** The customer's second click was charged as well. */
  | 'chargedTwice'
  | 'received'
  | 'emailFailed'
  | 'emailSent'
  | 'duplicateEmail'
  | 'visibleAgain'
  | 'lateAck'
  | 'crashedBeforeSend'
  | 'crashedAfterSend'
  | 'deadLettered'
  | 'dropped'
  /** The web server died after saving the order (server.crashRate), its job queued or not. */
  | 'serverCrashed'
  /** The order's email job joined the queue (from the request, or from the outbox's relay). */
  | 'queued'
  /** The page said "confirmed", then a background step the customer needed failed for good. */
  | 'confirmedThenFailed';

export type Fact =
  /** A total the lane has reached (the tallies and the ledger read these). */
  | ({ lane: Lane; metric: GoalMetric } & Range)
  /** Two totals of a lane are equal ("sync lost an email with every error page"). */
  | { lane: Lane; metric: GoalMetric; equals: GoalMetric }
  /** A setting in force, as the registry writes it ("the visibility timeout here is 5 s"). */
  | { lane: Lane; setting: SettingKey | StepSettingKey; is: string }
  /** The broker's lease holds a crashed worker's message until it runs out (SQS, Redis, Kafka),
   * rather than giving it back at once (RabbitMQ): what "{lease}" in a caption claims. */
  | { lane: Lane; crashWaitsForLease: true }
  /** A count the diagram shows now. */
  | ({ lane: Lane; now: NowMetric } & Range)
  /** How often something has happened to one order so far. */
  | ({ lane: Lane; order: number; event: OrderEvent } & Range)
  /** A Kafka partition's lag now (records written and not committed). */
  | ({ lane: Lane; partition: number; lag: true } & Range)
  /** This Kafka partition's lag is larger than every other partition's. */
  | { lane: Lane; largestLag: number };

/** The order facts a script talks about, so a probe counts only those orders' events. */
export function ordersIn(facts: Iterable<Fact>): Set<number> {
  const orders = new Set<number>();
  for (const f of facts) if ('order' in f) orders.add(f.order);
  return orders;
}

function within(value: number, r: Range): boolean {
  if (r.atLeast === undefined && r.atMost === undefined) return value >= 1;
  if (r.atLeast !== undefined && !(value >= r.atLeast)) return false;
  if (r.atMost !== undefined && !(value <= r.atMost)) return false;
  return true;
}

function rangeText(r: Range): string {
  if (r.atLeast === undefined && r.atMost === undefined) return 'at least 1';
  if (r.atLeast !== undefined && r.atMost !== undefined) {
    return r.atLeast === r.atMost ? `exactly ${r.atLeast}` : `${r.atLeast} to ${r.atMost}`;
  }
  return r.atLeast !== undefined ? `at least ${r.atLeast}` : `at most ${r.atMost}`;
}

/** The fact in words, for test failures and the notes on captions left out. */
export function describeFact(f: Fact): string {
  if ('equals' in f) return `${f.lane} ${f.metric} equals ${f.equals}`;
  if ('setting' in f) return `${f.lane} ${f.setting} is ${f.is}`;
  if ('crashWaitsForLease' in f) return `${f.lane}'s broker holds a crashed worker's message`;
  if ('metric' in f) return `${f.lane} ${f.metric} is ${rangeText(f)}`;
  if ('now' in f) return `${f.lane} ${f.now} now is ${rangeText(f)}`;
  if ('event' in f) return `${f.lane} order ${f.order} ${f.event} ${rangeText(f)} times`;
  if ('lag' in f) return `${f.lane} partition ${f.partition}'s lag is ${rangeText(f)}`;
  return `${f.lane} partition ${f.largestLag} has the largest lag`;
}

/** The order event a log entry tells, if any. */
function orderEvent(e: LogEntry): OrderEvent | null {
  switch (e.kind) {
    case 'orderPlaced':
      return 'placed';
    case 'pageShown':
      return e.page === 'error' ? 'errorPage' : 'successPage';
    case 'stepFinished':
      return e.step === 'charge' && e.ok ? 'charged' : null;
    case 'userRetry':
      return 'clickedAgain';
    case 'doubleCharge':
      return 'chargedTwice';
    case 'messageReceived':
      return 'received';
    case 'emailFailed':
      return 'emailFailed';
    case 'emailSent':
      return e.duplicate ? 'duplicateEmail' : 'emailSent';
    case 'visibilityExpired':
      return 'visibleAgain';
    case 'lateAck':
      return 'lateAck';
    case 'workerCrashed':
      return e.afterSend ? 'crashedAfterSend' : 'crashedBeforeSend';
    case 'deadLettered':
      return 'deadLettered';
    case 'messageDropped':
      return 'dropped';
    case 'serverCrashed':
      return 'serverCrashed';
    case 'messageQueued':
      return 'queued';
    case 'confirmedThenFailed':
      return 'confirmedThenFailed';
    default:
      return null;
  }
}

/** The order a customer's second click is about is their first order (the entries name the new
 * order): "order 9's customer clicks again" and is charged twice are events of order 9. */
function orderOf(e: LogEntry): number {
  if (e.kind === 'userRetry' || e.kind === 'doubleCharge') return e.customer;
  return 'order' in e ? e.order : 0;
}

/** Log entries a probe may read between two looks before it loses count. */
const PROBE_LOG = 1 << 17;

/** One lane's run, moved forward in time, with what its facts need: the orders named by the
 * script have their events counted from the engine's log as the run goes. */
export class LaneProbe {
  private readonly counts = new Map<number, Map<OrderEvent, number>>();
  private cursor = 0;
  /** The log overflowed between two looks: order facts can no longer be known. */
  lostLog = false;

  constructor(
    readonly sim: Simulation,
    private readonly watched: ReadonlySet<number>,
  ) {
    if (watched.size > 0) sim.startLog(PROBE_LOG);
  }

  /** Runs to `tMs` (every event at or before it) and reads what the log says. */
  advanceTo(tMs: number): void {
    this.sim.runUntil(tMs);
    if (this.watched.size === 0) return;
    const page = this.sim.readLog(this.cursor);
    this.cursor = page.next;
    if (page.dropped > 0) this.lostLog = true;
    for (const e of page.entries) {
      const event = orderEvent(e);
      if (!event) continue;
      const order = orderOf(e);
      if (!this.watched.has(order)) continue;
      let byEvent = this.counts.get(order);
      if (!byEvent) this.counts.set(order, (byEvent = new Map()));
      byEvent.set(event, (byEvent.get(event) ?? 0) + 1);
    }
  }

  /** How often `event` has happened to `order` so far. */
  count(order: number, event: OrderEvent): number {
    return this.counts.get(order)?.get(event) ?? 0;
  }

  /** Whether the fact holds now; undefined when it cannot be known (the log overflowed). */
  holds(f: Fact, label: string): boolean | undefined {
    if ('equals' in f) {
      const r = this.sim.report(label);
      return readMetric(r, f.metric) === readMetric(r, f.equals);
    }
    if ('setting' in f) return findSetting(f.setting)?.read(this.sim.config) === f.is;
    if ('crashWaitsForLease' in f)
      return brokerLease(this.sim.config.queue.broker).crashWaitsForLease;
    if ('metric' in f) return within(readMetric(this.sim.report(label), f.metric), f);
    if ('now' in f) return within(NOW_METRICS[f.now](this.sim.view()), f);
    if ('event' in f) return this.lostLog ? undefined : within(this.count(f.order, f.event), f);
    const lags = this.partitionLags();
    if ('lag' in f) return within(lags.get(f.partition) ?? 0, f);
    const mine = lags.get(f.largestLag);
    if (mine === undefined) return false;
    for (const [id, lag] of lags) if (id !== f.largestLag && lag >= mine) return false;
    return true;
  }

  private partitionLags(): Map<number, number> {
    const lags = new Map<number, number>();
    for (const p of this.sim.view().partitions) lags.set(p.id, p.lag);
    return lags;
  }
}
