/** A picture of the system at the current moment, for the diagram: where every request and
 * message is, what every worker does, and how full the pools are. Computed on demand from the
 * state (the event list says what is in progress), so runs without a UI pay nothing for it. */
import { forEachPending } from './eventList.ts';
import { EV, subjectOf } from './events.ts';
import { fifoSize } from './ring.ts';
import { partitionOwner } from './queue/index.ts';
import type { Broker, Mode, Step } from './settings.ts';
import { emailDown } from './attempt.ts';
import type { Message, Order, Partition, SimState, WorkerState } from './state.ts';
import { Smallest } from './smallest.ts';
import { waitsOf, type WaitView } from './waits.ts';

export interface RequestView {
  order: number;
  customer: number;
  attempt: number;
  arrivedAt: number;
  /** The step's id (the checkout's are the Step names), or 'waiting' while in the line for a
   * handler. */
  step: string;
  /** The current step from since to until; a waiting request has since = arrival, until = -1. */
  since: number;
  until: number;
  ok: boolean;
  /** The user has already given up (timed out) or seen a page. */
  page: Order['page'];
}

export interface MessageView {
  message: number;
  order: number;
  receives: number;
  /** Visible: waiting since; delayed: becomes visible at. */
  at: number;
}

export interface WorkerView {
  id: number;
  state: WorkerState;
  order: number;
  message: number;
  since: number;
  until: number;
  ok: boolean;
  /** RabbitMQ: messages delivered to this worker under its prefetch, not started yet. */
  prefetched: number;
  /** How many times the message it holds has been received (1 on the first try, and with none). */
  receives: number;
  /** The flow step of the job it holds ('' with none), so the diagram draws the job at its step. */
  step: string;
  /** What its delivery waits for (SQS's visibility timeout, Redis' min-idle time) or, crashed, its
   * Kafka session timeout; absent when nothing with a known end (the view holds no nulls). The
   * same object as in `waits`. */
  wait?: WaitView;
}

/** Kafka: one partition of the topic. */
export interface PartitionView {
  id: number;
  /** The worker that reads it (-1 when the pool is empty). */
  owner: number;
  /** Records written and not yet committed. */
  lag: number;
  /** Records waiting to be read. */
  waiting: number;
  /** Its next record is failing and waits for a retry, or its worker is down. */
  blocked: boolean;
}

export interface SystemView {
  now: number;
  mode: Mode;
  handlers: { busy: number; total: number; waiting: number };
  requests: RequestView[];
  visible: MessageView[];
  delayed: MessageView[];
  workers: WorkerView[];
  emailDown: boolean;
  broker: Broker;
  /** Kafka only; empty for the other brokers. */
  partitions: PartitionView[];
  deadLetters: number;
  dropped: number;
  /** Messages in flight that no worker is working on: held by a crashed worker until their lease
   * runs out (SQS), or pending until claimed (Redis). */
  hidden: number;
  /** Every wait with a known end (waits.ts), soonest first: backoffs, leases running down (those
   * nobody works on have worker -1) and crashed Kafka consumers' session timeouts. */
  waits: WaitView[];
  /** Exact counts, whatever the lists hold: a view with a limit lists only some. */
  totals: ViewTotals;
}

/** What a view counts in full: the numbers on the nodes come from here, never from a list's
 * length, since a view with a limit lists only what the diagram can draw. */
export interface ViewTotals {
  /** Requests at each step (the checkout's always listed, other flows' steps once they hold
   * one), and waiting in line for a handler. */
  steps: Record<Step | 'waiting', number> & Partial<Record<string, number>>;
  /** Customers still waiting for their page (in line or in a step). */
  usersWaiting: number;
  /** Messages ready in the queue (Kafka: records not yet read). */
  visible: number;
  /** Messages waiting out a backoff. */
  delayed: number;
  workers: Record<WorkerState, number>;
  /** Busy workers by the flow step of the job in hand. */
  jobs: Partial<Record<string, number>>;
  /** RabbitMQ: messages held under the workers' prefetch, not started yet. */
  prefetched: number;
  /** Busy workers past the pool's size after a cut, finishing their last message. */
  leaving: number;
}

function requestView(order: Order, step: string): RequestView {
  return {
    order: order.id,
    customer: order.customerId,
    attempt: order.attempt,
    arrivedAt: order.arrivedAt,
    step,
    since: step === 'waiting' ? order.arrivedAt : order.stepStart,
    until: step === 'waiting' ? -1 : order.stepEnd,
    ok: order.stepOk,
    page: order.page,
  };
}

function messageView(m: Message, at: number): MessageView {
  return { message: m.id, order: m.order, receives: m.receives, at };
}

/** With a limit, a view lists at most this many of each kind, chosen the same way every frame
 * (lowest order ids, first in line, soonest), so what is drawn does not flicker. */
