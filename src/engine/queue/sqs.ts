/** Amazon SQS (standard): a received message is hidden for the visibility timeout; without a
 * delete it is delivered again, to anyone; a failed attempt hides it for the backoff; after
 * maxReceiveCount receives it goes to the dead-letter queue. A stale receipt deletes nothing. */
import type { Message } from '../state.ts';
import { ack, expire, leaseTimer, logLateAck, retryLater } from './core.ts';
import { inspectLeases } from './inspect.ts';
import { makeVisible } from './visible.ts';
import type { BrokerPolicy } from './policy.ts';
import { dispatchToIdle, goIdleInLine } from './workers.ts';

export const sqs: BrokerPolicy = {
  lease: {
    name: 'visibility timeout',
    setting: 'queue.visibilityTimeout',
    callSetting: 'queue.visibilityTimeout',
    wait: 'lease',
    crashWaitsForLease: true,
  },
  settings: [
    {
      key: 'queue.visibilityTimeout',
      control: {
        label: 'Visibility timeout',
        hint: 'How long a received message stays hidden before it is delivered again.',
        real: 'SQS: 30 s by default, 12 h at most.',
      },
    },
    {
      key: 'queue.maxReceives',
      control: {
        label: 'maxReceiveCount',
        hint: 'Receives before SQS moves a message to the dead-letter queue.',
        real: 'SQS has no default: you choose 1–1000 in the redrive policy.',
      },
    },
    {
      key: 'queue.deadLetter',
      control: {
        label: 'Dead-letter queue configured',
        hint: 'The redrive policy. Without one, a failing message is received again and again.',
        real: 'Real SQS then deletes it when its retention period ends (4 days by default).',
      },
    },
    { key: 'retry.backoff' },
    { key: 'retry.base' },
    { key: 'retry.cap' },
  ],
  deadLetter: 'dead-letter queue',
  closeupTitle: 'Inside SQS: messages in flight',
  leaseWords: {
    title: 'In flight (hidden from other workers)',
    lease: 'visible again in',
    overdue: 'visible again now',
    count: (n) => `received ${n}×`,
    expired: 'its receipt has expired: the delete will not count',
    ready: 'Visible, waiting for a worker',
    holderDown: 'worker down',
    explain: (lease) =>
      `Received, a message is hidden for the ${lease}; not deleted by then, it is delivered again.`,
    claims: false,
  },
  prefetches: false,
  drops: false,
  inspect: (s, limit) => inspectLeases(s, s.config.queue.visibilityTimeoutMs, limit),
  publish: (s, message) => makeVisible(s, message),
  dispatch: dispatchToIdle,
  goIdle: goIdleInLine,
  findWork: (s) => dispatchToIdle(s),
  leaseEndsAt: (s, worker, _message, crashes) =>
    leaseTimer(s, worker, crashes, s.config.queue.visibilityTimeoutMs),
  succeeded: ack,
  failed: (s, message) => retryLater(s, message),
  // The lease ran out during a slow call, and the old receipt no longer deletes the message.
  lateAck: logLateAck,
  leaseExpired: (s, message) => expire(s, message, 'back'),
  delayEnded: (s, message) => makeVisible(s, message),
  // The message stays in flight until its visibility timeout ends.
  crashed: () => {},
  tries: (message: Message) => message.receives,
};
