/** The message queue and its workers (async mode). One model with five presets of broker
 * semantics (`queue.broker`), which differ where real brokers differ:
 *
 * - ideal: exactly one delivery: no lease runs out, and the broker knows at once whether the
 *   email went out when a worker crashes. An idealisation, the teaching baseline.
 * - sqs: a received message is hidden for a visibility timeout; without a delete it is
 *   delivered again, to anyone; after maxReceiveCount receives it goes to the dead-letter queue.
 * - rabbitmq: each worker holds up to `prefetch` unacked messages; a nack or a crash returns
 *   them to the queue at once, marked redelivered; at the delivery limit a message goes to the
 *   dead-letter exchange, or is dropped when there is none.
 * - kafka: records go to partitions by order id; one worker reads a partition, in order, and
 *   commits its offset after processing; a failing record blocks its partition until the
 *   application skips it to a dead-letter topic; a crash replays every uncommitted record.
 * - redis: a Streams consumer group: an entry stays pending with its consumer until acked; once
 *   idle for `minIdle` another worker claims it; the application moves entries delivered too
 *   often to a dead-letter stream.
 *
 * Workers call the email service, ack on success and sometimes crash. */
import { fifoPush, fifoRemove, fifoShift, fifoSize, fifoUnshift } from './ring.ts';
import { uniform } from './rng.ts';
import {
  callEmail,
  EV,
  log,
  roundUs,
  schedule,
  type Message,
  type Order,
  type Partition,
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
    failures: 0,
    partition: -1,
  };
  s.metrics.enqueued++;
  publish(s, message);
}

/** A new or redriven message joins the main queue (Kafka: the end of its partition). */
function publish(s: SimState, message: Message): void {
  if (s.config.queue.broker === 'kafka') appendRecord(s, message);
  else makeVisible(s, message);
}

/** Messages waiting to be delivered: the queue's depth (Kafka: summed over partitions). */
export function queuedCount(s: SimState): number {
  return fifoSize(s.visible) + s.backlog;
}

function setDepth(s: SimState): void {
  const depth = queuedCount(s);
  setLevel(s.metrics.queueDepth, s.now, depth);
  recordLevel(s.metrics.timeline, 'queueDepth', s.now, depth);
}

function logQueued(s: SimState, message: Message): void {
  if (s.log) {
    log(s, {
      t: s.now,
      kind: 'messageQueued',
      message: message.id,
      order: message.order,
      depth: queuedCount(s),
    });
  }
}

/** The message waits in the queue for a worker; `front` puts it first (a RabbitMQ return, a
 * Redis claim, which a consumer runs before it reads new entries). */
function makeVisible(s: SimState, message: Message, front = false): void {
  message.state = 'queued';
  message.readyAt = s.now;
  message.lease++;
  if (front) fifoUnshift(s.visible, message);
  else fifoPush(s.visible, message);
  setDepth(s);
  logQueued(s, message);
  dispatch(s);
}

/** Hands waiting messages to workers that can take them. */
function dispatch(s: SimState): void {
  if (s.config.queue.broker === 'kafka') {
    dispatchPartitions(s);
    return;
  }
  while (fifoSize(s.idle) > 0 && fifoSize(s.visible) > 0) {
    const worker = fifoShift(s.idle)!;
    const message = fifoShift(s.visible)!;
    setDepth(s);
    receive(s, worker, message);
    startCall(s, worker, message);
  }
  if (s.config.queue.broker === 'rabbitmq') prefetch(s);
}

/** RabbitMQ pushes more messages to busy consumers, round robin, until each holds `prefetch`
 * unacked messages (the one in hand included). */
function prefetch(s: SimState): void {
  const extra = s.config.queue.prefetch - 1;
  const n = s.workers.length;
  const count = s.config.workers.count;
  let passed = 0;
  while (fifoSize(s.visible) > 0 && passed < n) {
    const worker = s.workers[s.rr % n]!;
    s.rr = (s.rr + 1) % n;
    if (worker.state === 'busy' && worker.id < count && worker.buffer.length < extra) {
      const message = fifoShift(s.visible)!;
      setDepth(s);
      receive(s, worker, message);
      worker.buffer.push(message);
      passed = 0;
    } else passed++;
  }
}

function setBusy(s: SimState, delta: number): void {
  const level = s.metrics.busyWorkers;
  setLevel(level, s.now, level.value + delta);
}

/** The broker delivers the message to a worker: it is in flight (unacked) from now on. */
function receive(s: SimState, worker: Worker, message: Message): void {
  message.receives++;
  message.state = 'inflight';
  s.inflight++;
  if (message.receives > 1) s.metrics.redelivered++;
  addSample(s.metrics.queueWait, s.now - message.readyAt);
  if (s.log) {
    log(s, {
      t: s.now,
      kind: 'messageReceived',
      message: message.id,
      order: message.order,
      worker: worker.id,
      receive: message.receives,
    });
  }
}

