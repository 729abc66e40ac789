/** Redis Streams with a consumer group: an entry stays pending with its consumer until acked;
 * once idle for `minIdle` another worker claims it (XAUTOCLAIM), before new entries; the
 * application moves entries delivered too often to a dead-letter stream. XACK names the entry,
 * so a worker that finishes after its entry was claimed still acks it. */
import { ack, expire, leaseTimer, logLateAck } from './core.ts';
import { inspectLeases } from './inspect.ts';
import { makeVisible } from './visible.ts';
import type { BrokerPolicy } from './policy.ts';
import { dispatchToIdle, goIdleInLine } from './workers.ts';

export const redis: BrokerPolicy = {
  lease: {
    name: 'min-idle time',
    setting: 'queue.minIdle',
    callSetting: 'queue.minIdle',
    wait: 'minIdle',
    crashWaitsForLease: true,
  },
  // No retry.*: a failed entry waits for a claim after the min-idle time, not for a backoff.
  settings: [
    {
      key: 'queue.minIdle',
      control: {
        label: 'Min idle time before a claim',
        hint: 'How long an entry stays pending before another worker may claim it.',
        real: 'No default: you choose it in each XAUTOCLAIM call.',
      },
    },
    {
      key: 'queue.maxReceives',
      control: {
        label: 'App’s delivery-count limit',
        hint: 'Deliveries of an entry before the app moves it to the dead-letter stream.',
        real: 'Redis counts deliveries; your application decides when to give up.',
      },
    },
    {
      key: 'queue.deadLetter',
      control: {
        label: 'Dead-letter stream configured',
        hint: 'Without one, a failing entry is claimed again for ever.',
      },
    },
  ],
  deadLetter: 'dead-letter stream',
  closeupTitle: 'Inside Redis Streams: pending entries',
  leaseWords: {
    title: 'Pending entries (delivered, not acked)',
    lease: 'claimable in',
    overdue: 'claimable now',
    count: (n) => `delivered ${n}×`,
    expired: 'its entry was claimed by another consumer; its ack still counts',
    ready: 'Waiting for a consumer (claimed entries first)',
    holderDown: 'nobody working on it',
    explain: (lease) =>
      `An entry stays pending until acked; idle for its ${lease}, another consumer may claim it.`,
    claims: true,
  },
  prefetches: false,
  drops: false,
  inspect: (s, limit) => inspectLeases(s, s.config.queue.minIdleMs, limit),
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
