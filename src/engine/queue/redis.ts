/** Redis Streams with a consumer group: an entry stays pending with its consumer until acked;
 * once idle for `minIdle` another worker claims it (XAUTOCLAIM), before new entries; the
 * application moves entries delivered too often to a dead-letter stream. XACK names the entry,
 * so a worker that finishes after its entry was claimed still acks it. */
import { ack, expire, leaseTimer, logLateAck } from './core.ts';
import { makeVisible } from './visible.ts';
import type { BrokerPolicy } from './policy.ts';
import { dispatchToIdle, goIdleInLine } from './workers.ts';

export const redis: BrokerPolicy = {
  lease: { name: 'min-idle time', setting: 'queue.minIdle', crashWaitsForLease: true },
  publish: (s, message) => makeVisible(s, message),
  dispatch: dispatchToIdle,
  goIdle: goIdleInLine,
  findWork: (s) => dispatchToIdle(s),
  // A failed entry stays pending too, so it needs the timer as well.
  leaseEndsAt: (s, worker, _message, crashes) =>
    leaseTimer(s, worker, crashes, s.config.queue.minIdleMs, true),
  succeeded: ack,
  // No nack in Streams: the entry stays pending with this worker until someone claims it.
  failed: () => {},
  lateAck(s, message, worker) {
    // XACK names the entry, not the delivery: a late ack still removes it from the pending list.
    if (worker.ok && (message.state === 'inflight' || message.state === 'queued')) {
      ack(s, message, worker);
    } else logLateAck(s, message, worker);
  },
  leaseExpired: (s, message) => expire(s, message, 'claimed'),
  delayEnded: (s, message) => makeVisible(s, message),
  // The entries stay pending until claimed after `minIdle`.
  crashed: () => {},
  tries: (message) => message.receives,
};
