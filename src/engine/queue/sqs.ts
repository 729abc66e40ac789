/** Amazon SQS (standard): a received message is hidden for the visibility timeout; without a
 * delete it is delivered again, to anyone; a failed attempt hides it for the backoff; after
 * maxReceiveCount receives it goes to the dead-letter queue. A stale receipt deletes nothing. */
import type { Message } from '../state.ts';
import { ack, expire, leaseTimer, logLateAck, retryLater } from './core.ts';
import { makeVisible } from './visible.ts';
import type { BrokerPolicy } from './policy.ts';
import { dispatchToIdle, goIdleInLine } from './workers.ts';

export const sqs: BrokerPolicy = {
  lease: {
    name: 'visibility timeout',
    setting: 'queue.visibilityTimeout',
    crashWaitsForLease: true,
  },
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
