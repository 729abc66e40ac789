/** Kafka with a consumer group: records go to partitions by a murmur2 hash of their key (the
 * order id), as the Java client's default partitioner does; one worker reads a partition, in
 * order, and commits its offset after processing; a failing record blocks its partition until the
 * application skips it to a dead-letter topic; a crash replays every uncommitted record. A
 * consumer silent past the session timeout, or stuck on one record past max.poll.interval.ms,
 * leaves the group and its partitions move to the others. Kafka counts no deliveries, so the
 * application counts failed attempts. */
import { EV } from '../events.ts';
import { log } from '../log.ts';
import { schedule } from '../schedule.ts';
import type { Message, Partition, SimState, Worker } from '../state.ts';
import { atLimit, deadLetter, delay, holderOf, logAcked, logLateAck, receive } from './core.ts';
import { inspectKafka } from './inspectKafka.ts';
import { logQueued, setDepth } from './visible.ts';
import type { BrokerPolicy } from './policy.ts';
import { kafkaFacts } from './kafkaFacts.ts';
import { groupSize, ownerOf, rankOf, setLeft } from './kafkaGroup.ts';
import { forEachReady, noteReadiness } from './kafkaReady.ts';
import { orderPartition } from './murmur2.ts';
import { startCall } from './workers.ts';

/** The partition a new record goes to: by its key's murmur2 hash, or round robin by order id. */
function partitionFor(s: SimState, orderId: number): number {
  const n = s.kafka.partitions.length;
  return s.config.queue.partitioner === 'key' ? orderPartition(orderId, n) : orderId % n;
}

/** The record is written at the end of the partition its key (the order id) goes to. */
function appendRecord(s: SimState, message: Message): void {
  const p = s.kafka.partitions[partitionFor(s, message.order)]!;
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
  s.kafka.backlog++;
  s.metrics.queueEntries++;
  setDepth(s);
  logQueued(s, message);
  const p = partitionOf(s, message);
  noteReadiness(s, p);
  startNext(s, p);
}

/** Each partition whose next record is ready and whose owner is idle starts on that record.
 * A record that is failing or waiting for its backoff holds up everything behind it. */
function dispatchPartitions(s: SimState): void {
  s.kafka.rebalanced = false;
  forEachReady(s, startNext);
}

/** The partition's owner starts on its next record, if both are ready; true if it did. */
function startNext(s: SimState, p: Partition): boolean {
  const next = p.records[p.pos];
  if (p.busy || next === undefined || next.state !== 'queued') return false;
  const worker = ownerOf(s, p);
  if (worker?.state !== 'idle') return false;
  p.busy = true;
  noteReadiness(s, p);
  s.kafka.backlog--;
  setDepth(s);
  receive(s, worker, next);
  startCall(s, worker, next);
  return true;
}

/** A free worker looks through its own partitions (rank, rank + members, ...: ids worker,
 * worker + count, ... while nobody has left the group), starting one further along each time, so
 * that no partition it owns is starved. */
function startOwned(s: SimState, worker: Worker): void {
  const rank = rankOf(s, worker);
  if (rank < 0) return;
  const members = groupSize(s);
  const owned = Math.ceil((s.kafka.partitions.length - rank) / members);
  if (owned <= 0) return;
  const first = s.queue.rr++ % owned;
  for (let j = 0; j < owned; j++) {
    const p = s.kafka.partitions[rank + ((first + j) % owned) * members]!;
    if (startNext(s, p)) return;
  }
}

function partitionOf(s: SimState, message: Message): Partition {
  return s.kafka.partitions[message.partition]!;
}

