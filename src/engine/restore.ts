/** Resuming a run from a checkpoint with objects shaped as the engine makes them.
 *
 * structuredClone copies a checkpoint faithfully, but the objects it makes get other hidden
 * classes than the engine's own object literals. Code optimised for the engine's objects then meets
 * two shapes at every property read, is thrown out and runs several times slower until optimised
 * again: a far seek took three times as long the first time. So a restore starts from a state the
 * engine builds itself (`createState`) and copies the checkpoint into it, making orders, messages,
 * workers, customers and partitions with the engine's own factories (entities.ts) and copying
 * their fields over. Shared references stay shared: each object is copied once. A field added to
 * the state that holds an object needs its line here: `test/engine/checkpoint.test.ts` compares a
 * restore with its checkpoint (values, key order and sharing) for both modes and every broker, so
 * a field left out fails there. */
import type { EventList } from './eventList.ts';
import type { EventSubject } from './events.ts';
import {
  copyCustomer,
  copyMessage,
  copyOrder,
  copyPartition,
  copyWorker,
  type Customer,
  type Message,
  type Order,
  type Partition,
  type Worker,
} from './entities.ts';
import type { Fifo } from './ring.ts';
import { createState } from './createState.ts';
import type { SimState } from './state.ts';
import type { Samples } from './stats.ts';
import type { Timeline } from './timeline.ts';

/** Copies every field of `from` whose value is not an object (numbers, strings, booleans). */
function copyScalars<T extends object>(to: T, from: T): void {
  for (const key of Object.keys(from) as (keyof T)[]) {
    const value = from[key];
    if (typeof value !== 'object' || value === null) to[key] = value;
  }
}

class Copier {
  private readonly seen = new Map<object, object>();

  private once<T extends object>(from: T, make: (from: T) => T): T {
    let to = this.seen.get(from) as T | undefined;
    if (to === undefined) {
      to = make(from);
      this.seen.set(from, to);
    }
    return to;
  }

  customer = (c: Customer | null): Customer | null => c && this.once(c, copyCustomer);

  order = (o: Order): Order => this.once(o, (f) => copyOrder(f, this.customer(f.customer)));

  message = (m: Message): Message => this.once(m, copyMessage);

  worker = (w: Worker): Worker =>
    this.once(w, (f) =>
      copyWorker(f, f.message && this.message(f.message), f.buffer.map(this.message)),
    );

  partition = (p: Partition): Partition =>
    this.once(p, (f) => copyPartition(f, f.records.map(this.message)));

  fifo<T>(to: Fifo<T>, from: Fifo<T>, item: (x: T) => T): void {
    to.items = from.items.map((x) => (x === undefined ? undefined : item(x)));
    to.head = from.head;
  }

  /** An event's subject, told apart by its own fields: TypeScript narrows the union on them, so
   * a new kind of subject (a new member of EventSubject) does not compile here until it has its
   * line, and no cast can copy one thing as another. */
  subject(ref: EventSubject): EventSubject {
    if (ref === null) return null;
    if ('buffer' in ref) return this.worker(ref);
    if ('holder' in ref) return this.message(ref);
    return this.order(ref);
  }

  events(to: EventList<EventSubject>, from: EventList<EventSubject>): void {
    copyScalars(to, from);
    to.times = from.times.slice();
    to.keys = from.keys.slice();
    to.slots = from.slots.slice();
    to.kinds = from.kinds.slice();
    to.ns = from.ns.slice();
    to.slotTimes = from.slotTimes.slice();
    to.slotKeys = from.slotKeys.slice();
    to.free = from.free.slice();
    to.laneTimes = from.laneTimes.slice();
    to.laneKeys = from.laneKeys.slice();
    to.refs = from.refs.map((ref) => this.subject(ref));
    if (to.lanes.length !== from.lanes.length) throw new Error('a checkpoint of another engine');
    from.lanes.forEach((lane, i) => {
      const into = to.lanes[i]!;
      copyScalars(into, lane);
      into.slots = lane.slots.slice();
    });
  }
}

function copySamples(to: Samples, from: Samples): void {
  copyScalars(to, from);
  to.exact = from.exact && from.exact.slice();
  to.buckets = from.buckets && from.buckets.slice();
}

function copyTimeline(to: Timeline, from: Timeline): void {
  to.bucketMs = from.bucketMs;
  to.queueDepth = from.queueDepth.slice();
  to.handlerQueue = from.handlerQueue.slice();
  copyScalars(to.current, from.current);
}

/** A run's state equal to the checkpoint `cp` (which stays as it was), in the engine's own shapes. */
export function restoreState(cp: SimState): SimState {
  const s = createState({
    config: cp.config,
    mode: cp.mode,
    seed: cp.seed,
    durationMs: cp.durationMs,
  });
  const copy = new Copier();
  copyScalars(s, cp);
  copy.events(s.heap, cp.heap);
  for (const name of Object.keys(cp.streams)) {
    copyScalars(s.streams[name]!, cp.streams[name]!);
  }
  s.changes = structuredClone(cp.changes);
  copyScalars(s.arrivals, cp.arrivals);
  s.live = cp.live.slice();

  copyScalars(s.server, cp.server);
  s.server.failedLate = { ...cp.server.failedLate };
  copy.fifo(s.server.handlerQueue, cp.server.handlerQueue, copy.order);
  copy.fifo(s.server.patience, cp.server.patience, copy.order);
  copyScalars(s.queue, cp.queue);
  copy.fifo(s.queue.visible, cp.queue.visible, copy.message);
  copy.fifo(s.queue.idle, cp.queue.idle, copy.worker);
  copyScalars(s.kafka, cp.kafka);
  s.kafka.partitions = cp.kafka.partitions.map(copy.partition);
  s.kafka.tree = cp.kafka.tree.slice();
  s.kafka.lead = cp.kafka.lead.slice();
  s.kafka.ready = cp.kafka.ready.slice();
  copyScalars(s.rabbitmq, cp.rabbitmq);
  s.rabbitmq.room = cp.rabbitmq.room.slice();
  s.rabbitmq.roomFor = cp.rabbitmq.roomFor.slice();
  copyScalars(s.outbox, cp.outbox);
  s.outbox.rows = cp.outbox.rows.map(copy.order);
  copyScalars(s.email, cp.email);
  copyScalars(s.budget, cp.budget);
  s.workers = cp.workers.map(copy.worker);
  s.dlq = cp.dlq.map(copy.message);

  const m = s.metrics;
  copyScalars(m, cp.metrics);
  copySamples(m.response, cp.metrics.response);
  copySamples(m.emailDelay, cp.metrics.emailDelay);
  copySamples(m.queueWait, cp.metrics.queueWait);
  copySamples(m.serverWait, cp.metrics.serverWait);
  copyScalars(m.busyHandlers, cp.metrics.busyHandlers);
  copyScalars(m.handlerCapacity, cp.metrics.handlerCapacity);
  copyScalars(m.busyWorkers, cp.metrics.busyWorkers);
  copyScalars(m.workerCapacity, cp.metrics.workerCapacity);
  copyScalars(m.queueDepth, cp.metrics.queueDepth);
  copyTimeline(m.timeline, cp.metrics.timeline);
  // The email step's done Samples is emailDelay itself (createMetrics made it so here too).
  cp.metrics.steps.forEach((from, i) => {
    const to = m.steps[i]!;
    copyScalars(to, from);
    copySamples(to.done, from.done);
  });

  s.log = cp.log && structuredClone(cp.log);
  s.stopped = cp.stopped && structuredClone(cp.stopped);
  return s;
}