/** How long a delivery may go unacked before the broker gives the message to someone else
 * (Infinity where only a crash or a nack gives it back). */
function leaseMs(s: SimState): number {
  const q = s.config.queue;
  if (q.broker === 'sqs') return q.visibilityTimeoutMs;
  if (q.broker === 'redis') return q.minIdleMs;
  return Infinity;
}

/** The worker calls the email service for the message, and may crash on the way. */
function startCall(s: SimState, worker: Worker, message: Message): void {
  const { config, now } = s;
  worker.state = 'busy';
  worker.message = message;
  worker.lease = message.lease;
  worker.job++;
  setBusy(s, 1);
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
  // The lease only needs a timer when it can run out: a crash, a call slower than the lease, or
  // (Redis) a failure, after which the entry stays pending until someone claims it.
  const expiresAt = now + leaseMs(s);
  if (expiresAt === Infinity) return;
  if (crashes || worker.until >= expiresAt || (!worker.ok && config.queue.broker === 'redis'))
    schedule(s, EV.messageVisible, expiresAt, message, message.lease);
}

/** The worker takes its next prefetched message or the next waiting one, or leaves the pool if
 * the pool has shrunk below it (returning what it had prefetched). */
function workerFree(s: SimState, worker: Worker): void {
  worker.message = null;
  if (worker.id >= s.config.workers.count) {
    returnAll(s, worker.buffer.splice(0));
    retire(s, worker);
    return;
  }
  const next = worker.buffer.shift();
  if (next) {
    startCall(s, worker, next);
    dispatch(s);
    return;
  }
  goIdle(s, worker);
  if (s.config.queue.broker === 'kafka') startOwned(s, worker);
  else dispatch(s);
}

/** Kafka workers are found through their partitions, the others through the idle line. */
function goIdle(s: SimState, worker: Worker): void {
  worker.state = 'idle';
  if (s.config.queue.broker !== 'kafka') fifoPush(s.idle, worker);
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
      m.emailed++;
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
  settle(s, worker, message);
  workerFree(s, worker);
}

/** After the call: ack, or let the broker know it failed, if the message is still this
 * worker's to settle. */
function settle(s: SimState, worker: Worker, message: Message): void {
  const broker = s.config.queue.broker;
  if (message.state !== 'inflight' || message.lease !== worker.lease) {
    if (
      worker.ok &&
      broker === 'redis' &&
      (message.state === 'inflight' || message.state === 'queued')
    ) {
      // XACK names the entry, not the delivery: a late ack still removes it from the pending list.
      ack(s, message, worker);
    } else if (s.log) {
      // SQS: the lease ran out during a slow call, and the old receipt no longer deletes it.
      log(s, {
        t: s.now,
        kind: 'lateAck',
        message: message.id,
        order: message.order,
        worker: worker.id,
      });
    }
    return;
  }
  if (worker.ok) {
    if (broker === 'kafka') processed(s, message, worker);
    else ack(s, message, worker);
    return;
  }
  message.failures++;
  switch (broker) {
    case 'redis':
      // No nack in Streams: the entry stays pending with this worker until someone claims it.
      return;
    case 'rabbitmq':
      // basic.nack with requeue: back to the head of the queue at once, marked redelivered.
      s.inflight--;
      returnToQueue(s, message);
      return;
    case 'kafka':
      failRecord(s, message);
      return;
    default:
      retryLater(s, message);
  }
}

function ack(s: SimState, message: Message, worker: Worker): void {
  if (message.state === 'queued') {
    fifoRemove(s.visible, message);
    setDepth(s);
  } else s.inflight--;
  message.state = 'acked';
  message.lease++;
  s.metrics.acked++;
  logAcked(s, message, worker);
}

function logAcked(s: SimState, message: Message, worker: Worker): void {
  if (s.log) {
    log(s, {
      t: s.now,
      kind: 'messageAcked',
      message: message.id,
      order: message.order,
      worker: worker.id,
    });
  }
}

/** Whether the message has used up its tries and a dead-letter target takes it: receives as
 * the broker counts them, or (Kafka, which counts nothing) failures as the application does. */
function atLimit(s: SimState, message: Message): boolean {
  const tries = s.config.queue.broker === 'kafka' ? message.failures : message.receives;
  return s.config.queue.deadLetter && tries >= s.config.queue.maxReceives;
}

