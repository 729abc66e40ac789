/** The workers every broker preset shares: the job's call (the email, or another background
 * step), crashes and restarts, and resizing the pool. Where the presets differ, the broker's
 * policy (policies.ts) decides; what a finished job means for its step is in jobs.ts. */
import { EV } from '../events.ts';
import { ROLE } from '../flow.ts';
import { fifoPush, fifoRemove, fifoShift, fifoSize } from '../ring.ts';
import { uniform } from '../rng.ts';
import { callStep } from '../attempt.ts';
import { log } from '../log.ts';
import { schedule, scheduleRounded } from '../schedule.ts';
import type { Message, Partition, SimState, Worker } from '../state.ts';
import { newWorker } from '../entities.ts';
import { roundUs } from '../time.ts';
import { addSample, setLevel } from '../stats.ts';
import { receive } from './core.ts';
import { jobDone } from './jobs.ts';
import { policyOf } from './policy.ts';
import { returnAll, takeBuffered } from './rabbitmqBuffer.ts';
import { setDepth, takeVisible } from './visible.ts';

export function setBusy(s: SimState, delta: number): void {
  const level = s.metrics.busyWorkers;
  setLevel(level, s.now, level.value + delta);
}

/** The worker runs the message's step (the email: a call to the email service), and may crash on
 * the way. */
export function startCall(s: SimState, worker: Worker, message: Message): void {
  const { config, now } = s;
  worker.state = 'busy';
  worker.message = message;
  worker.lease = message.lease;
  worker.job++;
  setBusy(s, 1);
  // The wait runs from the moment the message began to wait to the start of processing, so time
  // in a prefetch buffer counts as waiting.
  addSample(s.metrics.queueWait, now - message.readyAt);
  const step = s.server.runs[message.step]!;
  const latencyMs = callStep(s, step, message.order);
  worker.ok = s.email.ok;
  const crashes = uniform(s.streams.crash) < config.workers.crashRate;
  const crashPoint = uniform(s.streams.crash);
  worker.crashAfterSend = crashes && crashPoint >= 0.5;
  worker.since = now;
  worker.until = roundUs(now + latencyMs);
  // Other steps' jobs log their end (jobFinished); messageReceived already says one started.
  if (s.log && step.role === ROLE.email) {
    log(s.log, {
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
    scheduleRounded(s, EV.workerCrash, worker.until, worker, worker.job);
  } else {
    scheduleRounded(s, EV.emailDone, worker.until, worker, worker.job);
  }
  // The lease only gets a timer when it can run out, so a normal message leaves none behind.
  const endsAt = policyOf(s).leaseEndsAt(s, worker, message, crashes);
  if (endsAt !== Infinity) schedule(s, EV.messageVisible, endsAt, message, message.lease);
}

/** The worker takes its next prefetched message or the next waiting one, or leaves the pool if
 * the pool has shrunk below it (returning what it had prefetched). */
function workerFree(s: SimState, worker: Worker): void {
  worker.message = null;
  const policy = policyOf(s);
  if (worker.id >= s.config.workers.count) {
    // A consumer leaving the pool hands back what it had prefetched (basic.nack with requeue).
    returnAll(s, null, worker, false);
    retire(s, worker);
    return;
  }
  const next = takeBuffered(s, worker);
  if (next) {
    startCall(s, worker, next);
    policy.dispatch(s);
    return;
  }
  policy.goIdle(s, worker);
  policy.findWork(s, worker);
}

/** Idle workers take waiting messages, first come first served on both sides; `started` hears
 * of each worker that does. */
export function dispatchToIdle(s: SimState, started?: (s: SimState, worker: Worker) => void): void {
  while (fifoSize(s.queue.idle) > 0 && fifoSize(s.queue.visible) > 0) {
    const worker = fifoShift(s.queue.idle)!;
    const message = takeVisible(s);
    setDepth(s);
    receive(s, worker, message);
    startCall(s, worker, message);
    started?.(s, worker);
  }
}

/** The usual way to wait for work: in the broker's line of idle consumers. */
export function goIdleInLine(s: SimState, worker: Worker): void {
  worker.state = 'idle';
  fifoPush(s.queue.idle, worker);
}

export function onJobDone(s: SimState, worker: Worker, job: number): void {
  if (worker.job !== job || worker.state !== 'busy') return;
  const message = worker.message!;
  jobDone(s, worker, message);
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
  const policy = policyOf(s);
  if (message.state !== 'inflight' || message.lease !== worker.lease) {
    policy.lateAck(s, message, worker);
    return;
  }
  if (worker.ok) {
    policy.succeeded(s, message, worker);
    return;
  }
  message.failures++;
  policy.failed(s, message, worker);
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
    log(s.log, {
      t: s.now,
      kind: 'workerCrashed',
      worker: worker.id,
      order: message.order,
      afterSend,
    });
  }
  worker.message = null;
  schedule(s, EV.workerRestart, worker.until, worker, worker.job);
  policyOf(s).crashed(s, worker, message, afterSend);
}

export function onWorkerCrash(s: SimState, worker: Worker, job: number): void {
  if (worker.job !== job || worker.state !== 'busy') return;
  crash(s, worker, false);
}

export function onWorkerRestart(s: SimState, worker: Worker, job: number): void {
  if (worker.job !== job || worker.state !== 'crashed') return;
  if (s.log) log(s.log, { t: s.now, kind: 'workerRestarted', worker: worker.id });
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
  const policy = policyOf(s);
  for (const worker of s.workers) {
    if (worker.id >= target && worker.state === 'idle') {
      fifoRemove(s.queue.idle, worker);
      retire(s, worker);
    }
  }
  for (let id = 0; id < target; id++) {
    let worker = s.workers[id];
    if (!worker) {
      worker = newWorker(id);
      s.workers.push(worker);
    }
    if (worker.state === 'retired') {
      setLevel(s.metrics.workerCapacity, s.now, s.metrics.workerCapacity.value + 1);
      policy.goIdle(s, worker);
    }
  }
  policy.dispatch(s);
}

/** A crashed worker's session timeout came: what it means is its broker's (Kafka, the only one
 * that schedules it, drops the worker from the group unless it is back). */
export function onSessionTimeout(s: SimState, worker: Worker, job: number): void {
  policyOf(s).sessionTimeout?.(s, worker, job);
}

/** The worker that owns the partition now (Kafka's group), or undefined. */
export function partitionOwner(s: SimState, partition: Partition): Worker | undefined {
  return policyOf(s).partitionOwner?.(s, partition);
}
