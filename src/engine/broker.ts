/** The message queue and its workers (async mode): a queue that hides a received message for a
 * visibility timeout, counts receives and dead-letters a message after too many; workers that
 * call the email service, ack on success, release with a backoff on failure, and sometimes crash. */
import { fifoPush, fifoRemove, fifoShift, fifoSize } from './ring.ts';
import { uniform } from './rng.ts';
import {
  callEmail,
  EV,
  log,
  roundUs,
  schedule,
  type Message,
  type Order,
  type SimState,
  type Worker,
} from './state.ts';
import { addSample, setLevel } from './stats.ts';
import { recordLevel } from './timeline.ts';

export function enqueueEmailJob(s: SimState, order: Order): void {
  const message: Message = {
    id: s.nextMessageId++,
    order: order.id,
    orderArrivedAt: order.arrivedAt,
    readyAt: s.now,
    receives: 0,
    lease: 0,
    state: 'queued',
    sent: false,
  };
  s.metrics.enqueued++;
  makeVisible(s, message);
}

function setDepth(s: SimState): void {
  const depth = fifoSize(s.visible);
  setLevel(s.metrics.queueDepth, s.now, depth);
  recordLevel(s.metrics.timeline, 'queueDepth', s.now, depth);
}

function makeVisible(s: SimState, message: Message): void {
  message.state = 'queued';
  message.readyAt = s.now;
  message.lease++;
  fifoPush(s.visible, message);
  setDepth(s);
  if (s.log) {
    log(s, {
      t: s.now,
      kind: 'messageQueued',
      message: message.id,
      order: message.order,
      depth: fifoSize(s.visible),
    });
  }
  dispatch(s);
}

/** Idle workers take visible messages, oldest first, until one or the other runs out. */
function dispatch(s: SimState): void {
  while (fifoSize(s.idle) > 0 && fifoSize(s.visible) > 0) {
    const worker = fifoShift(s.idle)!;
    const message = fifoShift(s.visible)!;
    setDepth(s);
    deliver(s, worker, message);
  }
}

function setBusy(s: SimState, delta: number): void {
  const level = s.metrics.busyWorkers;
  setLevel(level, s.now, level.value + delta);
}

function deliver(s: SimState, worker: Worker, message: Message): void {
  const { config, now } = s;
  message.receives++;
  message.state = 'inflight';
  s.inflight++;
  addSample(s.metrics.queueWait, now - message.readyAt);
  worker.state = 'busy';
  worker.message = message;
  worker.lease = message.lease;
  worker.job++;
  setBusy(s, 1);
  if (s.log) {
    log(s, {
      t: now,
      kind: 'messageReceived',
      message: message.id,
      order: message.order,
      worker: worker.id,
      receive: message.receives,
    });
  }

  const latencyMs = callEmail(s, message.order);
  worker.ok = s.emailOk;
  const crashes = uniform(s.streams.crash) < config.workers.crashRate;
  const crashPoint = uniform(s.streams.crash);
  worker.crashAfterSend = crashes && crashPoint >= 0.5;
  worker.since = now;
  worker.until = roundUs(now + latencyMs);
  if (s.log) {
    log(s, {
      t: now,
      kind: 'emailCall',
      message: message.id,
      order: message.order,
      worker: worker.id,
      endMs: worker.until,
      ok: worker.ok,
    });
  }
  if (crashes && !worker.crashAfterSend) {
    // Crash part-way through the call, before the email went out.
    worker.until = roundUs(now + latencyMs * crashPoint * 2);
    schedule(s, EV.workerCrash, worker.until, worker, worker.job);
  } else {
    schedule(s, EV.emailDone, worker.until, worker, worker.job);
  }
  // The lease only needs a timer when it can run out: a crash, or a call slower than the lease.
  const expiresAt = now + config.queue.visibilityTimeoutMs;
  if (crashes || worker.until >= expiresAt)
    schedule(s, EV.messageVisible, expiresAt, message, message.lease);
}

/** The worker takes the next message, or leaves the pool if the pool has shrunk below it. */
function workerFree(s: SimState, worker: Worker): void {
  worker.message = null;
  if (worker.id >= s.config.workers.count) {
    retire(s, worker);
    return;
  }
  worker.state = 'idle';
  fifoPush(s.idle, worker);
  dispatch(s);
}

export function onEmailDone(s: SimState, worker: Worker, job: number): void {
  if (worker.job !== job || worker.state !== 'busy') return;
  const message = worker.message!;
  const m = s.metrics;
  if (worker.ok && message.sent && s.config.email.idempotency) {
    // The email service has seen this order's key: the call succeeds and sends nothing.
    m.emailsDeduplicated++;
    if (s.log) {
      log(s, { t: s.now, kind: 'emailDeduplicated', order: message.order, worker: worker.id });
    }
  } else if (worker.ok) {
    m.emailsSent++;
    const duplicate = message.sent;
    if (duplicate) m.duplicates++;
    else {
      message.sent = true;
      addSample(m.emailDelay, s.now - message.orderArrivedAt);
    }
    if (s.log)
      log(s, { t: s.now, kind: 'emailSent', order: message.order, worker: worker.id, duplicate });
  } else {
    m.failedAttempts++;
    if (s.log) log(s, { t: s.now, kind: 'emailFailed', order: message.order, worker: worker.id });
  }
  if (worker.crashAfterSend) {
    crash(s, worker, worker.ok);
    return;
  }
  setBusy(s, -1);
  if (message.state !== 'inflight' || message.lease !== worker.lease) {
    // The lease ran out during a slow call: the message is no longer this worker's to ack.
    if (s.log)
      log(s, {
        t: s.now,
        kind: 'lateAck',
        message: message.id,
        order: message.order,
        worker: worker.id,
      });
  } else if (worker.ok) {
    message.state = 'acked';
    message.lease++;
    s.inflight--;
    m.acked++;
    if (s.log)
      log(s, {
        t: s.now,
        kind: 'messageAcked',
        message: message.id,
        order: message.order,
        worker: worker.id,
      });
  } else {
    retryLater(s, message);
  }
  workerFree(s, worker);
}