/** A failed attempt: dead-letter after the last allowed receive, else hide it for the backoff. */
function retryLater(s: SimState, message: Message): void {
  s.inflight--;
  if (atLimit(s, message)) {
    deadLetter(s, message);
    return;
  }
  delay(s, message);
}

function delay(s: SimState, message: Message): void {
  const attempt = s.config.queue.broker === 'kafka' ? message.failures : message.receives;
  const delayMs = backoffMs(s, attempt);
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

/** RabbitMQ takes a message back (nack or a closed channel): at the delivery limit it goes to the
 * dead-letter exchange, or nowhere; otherwise to the head of the queue. The caller has already
 * taken it out of flight. */
function returnToQueue(s: SimState, message: Message): void {
  if (message.receives < s.config.queue.deliveryLimit) makeVisible(s, message, true);
  else if (s.config.queue.deadLetter) deadLetter(s, message);
  else drop(s, message);
}

/** Returns several messages keeping their order: the first ends up at the head. */
function returnAll(s: SimState, messages: Message[]): void {
  for (let i = messages.length - 1; i >= 0; i--) {
    s.inflight--;
    returnToQueue(s, messages[i]!);
  }
}

function drop(s: SimState, message: Message): void {
  message.state = 'dropped';
  message.lease++;
  s.metrics.dropped++;
  if (s.log) {
    log(s, {
      t: s.now,
      kind: 'messageDropped',
      message: message.id,
      order: message.order,
      receive: message.receives,
    });
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
    message.failures = 0;
    s.metrics.redriven++;
    if (s.log) log(s, { t: s.now, kind: 'redriven', message: message.id, order: message.order });
    publish(s, message);
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
  if (message.lease !== lease) return;
  if (message.state === 'delayed') {
    s.delayed--;
    if (s.config.queue.broker === 'kafka') makeReady(s, message);
    else makeVisible(s, message);
    return;
  }
  if (message.state !== 'inflight') return;
  // The message is in flight: its holder crashed, is still on a slow call, or (Redis) failed.
  s.inflight--;
  s.metrics.visibilityExpired++;
  if (s.log)
    log(s, { t: s.now, kind: 'visibilityExpired', message: message.id, order: message.order });
  if (atLimit(s, message)) deadLetter(s, message);
  else makeVisible(s, message, s.config.queue.broker === 'redis');
}

function crash(s: SimState, worker: Worker, afterSend: boolean): void {
  s.metrics.crashes++;
  setBusy(s, -1);
  worker.state = 'crashed';
  worker.job++;
  worker.since = s.now;
  worker.until = roundUs(s.now + s.config.workers.restartMs);
  const message = worker.message!;
  if (s.log) {
    log(s, { t: s.now, kind: 'workerCrashed', worker: worker.id, order: message.order, afterSend });
  }
  worker.message = null;
  schedule(s, EV.workerRestart, worker.until, worker, worker.job);
  switch (s.config.queue.broker) {
    case 'ideal':
      // The idealised broker knows whether the email went out, and acts as if it had been told.
      if (afterSend) ack(s, message, worker);
      else {
        s.inflight--;
        message.receives--;
        makeVisible(s, message, true);
      }
      return;
    case 'rabbitmq':
      // The channel closes: every unacked message goes back at once, marked redelivered.
      returnAll(s, [message, ...worker.buffer.splice(0)]);
      return;
    case 'kafka':
      rewind(s, worker, message);
      return;
    default:
    // SQS and Redis: the message stays in flight until its lease (or idle time) runs out.
  }
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
 * count finish what they are doing first. Only the async mode has workers at all. Kafka
 * partitions move to their new owners at once (a cooperative rebalance). */
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
        buffer: [],
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
      setLevel(s.metrics.workerCapacity, s.now, s.metrics.workerCapacity.value + 1);
      goIdle(s, worker);
    }
  }
  dispatch(s);
}

// Kafka ------------------------------------------------------------------------------------------

/** The worker that owns partition p now, if the pool has any. */
export function ownerOf(s: SimState, p: Partition): Worker | undefined {
  const count = s.config.workers.count;
  return count > 0 ? s.workers[p.id % count] : undefined;
}

/** The record is written at the end of the partition its key (the order id) hashes to. */
function appendRecord(s: SimState, message: Message): void {
  const p = s.partitions[message.order % s.partitions.length]!;
  message.partition = p.id;
  p.records.push(message);
  const lag = p.records.length - p.committed;
  if (lag > s.metrics.maxLag) s.metrics.maxLag = lag;
  makeReady(s, message);
}

