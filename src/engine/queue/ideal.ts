/** The ideal broker, an idealisation and the teaching baseline: no lease runs out, and when a
 * worker crashes the broker knows at once whether the email went out. Exactly one email per
 * order, which no real broker can promise. */
import { ack, expire, logLateAck, retryLater } from './core.ts';
import { makeVisible } from './visible.ts';
import type { BrokerPolicy } from './policy.ts';
import { dispatchToIdle, goIdleInLine } from './workers.ts';

export const ideal: BrokerPolicy = {
  lease: { name: '', setting: null, callSetting: null, wait: null, crashWaitsForLease: false },
  settings: [
    {
      key: 'queue.maxReceives',
      control: {
        label: 'Tries before the dead-letter queue',
        hint: 'Failed tries of a message before it goes to the dead-letter queue.',
      },
    },
    {
      key: 'queue.deadLetter',
      control: {
        label: 'Dead-letter queue configured',
        hint: 'Without one, a failing email is retried for ever.',
      },
    },
    { key: 'retry.backoff' },
    { key: 'retry.base' },
    { key: 'retry.cap' },
  ],
  deadLetter: 'dead-letter queue',
  note: 'No real broker delivers exactly once: real ones deliver at least once, so a crash can send a second email.',
  closeupTitle: null,
  prefetches: false,
  drops: false,
  publish: (s, message) => makeVisible(s, message),
  dispatch: dispatchToIdle,
  goIdle: goIdleInLine,
  findWork: (s) => dispatchToIdle(s),
  leaseEndsAt: () => Infinity,
  succeeded: ack,
  failed: (s, message) => retryLater(s, message),
  lateAck: logLateAck,
  leaseExpired: (s, message) => expire(s, message, 'back'),
  delayEnded: (s, message) => makeVisible(s, message),
  crashed(s, worker, message, afterSend) {
    // The broker acts as if it had been told whether the email went out.
    if (afterSend) ack(s, message, worker);
    else {
      // Returned at once, and not counted as a delivery.
      s.inflight--;
      message.receives--;
      makeVisible(s, message, 'returned');
    }
  },
  tries: (message) => message.receives,
};
