/** Kafka with a consumer group: records go to partitions by key (the order id); one worker reads
 * a partition, in order, and commits its offset after processing; a failing record blocks its
 * partition until the application skips it to a dead-letter topic; a crash replays every
 * uncommitted record. Kafka counts no deliveries, so the application counts failed attempts. */
import { log, type Message, type Partition, type SimState, type Worker } from '../state.ts';
import {
  atLimit,
  deadLetter,
  delay,
  expire,
  logAcked,
  logLateAck,
  logQueued,
  receive,
  setDepth,
} from './core.ts';
import type { BrokerPolicy } from './policy.ts';
import { startCall } from './workers.ts';

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
  s.metrics.queueEntries++;
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
  s.metrics.queueEntries++;
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
      s.metrics.queueEntries++;
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
  dispatchPartitions(s);
}

export const kafka: BrokerPolicy = {
  publish: appendRecord,
  dispatch: dispatchPartitions,
  // Kafka workers are found through their partitions, not in a line of idle consumers.
  goIdle: (_s, worker) => {
    worker.state = 'idle';
  },
  findWork: startOwned,
  leaseEndsAt: () => Infinity,
  succeeded: processed,
  failed: (s, message) => failRecord(s, message),
  lateAck: logLateAck,
  leaseExpired: (s, message) => expire(s, message, false),
  delayEnded: makeReady,
  crashed: (s, worker, message) => rewind(s, worker, message),
  tries: (message) => message.failures,
};
