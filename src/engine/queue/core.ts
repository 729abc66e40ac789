/** What every broker preset shares about messages: publishing, deliveries, acks, backoff, the
 * dead-letter queue and its redrive (the visible queue and its depth are in visible.ts). The
 * presets (policies.ts) decide the rest. */
import { EV } from '../events.ts';
import { fifoRemove } from '../ring.ts';
import { uniform } from '../rng.ts';
import { log } from '../log.ts';
import { schedule, scheduleRounded } from '../schedule.ts';
import type { Message, Order, SimState, Worker } from '../state.ts';
import { newMessage } from '../entities.ts';
import { roundUs } from '../time.ts';
import { addSample } from '../stats.ts';
import { policyOf } from './policy.ts';
import { makeVisible, setDepth, type Place } from './visible.ts';

/** The enqueue step: one job per background step of the flow, in flow order (the checkout's one
 * email job). The page comes next, so the order is confirmed unless its user has given up. */
export function enqueueJobs(s: SimState, order: Order): void {
  const jobs = s.server.jobs;
  for (let i = 0; i < jobs.length; i++) {
    // From the request the page is still to come, and says confirmed; from the outbox's relay
    // it was shown already. Either way, an error page confirmed nothing.
    const message = newMessage(
      s.nextMessageId++,
      order.id,
      order.arrivedAt,
      s.now,
      jobs[i]!.flow,
      order.page !== 'error',
    );
    s.metrics.enqueued++;
    policyOf(s).publish(s, message);
  }
}

/** The broker delivers the message to a worker: it is in flight (unacked) from now on. */
export function receive(s: SimState, worker: Worker, message: Message): void {
  message.receives++;
  message.state = 'inflight';
  s.inflight++;
  message.receivedAt = s.now;
  message.holder = worker.id;
  if (message.receives > 1) s.metrics.redelivered++;
  if (s.log) {
    log(s.log, {
      t: s.now,
      kind: 'messageReceived',
      message: message.id,
      order: message.order,
      worker: worker.id,
      receive: message.receives,
      ...(s.config.queue.broker === 'rabbitmq' ? { deliveryCount: message.failures } : {}),
    });
  }
}

/** The worker on the message's current delivery, if it is still working on it: a worker whose
 * lease was taken back may still be on its call, but it is no longer the holder. */
export function holderOf(s: SimState, message: Message): Worker | undefined {
  const worker = s.workers[message.holder];
  return worker?.state === 'busy' && worker.message === message && worker.lease === message.lease
    ? worker
    : undefined;
}

export function ack(s: SimState, message: Message, worker: Worker): void {
  if (message.state === 'queued') {
    // Redis: an entry waiting to be claimed, acked by the consumer that was slow with it. Its
    // wait ends here, unprocessed.
    if (fifoRemove(s.queue.visible, message) < s.queue.front) s.queue.front--;
    addSample(s.metrics.queueWait, s.now - message.readyAt);
    setDepth(s);
  } else s.inflight--;
  message.state = 'acked';
  message.lease++;
  s.metrics.acked++;
  logAcked(s, message, worker);
}

export function logAcked(s: SimState, message: Message, worker: Worker): void {
  if (s.log) {
    log(s.log, {
      t: s.now,
      kind: 'messageAcked',
      message: message.id,
      order: message.order,
      worker: worker.id,
    });
  }
}

/** The call ended after the lease ran out: the old receipt no longer deletes the message. */
export function logLateAck(s: SimState, message: Message, worker: Worker): void {
  if (s.log) {
    log(s.log, {
      t: s.now,
      kind: 'lateAck',
      message: message.id,
      order: message.order,
      worker: worker.id,
    });
  }
}

/** Whether the message has used up its tries and a dead-letter target takes it. */
export function atLimit(s: SimState, message: Message): boolean {
  return s.config.queue.deadLetter && policyOf(s).tries(message) >= s.config.queue.maxReceives;
}

/** A failed attempt: dead-letter after the last allowed receive, else hide it for the backoff. */
export function retryLater(s: SimState, message: Message): void {
  s.inflight--;
  if (atLimit(s, message)) {
    deadLetter(s, message);
    return;
  }
  delay(s, message);
}

export function delay(s: SimState, message: Message): void {
  const delayMs = backoffMs(s, policyOf(s).tries(message));
  message.state = 'delayed';
  message.lease++;
  message.delayedAt = s.now;
  message.readyAt = roundUs(s.now + delayMs);
  s.queue.delayed++;
  if (s.log) {
    log(s.log, {
      t: s.now,
      kind: 'messageRetryLater',
      message: message.id,
      order: message.order,
      visibleAtMs: message.readyAt,
    });
  }
  scheduleRounded(s, EV.messageVisible, message.readyAt, message, message.lease);
}

