/** What each message (and each crashed Kafka consumer) is waiting for and until when, for the
 * diagram's countdown rings and the lane's words: a backoff before the next try, a lease (SQS's
 * visibility timeout, Redis' min-idle time) running down, a consumer's session timeout. Plain data
 * computed on demand from the state; every end is the moment the engine will act on, read from
 * its timer where it has one. */
import { forEachPending } from './eventList.ts';
import { EV, subjectOf } from './events.ts';
import { policyOf } from './queue/policy.ts';
import { Smallest } from './smallest.ts';
import type { Message, SimState, Worker } from './state.ts';

export type WaitKind =
  /** A failed message hidden for its backoff; then it can be delivered again. */
  | 'backoff'
  /** SQS: a delivery's visibility timeout; unacked by then, the message is visible again. */
  | 'lease'
  /** Redis Streams: a pending entry's min-idle time; idle that long, another consumer claims it. */
  | 'minIdle'
  /** Kafka: a crashed consumer's session timeout; silent that long, it leaves the group. */
  | 'session';

export interface WaitView {
  kind: WaitKind;
  /** The message's order and id (-1 for a consumer's session). */
  order: number;
  message: number;
  /** The worker on the delivery (a lease), the crashed consumer (a session), or -1 for nobody. */
  worker: number;
  startMs: number;
  endMs: number;
  /** Deliveries so far as the broker counts them (SQS ApproximateReceiveCount), or Kafka's failed
   * tries (Kafka counts no deliveries); 0 for a session. */
  receives: number;
  /** The try the message is on (a worker has it) or waits for (a backoff, or a lease nobody works
   * on), from 1; 0 for a session. */
  attempt: number;
}

/** The message in the worker's hand, if it is still this worker's delivery. */
function heldBy(w: Worker): Message | null {
  const m = w.message;
  return m && m.state === 'inflight' && m.lease === w.lease ? m : null;
}

function leaseKind(s: SimState): WaitKind | null {
  return policyOf(s).lease.wait;
}

/** Failed tries so far, as the dead-letter limit counts them. */
function triesOf(s: SimState, m: Message): number {
  return policyOf(s).tries(m);
}

function messageWait(
  s: SimState,
  kind: WaitKind,
  m: Message,
  worker: number,
  startMs: number,
  endMs: number,
  attempt: number,
): WaitView {
  return {
    kind,
    order: m.order,
    message: m.id,
    worker,
    startMs,
    endMs,
    receives: triesOf(s, m),
    attempt,
  };
}

/** Ties between waits ending together go by order, then worker: one number for the selection. */
function tie(order: number, worker: number): number {
  return (order + 1) * 65_536 + worker + 1;
}

/** Every wait with a known end, soonest first (then by order, then by worker); with `limit`, the
 * soonest that many. Only the async mode has any. A delivery whose worker will ack it before its
 * lease ends still shows its lease: the broker's clock runs whatever the worker does. */
export function waitsOf(s: SimState, limit = Infinity): WaitView[] {
  if (s.mode !== 'async') return [];
  const kept = new Smallest<WaitView>(limit);
  const kind = leaseKind(s);
  const worked = new Set<Message>();
  for (const w of s.workers) {
    if (w.state !== 'busy') continue;
    const m = heldBy(w);
    if (!m) continue;
    worked.add(m);
    if (kind && m.leaseEndsAt >= 0 && m.leaseEndsAt !== Infinity) {
      const key = tie(m.order, w.id);
      if (kept.accepts(m.leaseEndsAt, key)) {
        const wait = messageWait(s, kind, m, w.id, m.receivedAt, m.leaseEndsAt, m.receives);
        kept.offer(m.leaseEndsAt, key, wait);
      }
    }
  }
  const h = s.heap;
  forEachPending(h, (slot, t) => {
    const code = h.kinds[slot];
    if (code === EV.messageVisible.code) {
      const m = subjectOf(h, slot, EV.messageVisible);
      if (m.lease !== h.ns[slot]) return;
      const key = tie(m.order, -1);
      if (m.state === 'delayed') {
        if (!kept.accepts(t, key)) return;
        kept.offer(t, key, messageWait(s, 'backoff', m, -1, m.delayedAt, t, triesOf(s, m) + 1));
      } else if (m.state === 'inflight' && kind && !worked.has(m)) {
        // Nobody works on it (its worker crashed, or failed and moved on): only its lease ends it.
        if (!kept.accepts(t, key)) return;
        kept.offer(t, key, messageWait(s, kind, m, -1, m.receivedAt, t, m.receives + 1));
      }
    } else if (code === EV.sessionTimeout.code) {
      const w = subjectOf(h, slot, EV.sessionTimeout);
      if (w.job !== h.ns[slot] || w.state !== 'crashed') return;
      kept.offer(t, tie(-1, w.id), {
        kind: 'session',
        order: -1,
        message: -1,
        worker: w.id,
        startMs: w.since,
        endMs: t,
        receives: 0,
        attempt: 0,
      });
    }
  });
  return kept.sorted();
}