export function viewOf(s: SimState, limit = Infinity): SystemView {
  const totals = emptyTotals();
  const working = new Smallest<Order>(limit);
  const delayedKept = new Smallest<Message>(limit);
  const h = s.heap;
  forEachPending(h, (slot) => {
    const code = h.kinds[slot];
    if (code === EV.stepDone.code) {
      const order = subjectOf(h, slot, EV.stepDone);
      const id = s.server.steps[order.stepIndex]!.id;
      totals.steps[id] = (totals.steps[id] ?? 0) + 1;
      if (order.page === 'none') totals.usersWaiting++;
      working.offer(order.id, 0, order);
    } else if (code === EV.messageVisible.code) {
      const m = subjectOf(h, slot, EV.messageVisible);
      if (m.state === 'delayed' && m.lease === h.ns[slot]) {
        totals.delayed++;
        delayedKept.offer(m.readyAt, m.id, m);
      }
    }
  });
  const requests = working.sorted().map((o) => requestView(o, s.server.steps[o.stepIndex]!.id));
  const line = s.server.handlerQueue;
  for (let i = line.head; i < line.items.length; i++) {
    const order = line.items[i]!;
    totals.steps.waiting++;
    if (order.page === 'none') totals.usersWaiting++;
    if (i - line.head < limit) requests.push(requestView(order, 'waiting'));
  }
  const delayed = delayedKept.sorted().map((m) => messageView(m, m.readyAt));
  const waits = waitsOf(s, limit);
  const workers: WorkerView[] = [];
  for (const w of s.workers) {
    totals.workers[w.state]++;
    const step = w.message ? s.config.flow.steps[w.message.step]!.id : '';
    if (w.state === 'busy' && step !== '') totals.jobs[step] = (totals.jobs[step] ?? 0) + 1;
    if (w.state === 'busy' && w.id >= s.config.workers.count) totals.leaving++;
    totals.prefetched += w.buffer.length;
    if (workers.length >= limit) continue;
    workers.push({
      id: w.id,
      state: w.state,
      order: w.message?.order ?? -1,
      message: w.message?.id ?? -1,
      since: w.since,
      until: w.until,
      ok: w.ok,
      prefetched: w.buffer.length,
      receives: w.message?.receives ?? 1,
      step,
    });
  }
  for (const wait of waits) {
    const worker = wait.worker >= 0 ? workers[wait.worker] : undefined;
    if (worker) worker.wait = wait;
  }
  const visible =
    s.kafka.partitions.length > 0 ? waitingRecords(s, limit, totals) : readyMessages(s, limit);
  if (s.kafka.partitions.length === 0) totals.visible = fifoSize(s.queue.visible);
  return {
    now: s.now,
    mode: s.mode,
    handlers: {
      busy: s.server.handlersBusy,
      total: s.config.server.handlers,
      waiting: fifoSize(s.server.handlerQueue),
    },
    requests,
    visible,
    delayed,
    workers,
    emailDown: emailDown(s),
    broker: s.config.queue.broker,
    partitions: s.kafka.partitions.map((p) => partitionView(s, p)),
    deadLetters: s.dlq.length,
    dropped: s.metrics.dropped,
    hidden: hiddenMessages(s),
    waits,
    totals,
  };
}

/** Totals of nothing: the start every count of a view adds to. */
export function emptyTotals(): ViewTotals {
  return {
    steps: { waiting: 0, validate: 0, charge: 0, save: 0, enqueue: 0, email: 0 },
    usersWaiting: 0,
    visible: 0,
    delayed: 0,
    workers: { idle: 0, busy: 0, crashed: 0, retired: 0 },
    jobs: {},
    prefetched: 0,
    leaving: 0,
  };
}

/** The first `limit` messages in the ready queue. */
function readyMessages(s: SimState, limit: number): MessageView[] {
  const q = s.queue.visible;
  const out: MessageView[] = [];
  for (let i = q.head; i < q.items.length && out.length < limit; i++) {
    const m = q.items[i]!;
    out.push(messageView(m, m.readyAt));
  }
  return out;
}

/** Messages in flight minus those a worker holds under its current lease or in its buffer. */
function hiddenMessages(s: SimState): number {
  let held = 0;
  for (const w of s.workers) {
    // A slow worker whose lease ran out still has its message, now someone else's.
    const current = w.message?.state === 'inflight' && w.message.lease === w.lease;
    held += (current ? 1 : 0) + w.buffer.length;
  }
  return s.inflight - held;
}

/** Kafka's waiting records, oldest first, from every partition (the oldest `limit`). */
function waitingRecords(s: SimState, limit: number, totals: ViewTotals): MessageView[] {
  const kept = new Smallest<Message>(limit);
  for (const p of s.kafka.partitions) {
    for (let i = p.pos; i < p.records.length; i++) {
      const m = p.records[i]!;
      if (m.state !== 'queued') continue;
      totals.visible++;
      kept.offer(m.readyAt, m.id, m);
    }
  }
  return kept.sorted().map((m) => messageView(m, m.readyAt));
}

function partitionView(s: SimState, p: Partition): PartitionView {
  const owner = partitionOwner(s, p);
  let waiting = 0;
  for (let i = p.pos; i < p.records.length; i++) if (p.records[i]!.state === 'queued') waiting++;
  const next = p.records[p.pos];
  return {
    id: p.id,
    owner: owner?.id ?? -1,
    lag: p.records.length - p.committed,
    waiting,
    blocked:
      next !== undefined &&
      !p.busy &&
      (next.state === 'delayed' || owner === undefined || owner.state === 'crashed'),
  };
}
