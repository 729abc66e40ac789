/** The message queue and its workers (async mode): a queue that hides a received message for a
 * visibility timeout, counts receives and dead-letters a message after too many; workers that
 * call the email service, ack on success, release with a backoff on failure, and sometimes crash. */
import { fifoPush, fifoRemove, fifoShift, fifoSize } from './ring.ts';
import { uniform } from './rng.ts';
import {
  callEmail,
  log,
  schedule,
  type Message,
  type Order,
  type SimState,
  type Worker,
} from './state.ts';
import { addSample, setLevel } from './stats.ts';

export function enqueueEmailJob(s: SimState, order: Order): void {
  const message: Message = {
    id: s.nextMessageId++,
    order: order.id,
    orderArrivedAt: order.arrivedAt,
    readyAt: s.now,
    receives: 0,
    lease: 0,
    state: 'queued',
    holders: 0,
    sent: false,
  };
  s.messages.set(message.id, message);
  s.metrics.enqueued++;
  makeVisible(s, message);
}

function setDepth(s: SimState): void {
  setLevel(s.metrics.queueDepth, s.now, fifoSize(s.visible));
}

function makeVisible(s: SimState, message: Message): void {
  message.state = 'queued';
  message.readyAt = s.now;
  message.lease++;
  fifoPush(s.visible, message.id);
  setDepth(s);
  log(s, {
    t: s.now,
    kind: 'messageQueued',
    message: message.id,
    order: message.order,
    depth: fifoSize(s.visible),
  });
  dispatch(s);
}