/** The wait before the next try after `attempt` failed receives. */
export function backoffMs(s: SimState, attempt: number): number {
  const { backoff, baseMs, capMs } = s.config.retry;
  const ceiling = Math.min(capMs, baseMs * Math.pow(2, attempt - 1));
  switch (backoff) {
    case 'none':
      return 0;
    case 'fixed':
      return Math.min(capMs, baseMs);
    case 'exponential':
      return ceiling;
    case 'full-jitter':
      return ceiling * uniform(s.streams.backoff);
  }
}

export function drop(s: SimState, message: Message): void {
  message.state = 'dropped';
  message.lease++;
  s.metrics.dropped++;
  failedForGood(s, message);
  if (s.log) {
    log(s.log, {
      t: s.now,
      kind: 'messageDropped',
      message: message.id,
      order: message.order,
      receive: message.receives,
    });
  }
}

export function deadLetter(s: SimState, message: Message): void {
  message.state = 'dead';
  message.lease++;
  s.metrics.deadLettered++;
  s.dlq.push(message);
  failedForGood(s, message);
  if (s.log)
    log(s.log, {
      t: s.now,
      kind: 'deadLettered',
      message: message.id,
      order: message.order,
      step: s.config.flow.steps[message.step]!.id,
    });
}

/** A job dead-lettered or dropped: if its step never succeeded, the step failed for good; if the
 * customer needed its result and the page had said "confirmed", the order is confirmed, then
 * failed (once per order, a redrive later does not undo it), and the customer is sent an apology. */
function failedForGood(s: SimState, message: Message): void {
  if (message.sent) return;
  const m = s.metrics;
  m.steps[message.step]!.failedForGood++;
  const step = s.config.flow.steps[message.step]!;
  if (!step.needsResult || !message.confirmed || s.server.failedLate[message.order]) return;
  s.server.failedLate[message.order] = true;
  m.confirmedThenFailed++;
  m.apologies++;
  if (s.log)
    log(s.log, { t: s.now, kind: 'confirmedThenFailed', order: message.order, step: step.id });
}

/** Moves every dead-lettered message back to the main queue, with its receive count reset, as
 * SQS's redrive does once someone has fixed what made the messages fail. */
export function redrive(s: SimState): void {
  const messages = s.dlq;
  s.dlq = [];
  for (const message of messages) {
    message.receives = 0;
    message.failures = 0;
    s.metrics.redriven++;
    if (s.log)
      log(s.log, { t: s.now, kind: 'redriven', message: message.id, order: message.order });
    policyOf(s).publish(s, message);
  }
}

/** Schedules the redrive that `queue.redriveAt` asks for (if it is still to come). */
export function scheduleRedrive(s: SimState): void {
  const gen = ++s.queue.redriveGen;
  const atMs = s.config.queue.redriveAtSec * 1000;
  s.queue.redriveAt = atMs > 0 && atMs >= s.now ? atMs : Infinity;
  if (s.queue.redriveAt !== Infinity) schedule(s, EV.redrive, s.queue.redriveAt, null, gen);
}

export function onRedrive(s: SimState, gen: number): void {
  if (gen !== s.queue.redriveGen) return;
  s.queue.redriveAt = Infinity;
  redrive(s);
}

/** A backoff ended, or a lease ran out without an ack. */
export function onMessageVisible(s: SimState, message: Message, lease: number): void {
  if (message.lease !== lease) return;
  if (message.state === 'delayed') {
    s.queue.delayed--;
    policyOf(s).delayEnded(s, message);
    return;
  }
  // The message is in flight: its holder crashed, is still on a slow call, or (Redis) failed.
  if (message.state === 'inflight') policyOf(s).leaseExpired(s, message);
}

/** The lease ran out: the message comes back at `place`, or goes to the dead-letter queue if it
 * has used up its receives. */
export function expire(s: SimState, message: Message, place: Place): void {
  s.inflight--;
  s.metrics.visibilityExpired++;
  if (s.log)
    log(s.log, { t: s.now, kind: 'visibilityExpired', message: message.id, order: message.order });
  if (atLimit(s, message)) deadLetter(s, message);
  else makeVisible(s, message, place);
}

/** When a lease of `leaseMs` from now ends, if it can run out at all: a crash is coming, the call
 * is slower than the lease, or (`failureHolds`) a failed call leaves the message pending.
 * Infinity otherwise, so that a normal message leaves no dead timer behind. The lease's end is
 * noted on the worker's message either way: the view counts down to it, and the setting may have
 * changed by then. */
export function leaseTimer(
  s: SimState,
  worker: Worker,
  crashes: boolean,
  leaseMs: number,
  failureHolds = false,
): number {
  const endsAt = s.now + leaseMs;
  if (worker.message) worker.message.leaseEndsAt = roundUs(endsAt);
  return crashes || worker.until >= endsAt || (failureHolds && !worker.ok) ? endsAt : Infinity;
}