/** The record, already in its partition, can be read (new, after a backoff or a rewind). */
function makeReady(s: SimState, message: Message): void {
  message.state = 'queued';
  message.readyAt = s.now;
  message.lease++;
  s.backlog++;
  setDepth(s);
  logQueued(s, message);
  startNext(s, partitionOf(s, message));
}

/** Each partition whose next record is ready and whose owner is idle starts on that record.
 * A record that is failing or waiting for its backoff holds up everything behind it. */
function dispatchPartitions(s: SimState): void {
  for (const p of s.partitions) startNext(s, p);
}

/** The partition's owner starts on its next record, if both are ready; true if it did. */
function startNext(s: SimState, p: Partition): boolean {
  const next = p.records[p.pos];
  if (p.busy || next === undefined || next.state !== 'queued') return false;
  const worker = ownerOf(s, p);
  if (worker?.state !== 'idle') return false;
  p.busy = true;
  s.backlog--;
  setDepth(s);
  receive(s, worker, next);
  startCall(s, worker, next);
  return true;
}

/** A free worker looks through its own partitions (ids worker, worker + count, ...), starting
 * one further along each time, so that no partition it owns is starved. */
function startOwned(s: SimState, worker: Worker): void {
  const count = s.config.workers.count;
  const owned = Math.ceil((s.partitions.length - worker.id) / count);
  if (worker.id >= count || owned <= 0) return;
  const first = s.rr++ % owned;
  for (let j = 0; j < owned; j++) {
    const p = s.partitions[worker.id + ((first + j) % owned) * count]!;
    if (startNext(s, p)) return;
  }
}

function partitionOf(s: SimState, message: Message): Partition {
  return s.partitions[message.partition]!;
}

/** The worker has handled the record: it moves on, and commits the offset in batches. */
function processed(s: SimState, message: Message, worker: Worker): void {
  const p = partitionOf(s, message);
  message.state = 'processed';
  message.lease++;
  s.inflight--;
  s.uncommitted++;
  p.pos++;
  p.busy = false;
  logAcked(s, message, worker);
  commit(s, p, false);
  // After a resize the partition may belong to another worker by now, idle and waiting for it.
  startNext(s, p);
}

/** A failed record is retried in place after the backoff, holding up its partition, until the
 * application gives up and skips it to the dead-letter topic. */
function failRecord(s: SimState, message: Message): void {
  const p = partitionOf(s, message);
  s.inflight--;
  p.busy = false;
  if (atLimit(s, message)) {
    deadLetter(s, message);
    p.pos++;
    commit(s, p, true);
    startNext(s, p);
  } else {
    delay(s, message);
    commit(s, p, false);
  }
}

/** Commits the partition's position after `commitEvery` records, or whenever the worker has
 * nothing more to read there right now (a consumer commits before it waits). */
function commit(s: SimState, p: Partition, force: boolean): void {
  const n = p.pos - p.committed;
  if (n === 0) return;
  const next = p.records[p.pos];
  if (!force && n < s.config.queue.commitEvery && next?.state === 'queued') return;
  for (let i = p.committed; i < p.pos; i++) {
    const record = p.records[i]!;
    if (record.state !== 'processed') continue;
    record.state = 'acked';
    s.uncommitted--;
    s.metrics.acked++;
  }
  p.committed = p.pos;
  if (s.log) {
    log(s, {
      t: s.now,
      kind: 'offsetCommitted',
      partition: p.id,
      offset: p.base + p.pos,
      records: n,
    });
  }
  if (p.committed > 1024 && p.committed * 2 > p.records.length) {
    p.records = p.records.slice(p.committed);
    p.base += p.committed;
    p.pos -= p.committed;
    p.committed = 0;
  }
}

/** A crashed consumer's partitions go back to their committed offsets: everything after them,
 * the record in hand included, will be read and processed again. */
function rewind(s: SimState, worker: Worker, current: Message): void {
  const held = partitionOf(s, current);
  current.state = 'queued';
  current.lease++;
  current.readyAt = s.now;
  s.inflight--;
  s.backlog++;
  held.busy = false;
  for (const p of s.partitions) {
    // Not a partition another worker is still reading after a resize: it is that worker's.
    if (p !== held && (ownerOf(s, p) !== worker || p.busy)) continue;
    const records = p.pos - p.committed;
    for (let i = p.committed; i < p.pos; i++) {
      const record = p.records[i]!;
      record.state = 'queued';
      record.lease++;
      record.readyAt = s.now;
      s.uncommitted--;
      s.backlog++;
    }
    p.pos = p.committed;
    if (records > 0 && s.log) {
      log(s, {
        t: s.now,
        kind: 'partitionRewound',
        partition: p.id,
        offset: p.base + p.committed,
        records,
      });
    }
  }
  setDepth(s);
  dispatch(s);
}
