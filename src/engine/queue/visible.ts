/** The queue of messages waiting for a worker, for the brokers that keep one (all but Kafka, whose
 * records wait in their partitions): its depth, where a message joins it (at the back, or in the
 * section at its head served before new messages: RabbitMQ's returns, Redis' claims) and how
 * idle workers take from its head. */
import { fifoAt, fifoInsert, fifoInsertAll, fifoPush, fifoShift, fifoSize } from '../ring.ts';
import { log } from '../log.ts';
import type { Message, SimState } from '../state.ts';
import { setLevel } from '../stats.ts';
import { recordLevel } from '../timeline.ts';
import { policyOf } from './policy.ts';

/** Messages waiting to be delivered: the queue's depth (Kafka: summed over partitions). */
export function queuedCount(s: SimState): number {
  return fifoSize(s.queue.visible) + s.kafka.backlog;
}

/** The queue's depth counts every message waiting for a worker to start on it, those in a
 * RabbitMQ consumer's prefetch buffer included. */
export function setDepth(s: SimState): void {
  const depth = queuedCount(s) + s.rabbitmq.buffered;
  setLevel(s.metrics.queueDepth, s.now, depth);
  recordLevel(s.metrics.timeline, 'queueDepth', s.now, depth);
}

export function logQueued(s: SimState, message: Message): void {
  if (s.log) {
    log(s.log, {
      t: s.now,
      kind: 'messageQueued',
      message: message.id,
      order: message.order,
      depth: queuedCount(s),
    });
  }
}

/** Where a message joins the queue: at the back (new, after a backoff or an SQS lease), or in the
 * section at its head that is served before new messages: RabbitMQ's returned messages, in the
 * order they came back (a quorum queue's returns queue), or Redis' entries claimable after
 * min-idle, lowest id first (XAUTOCLAIM scans the pending list from the lowest id). */
export type Place = 'back' | 'returned' | 'claimed';

/** The message waits in the queue for a worker, at `place`. `waitingSince`: it has been waiting
 * since then already (a RabbitMQ message returned from a prefetch buffer before it started), so
 * this is no new wait; otherwise its wait starts now. Little's law needs each wait to start once
 * and end once, with its start known before anyone can take it. */
export function makeVisible(
  s: SimState,
  message: Message,
  place: Place = 'back',
  waitingSince?: number,
): void {
  rejoin(s, message, waitingSince);
  const q = s.queue;
  if (place === 'back') fifoPush(q.visible, message);
  else fifoInsert(q.visible, place === 'returned' ? q.front : claimSlot(s, message), message);
  if (place !== 'back') q.front++;
  setDepth(s);
  logQueued(s, message);
  policyOf(s).dispatch(s);
}

/** A batch of returned messages, in order, behind those returned before them: one move at the
 * queue's head for all (a consumer returning a thousand prefetched messages one insertion at a
 * time moved the ones before each of them, a million moves). `waitingSince` as makeVisible's. */
export function returnMany(
  s: SimState,
  messages: readonly Message[],
  waitingSince: readonly (number | undefined)[],
): void {
  messages.forEach((message, i) => rejoin(s, message, waitingSince[i]));
  fifoInsertAll(s.queue.visible, s.queue.front, messages);
  s.queue.front += messages.length;
  setDepth(s);
  for (const message of messages) logQueued(s, message);
  policyOf(s).dispatch(s);
}

/** The message is waiting again: since now (a new wait) or since `waitingSince`. */
function rejoin(s: SimState, message: Message, waitingSince: number | undefined): void {
  message.state = 'queued';
  message.lease++;
  if (waitingSince === undefined) {
    message.readyAt = s.now;
    s.metrics.queueEntries++;
  } else message.readyAt = waitingSince;
}

/** Where a claimable entry goes among those at the head: by id, lowest first. */
function claimSlot(s: SimState, message: Message): number {
  let lo = 0;
  let hi = s.queue.front;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fifoAt(s.queue.visible, mid)!.id < message.id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The message at the head of the queue, taken out of it. */
export function takeVisible(s: SimState): Message {
  if (s.queue.front > 0) s.queue.front--;
  return fifoShift(s.queue.visible)!;
}
