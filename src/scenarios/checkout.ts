/** Lesson 1: one checkout with the lesson's latencies. Sync makes the customer wait for all four
 * steps (2.55 s); async answers once the order is saved (1.05 s). The email leaves at 2.55 s
 * either way: async does not make it faster, it stops the customer waiting for it. */
import type { LessonContent } from './types.ts';

export const checkout: LessonContent = {
  id: 'checkout',
  teaches:
    'Async answers the customer after 1.05 s instead of 2.55 s, yet the email still leaves at 2.55 s.',
  premise:
    'Async answers the customer after 1.05 s instead of 2.55 s. Watch when each lane’s email leaves.',
  beats: [
    {
      atSec: 0,
      caption: 'One customer clicks “Place order”. Both servers get the very same order.',
      claims: [
        { lane: 'sync', order: 1, event: 'placed', atLeast: 1, atMost: 1 },
        { lane: 'async', order: 1, event: 'placed', atLeast: 1, atMost: 1 },
      ],
    },
    {
      atSec: 1,
      caption:
        'The card is charged in both lanes. Nobody can skip this: we must know the payment worked.',
      claims: [
        { lane: 'sync', order: 1, event: 'charged' },
        { lane: 'async', order: 1, event: 'charged' },
      ],
    },
    {
      atSec: 1.05,
      caption:
        'The order is saved. The async server drops an email job on the queue and answers now: 1.05 s.',
      pause: true,
      claims: [
        { lane: 'async', metric: 'queue.enqueued', atLeast: 1 },
        { lane: 'async', order: 1, event: 'successPage' },
        { lane: 'async', metric: 'responseMs.max', atLeast: 1050, atMost: 1050 },
        { lane: 'sync', order: 1, event: 'successPage', atMost: 0 },
      ],
    },
    {
      atSec: 2.55,
      caption:
        'The sync customer finally sees the page at 2.55 s. Both emails leave at 2.55 s: async made the customer’s wait shorter, not the email faster.',
      pause: true,
      claims: [
        { lane: 'sync', order: 1, event: 'successPage' },
        { lane: 'sync', metric: 'responseMs.max', atLeast: 2550, atMost: 2550 },
        { lane: 'sync', metric: 'emailDelayMs.max', atLeast: 2550, atMost: 2550 },
        { lane: 'async', metric: 'emailDelayMs.max', atLeast: 2550, atMost: 2550 },
      ],
    },
  ],
  prediction: {
    question:
      'The email takes 1.5 s to send. In the async lane, when does the customer’s confirmation email go out?',
    options: [
      { id: 'sooner', label: 'Sooner than in sync: async is faster' },
      { id: 'same', label: 'At the same moment as in sync' },
      { id: 'never', label: 'Never: nobody waits for it' },
    ],
    answer: 'same',
    explanation:
      'The email is the same 1.5 s job in both lanes and starts once the order is saved, at 1.05 s. Async only stops the customer from waiting for it.',
    reveal: { lane: 'async', metric: 'emailDelayMs.max', label: 'async email sent after' },
    keyWords: ['still leaves', 'same moment'],
  },
  goals: [
    {
      id: 'async-page',
      label: 'The async customer sees the success page (1.05 s)',
      when: [{ lane: 'async', metric: 'orders.succeeded', atLeast: 1 }],
    },
    {
      id: 'sync-page',
      label: 'The sync customer sees the success page (2.55 s)',
      when: [{ lane: 'sync', metric: 'orders.succeeded', atLeast: 1 }],
    },
    {
      id: 'emails',
      label: 'Both emails have gone out, at the same moment (2.55 s)',
      labelBeforeAnswer: 'Both emails have gone out',
      when: [
        { lane: 'sync', metric: 'emails.sent', atLeast: 1 },
        { lane: 'async', metric: 'emails.sent', atLeast: 1 },
      ],
    },
  ],
  discussion: [
    'The async customer saw the page at 1.05 s, yet both emails left at 2.55 s. What did the queue make faster, and for whom?',
    'Which steps stayed in the request in both lanes, and why must the card be charged before the customer is told “success”?',
    'Move the Send email slider to 10 s and replay: what changes for each lane’s customer, and what stays the same?',
    'The async success page promises an email that has not been sent yet. What has to be true of the system for that promise to be honest?',
  ],
};