/** A failed attempt: dead-letter after the last allowed receive, else hide it for the backoff. */
function retryLater(s: SimState, message: Message): void {
  s.inflight--;
  if (message.receives >= s.config.queue.maxReceives) {
    deadLetter(s, message);
    return;
  }
  const delayMs = backoffMs(s, message.receives);
  message.state = 'delayed';
  message.lease++;
  message.readyAt = roundUs(s.now + delayMs);
  s.delayed++;
  if (s.log) {
    log(s, {
      t: s.now,
      kind: 'messageRetryLater',
      message: message.id,
      order: message.order,
      visibleAtMs: message.readyAt,
    });
  }
  schedule(s, EV.messageVisible, message.readyAt, message, message.lease);
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

function deadLetter(s: SimState, message: Message): void {
  message.state = 'dead';
  message.lease++;
  s.metrics.deadLettered++;
  s.dlq.push(message);
  if (s.log) log(s, { t: s.now, kind: 'deadLettered', message: message.id, order: message.order });
}

/** Moves every dead-lettered message back to the main queue, with its receive count reset, as
 * SQS's redrive does once someone has fixed what made the messages fail. */
export function redrive(s: SimState): void {
  const messages = s.dlq;
  s.dlq = [];
  for (const message of messages) {
    message.receives = 0;
    s.metrics.redriven++;
    if (s.log) log(s, { t: s.now, kind: 'redriven', message: message.id, order: message.order });
    makeVisible(s, message);
  }
}

/** Schedules the redrive that `queue.redriveAt` asks for (if it is still to come). */
export function scheduleRedrive(s: SimState): void {
  const gen = ++s.redriveGen;
  const atMs = s.config.queue.redriveAtSec * 1000;
  s.redriveAt = atMs > 0 && atMs >= s.now ? atMs : Infinity;
  if (s.redriveAt !== Infinity) schedule(s, EV.redrive, s.redriveAt, null, gen);
}

export function onRedrive(s: SimState, gen: number): void {
  if (gen !== s.redriveGen) return;
  s.redriveAt = Infinity;
  redrive(s);
}

/** A backoff ended, or a lease ran out without an ack. */
export function onMessageVisible(s: SimState, message: Message, lease: number): void {
  if (message.lease !== lease || message.state === 'acked' || message.state === 'dead') return;
  if (message.state === 'delayed') {
    s.delayed--;
    makeVisible(s, message);
    return;
  }
  // The message is in flight: its holder crashed or is still on a slow call.
  s.inflight--;
  s.metrics.visibilityExpired++;
  if (s.log)
    log(s, { t: s.now, kind: 'visibilityExpired', message: message.id, order: message.order });
  if (message.receives >= s.config.queue.maxReceives) deadLetter(s, message);
  else makeVisible(s, message);
}

function crash(s: SimState, worker: Worker, afterSend: boolean): void {
  s.metrics.crashes++;
  setBusy(s, -1);
  worker.state = 'crashed';
  worker.job++;
  worker.since = s.now;
  worker.until = roundUs(s.now + s.config.workers.restartMs);
  if (s.log) {
    log(s, {
      t: s.now,
      kind: 'workerCrashed',
      worker: worker.id,
      order: worker.message!.order,
      afterSend,
    });
  }
  worker.message = null;
  schedule(s, EV.workerRestart, worker.until, worker, worker.job);
}

export function onWorkerCrash(s: SimState, worker: Worker, job: number): void {
  if (worker.job !== job || worker.state !== 'busy') return;
  crash(s, worker, false);
}

export function onWorkerRestart(s: SimState, worker: Worker, job: number): void {
  if (worker.job !== job || worker.state !== 'crashed') return;
  if (s.log) log(s, { t: s.now, kind: 'workerRestarted', worker: worker.id });
  workerFree(s, worker);
}

/** Workers count against capacity until they retire, so utilization never passes 100 %. */
function retire(s: SimState, worker: Worker): void {
  worker.state = 'retired';
  const capacity = s.metrics.workerCapacity;
  setLevel(capacity, s.now, capacity.value - 1);
}

/** Grows or shrinks the pool to `config.workers.count`. Busy and crashed workers beyond the new
 * count finish what they are doing first. Only the async mode has workers at all. */
export function resizeWorkers(s: SimState): void {
  const target = s.mode === 'async' ? s.config.workers.count : 0;
  for (const worker of s.workers) {
    if (worker.id >= target && worker.state === 'idle') {
      fifoRemove(s.idle, worker);
      retire(s, worker);
    }
  }
  for (let id = 0; id < target; id++) {
    let worker = s.workers[id];
    if (!worker) {
      worker = {
        id,
        state: 'retired',
        message: null,
        lease: 0,
        job: 0,
        ok: true,
        crashAfterSend: false,
        since: 0,
        until: 0,
      };
      s.workers.push(worker);
    }
    if (worker.state === 'retired') {
      worker.state = 'idle';
      setLevel(s.metrics.workerCapacity, s.now, s.metrics.workerCapacity.value + 1);
      fifoPush(s.idle, worker);
    }
  }
  dispatch(s);
}
