/** A read-only look inside the broker, for the diagram's close-up: Kafka's partitions with their
 * offsets (inspectKafka.ts), RabbitMQ's consumers with their prefetch buffers (inspectRabbit.ts),
 * Redis's pending entries and SQS's messages in flight (here). Plain data, bounded in size,
 * computed on demand from the state (nothing is kept or counted for it while nobody looks), and it
 * changes nothing. Each broker's look is in its preset's chunk but the leases', which the default
 * broker (SQS) needs; this file holds what they share. */
import { pendingSlots } from '../eventList.ts';
import { fifoSize } from '../ring.ts';
import { EV, subjectOf } from '../events.ts';
import type { Message, SimState, Worker } from '../state.ts';
import type { BrokerInspection, InFlightCell, LeaseInspection, MessageCell } from './inspection.ts';
import { policyOf } from './policy.ts';

export type { BrokerInspection } from './inspection.ts';

/** The default bound on rows and on records per row. */
export const INSPECT_LIMIT = 12;

/** What the close-up shows of the broker now; null for the ideal broker (it has no state of its
 * own to show) and in sync mode. `limit` bounds every list (rows, records per row, messages). */
export function inspectBroker(s: SimState, limit: number = INSPECT_LIMIT): BrokerInspection | null {
  if (s.mode !== 'async') return null;
  return policyOf(s).inspect?.(s, Math.max(1, Math.floor(limit))) ?? null;
}

export function cellOf(m: Message): MessageCell {
  return {
    message: m.id,
    order: m.order,
    receives: m.receives,
    failures: m.failures,
    receivedAt: m.receivedAt,
  };
}

/** The workers in the pool now (retired ones are gone). */
export function pool(s: SimState): Worker[] {
  return s.workers.filter((w) => w.state !== 'retired');
}

/** Up to `limit` messages from the head of the visible queue, without copying all of it. */
export function headOfQueue(s: SimState, limit: number): MessageCell[] {
  const { items, head } = s.queue.visible;
  const out: MessageCell[] = [];
  for (let i = head; i < items.length && out.length < limit; i++) out.push(cellOf(items[i]!));
  return out;
}

/** The message in the worker's hand, if it is still this worker's delivery (a slow worker whose
 * lease ran out goes on with a message the broker has taken back). */
export function heldBy(w: Worker): Message | null {
  const m = w.message;
  return m && m.state === 'inflight' && m.lease === w.lease ? m : null;
}

/** Deliveries with a lease of `leaseMs` each (SQS's visibility timeout, Redis's min-idle time). */
export function inspectLeases(s: SimState, leaseMs: number, limit: number): LeaseInspection {
  const byMessage = new Map<Message, number>();
  for (const w of s.workers) {
    const m = heldBy(w);
    if (m) byMessage.set(m, w.id);
  }
  // Messages nobody is working on are found by the timer that will bring them back.
  const h = s.heap;
  for (const slot of pendingSlots(h)) {
    if (h.kinds[slot] !== EV.messageVisible.code) continue;
    const m = subjectOf(h, slot, EV.messageVisible);
    if (m.state === 'inflight' && m.lease === h.ns[slot] && !byMessage.has(m)) byMessage.set(m, -1);
  }
  const inFlight = [...byMessage]
    .map(([m, worker]): InFlightCell => ({
      ...cellOf(m),
      worker,
      idleMs: s.now - m.receivedAt,
      leaseEndsAt: m.receivedAt + leaseMs,
    }))
    .sort((a, b) => a.receivedAt - b.receivedAt || a.message - b.message);
  return {
    kind: 'leases',
    broker: s.config.queue.broker,
    now: s.now,
    leaseMs,
    maxReceives: s.config.queue.maxReceives,
    deadLetter: s.config.queue.deadLetter,
    inFlight: inFlight.slice(0, limit),
    inFlightCount: inFlight.length,
    ready: headOfQueue(s, limit),
    readyCount: fifoSize(s.queue.visible),
    delayedCount: s.queue.delayed,
    deadLetters: s.dlq.length,
    workers: pool(s)
      .slice(0, limit)
      .map((w) => ({ worker: w.id, state: w.state })),
    expired: s.workers
      .filter((w) => w.state === 'busy' && w.message !== null && heldBy(w) === null)
      .slice(0, limit)
      .map((w) => ({ ...cellOf(w.message!), worker: w.id })),
  };
}