/** The worker has handled the record: it moves on, and commits the offset in batches. */
function processed(s: SimState, message: Message, worker: Worker): void {
  const p = partitionOf(s, message);
  message.state = 'processed';
  message.lease++;
  s.inflight--;
  s.kafka.uncommitted++;
  p.pos++;
  p.busy = false;
  noteReadiness(s, p);
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
    noteReadiness(s, p);
    commit(s, p, true);
    startNext(s, p);
  } else {
    delay(s, message);
    noteReadiness(s, p);
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
    s.kafka.uncommitted--;
    s.metrics.acked++;
  }
  p.committed = p.pos;
  if (s.log) {
    log(s.log, {
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
  s.kafka.backlog++;
  s.metrics.queueEntries++;
  held.busy = false;
  const moved = rewound(s, worker, held);
  for (const p of moved) {
    const records = p.pos - p.committed;
    for (let i = p.committed; i < p.pos; i++) {
      const record = p.records[i]!;
      record.state = 'queued';
      record.lease++;
      record.readyAt = s.now;
      s.kafka.uncommitted--;
      s.kafka.backlog++;
      s.metrics.queueEntries++;
    }
    p.pos = p.committed;
    noteReadiness(s, p);
    if (records > 0 && s.log) {
      log(s.log, {
        t: s.now,
        kind: 'partitionRewound',
        partition: p.id,
        offset: p.base + p.committed,
        records,
      });
    }
  }
  setDepth(s);
  // No partition changed hands, so only these can have become startable: every other one that is
  // ready still waits for the same owner (each membership change dispatches all of them).
  for (const p of moved) startNext(s, p);
}

/** The partitions a crashed or timed-out consumer's rewind moves back, in id order: its own
 * (rank, rank + members, ...) and the one it held, but not one another worker is still reading
 * after a resize (that is that worker's). */
function rewound(s: SimState, worker: Worker, held: Partition): Partition[] {
  const { partitions } = s.kafka;
  const out: Partition[] = [];
  const rank = rankOf(s, worker);
  if (rank >= 0) {
    const members = groupSize(s);
    for (let id = rank; id < partitions.length; id += members) {
      const p = partitions[id]!;
      if (!p.busy) out.push(p);
    }
  }
  if (!out.includes(held)) {
    const at = out.findIndex((p) => p.id > held.id);
    out.splice(at < 0 ? out.length : at, 0, held);
  }
  return out;
}

/** The worker leaves the consumer group: the group rebalances and its partitions go to the
 * others, who read them from the committed offsets. */
function leaveGroup(s: SimState, worker: Worker): void {
  if (worker.left) return;
  setLeft(s, worker, true);
  dispatchPartitions(s);
}

/** A crashed consumer is silent: once the session timeout passes without a heartbeat the group
 * drops it (if it has not restarted by then). */
export function onSessionTimeout(s: SimState, worker: Worker, job: number): void {
  if (worker.job !== job || worker.state !== 'crashed') return;
  leaveGroup(s, worker);
}

/** max.poll.interval.ms passed while the worker was still on one record: it leaves the group, its
 * partitions rewind to their committed offsets and move, and the record is read again by the new
 * owner. The worker's call goes on; its commit will fail. */
function pollTimedOut(s: SimState, message: Message): void {
  const worker = holderOf(s, message);
  s.metrics.visibilityExpired++;
  if (s.log)
    log(s.log, { t: s.now, kind: 'visibilityExpired', message: message.id, order: message.order });
  if (!worker) return;
  rewind(s, worker, message);
  leaveGroup(s, worker);
}

export const kafka: BrokerPolicy = {
  ...kafkaFacts,
  inspect: inspectKafka,
  publish: appendRecord,
  dispatch: dispatchPartitions,
  // Kafka workers are found through their partitions, not in a line of idle consumers.
  goIdle: (s, worker) => {
    worker.state = 'idle';
    // Polling again: a worker that had left rejoins the group, and the group rebalances.
    if (worker.left) {
      setLeft(s, worker, false);
      s.kafka.rebalanced = true;
    }
  },
  findWork(s, worker) {
    startOwned(s, worker);
    // A rejoin moved partitions: their new owners may be idle.
    if (s.kafka.rebalanced) dispatchPartitions(s);
  },
  // Only a call longer than max.poll.interval.ms needs the timer (a crash goes by the session).
  leaseEndsAt(s, worker) {
    const endsAt = s.now + s.config.queue.maxPollIntervalMs;
    return worker.until >= endsAt ? endsAt : Infinity;
  },
  succeeded: processed,
  failed: (s, message) => failRecord(s, message),
  lateAck: logLateAck,
  leaseExpired: pollTimedOut,
  delayEnded: makeReady,
  crashed(s, worker, message) {
    // A record already taken back after a poll timeout is no longer this worker's to rewind.
    if (message.lease === worker.lease) rewind(s, worker, message);
    const { sessionTimeoutMs } = s.config.queue;
    if (s.config.workers.restartMs > sessionTimeoutMs) {
      schedule(s, EV.sessionTimeout, s.now + sessionTimeoutMs, worker, worker.job);
    }
  },
  tries: (message) => message.failures,
  sessionTimeout: onSessionTimeout,
  partitionOwner: ownerOf,
};