/** Idle workers take visible messages, oldest first, until one or the other runs out. */
function dispatch(s: SimState): void {
  while (fifoSize(s.idle) > 0 && fifoSize(s.visible) > 0) {
    const worker = s.workers[fifoShift(s.idle)!]!;
    const message = s.messages.get(fifoShift(s.visible)!)!;
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
  message.holders++;
  s.inflight++;
  addSample(s.metrics.queueWait, now - message.readyAt);
  worker.state = 'busy';
  worker.message = message.id;
  worker.lease = message.lease;
  worker.job++;
  setBusy(s, 1);
  log(s, {
    t: now,
    kind: 'messageReceived',
    message: message.id,
    order: message.order,
    worker: worker.id,
    receive: message.receives,
  });

  const call = callEmail(s);
  worker.ok = call.ok;
  const crashes = uniform(s.streams.crash) < config.workers.crashRate;
  const crashPoint = uniform(s.streams.crash);
  worker.crashAfterSend = crashes && crashPoint >= 0.5;
  const endMs = now + call.latencyMs;
  log(s, {
    t: now,
    kind: 'emailCall',
    message: message.id,
    order: message.order,
    worker: worker.id,
    endMs,
    ok: call.ok,
  });
  if (crashes && !worker.crashAfterSend) {
    // Crash part-way through the call, before the email went out.
    schedule(s, 'workerCrash', now + call.latencyMs * (crashPoint * 2), worker.id, worker.job);
  } else {
    schedule(s, 'emailDone', endMs, worker.id, worker.job);
  }
  // The lease only needs a timer when it can run out: a crash, or a call slower than the lease.
  const expiresAt = now + config.queue.visibilityTimeoutMs;
  if (crashes || endMs >= expiresAt)
    schedule(s, 'messageVisible', expiresAt, message.id, message.lease);
}

function releaseWorker(s: SimState, worker: Worker): void {
  const message = s.messages.get(worker.message);
  if (message) {
    message.holders--;
    forgetIfDone(s, message);
  }
  worker.message = -1;
}

function forgetIfDone(s: SimState, message: Message): void {
  if (message.holders === 0 && (message.state === 'acked' || message.state === 'dead')) {
    s.messages.delete(message.id);
  }
}

/** The worker takes the next message, or leaves the pool if the pool has shrunk below it. */
function workerFree(s: SimState, worker: Worker): void {
  if (worker.id >= s.config.workers.count) {
    worker.state = 'retired';
    return;
  }
  worker.state = 'idle';
  fifoPush(s.idle, worker.id);
  dispatch(s);
}

/** Does the worker still hold the message's current lease? */
function holdsLease(worker: Worker, message: Message): boolean {
  return message.state === 'inflight' && message.lease === worker.lease;
}

export function onEmailDone(s: SimState, workerId: number, job: number): void {
  const worker = s.workers[workerId]!;
  if (worker.job !== job || worker.state !== 'busy') return;
  const message = s.messages.get(worker.message)!;
  const m = s.metrics;
  if (worker.ok) {
    m.emailsSent++;
    const duplicate = message.sent;
    if (duplicate) m.duplicates++;
    else {
      message.sent = true;
      addSample(m.emailDelay, s.now - message.orderArrivedAt);
    }
    log(s, { t: s.now, kind: 'emailSent', order: message.order, worker: workerId, duplicate });
  } else {
    m.failedAttempts++;
    log(s, { t: s.now, kind: 'emailFailed', order: message.order, worker: workerId });
  }
  if (worker.crashAfterSend) {
    crash(s, worker, worker.ok);
    return;
  }
  setBusy(s, -1);
  if (!holdsLease(worker, message)) {
    // The lease ran out during a slow call: the message is someone else's now.
    log(s, {
      t: s.now,
      kind: 'lateAck',
      message: message.id,
      order: message.order,
      worker: workerId,
    });
  } else if (worker.ok) {
    message.state = 'acked';
    s.inflight--;
    m.acked++;
    log(s, {
      t: s.now,
      kind: 'messageAcked',
      message: message.id,
      order: message.order,
      worker: workerId,
    });
  } else {
    retryLater(s, message);
  }
  releaseWorker(s, worker);
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
  s.delayed++;
  log(s, {
    t: s.now,
    kind: 'messageRetryLater',
    message: message.id,
    order: message.order,
    visibleAtMs: s.now + delayMs,
  });
  schedule(s, 'messageVisible', s.now + delayMs, message.id, message.lease);
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
  log(s, { t: s.now, kind: 'deadLettered', message: message.id, order: message.order });
  forgetIfDone(s, message);
}

/** A backoff ended, or a lease ran out without an ack. */
export function onMessageVisible(s: SimState, messageId: number, lease: number): void {
  const message = s.messages.get(messageId);
  if (!message || message.lease !== lease) return;
  if (message.state === 'delayed') {
    s.delayed--;
    makeVisible(s, message);
    return;
  }
  // message.state is 'inflight': its holder crashed or is still on a slow call.
  s.inflight--;
  s.metrics.visibilityExpired++;
  log(s, { t: s.now, kind: 'visibilityExpired', message: message.id, order: message.order });
  if (message.receives >= s.config.queue.maxReceives) deadLetter(s, message);
  else makeVisible(s, message);
}

function crash(s: SimState, worker: Worker, afterSend: boolean): void {
  const message = s.messages.get(worker.message)!;
  s.metrics.crashes++;
  setBusy(s, -1);
  worker.state = 'crashed';
  worker.job++;
  log(s, { t: s.now, kind: 'workerCrashed', worker: worker.id, order: message.order, afterSend });
  releaseWorker(s, worker);
  schedule(s, 'workerRestart', s.now + s.config.workers.restartMs, worker.id, worker.job);
}

export function onWorkerCrash(s: SimState, workerId: number, job: number): void {
  const worker = s.workers[workerId]!;
  if (worker.job !== job || worker.state !== 'busy') return;
  crash(s, worker, false);
}

export function onWorkerRestart(s: SimState, workerId: number, job: number): void {
  const worker = s.workers[workerId]!;
  if (worker.job !== job || worker.state !== 'crashed') return;
  log(s, { t: s.now, kind: 'workerRestarted', worker: workerId });
  workerFree(s, worker);
}

/** Grows or shrinks the pool to `config.workers.count`. Busy and crashed workers beyond the new
 * count finish what they are doing first. Only the async mode has workers at all. */
export function resizeWorkers(s: SimState): void {
  const target = s.mode === 'async' ? s.config.workers.count : 0;
  setLevel(s.metrics.workerCapacity, s.now, target);
  for (const worker of s.workers) {
    if (worker.id >= target && worker.state === 'idle') {
      fifoRemove(s.idle, worker.id);
      worker.state = 'retired';
    }
  }
  for (let id = 0; id < target; id++) {
    let worker = s.workers[id];
    if (!worker) {
      worker = {
        id,
        state: 'retired',
        message: -1,
        lease: 0,
        job: 0,
        ok: true,
        crashAfterSend: false,
      };
      s.workers.push(worker);
    }
    if (worker.state === 'retired') {
      worker.state = 'idle';
      fifoPush(s.idle, id);
    }
  }
  dispatch(s);
}
