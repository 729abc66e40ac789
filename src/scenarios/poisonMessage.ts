/** A poison message: one order's email job always fails (a malformed address, say). Every other
 * job gets through; this one is retried until the queue gives up after five receives and moves it
 * to the dead-letter queue, where a person can look at it. */
import type { LessonContent } from './types.ts';

export const poisonMessage: LessonContent = {
  id: 'poison-message',
  teaches:
    'A job that can never succeed must not be retried for ever: after a set number of receives the queue moves it to a dead-letter queue.',
  premise: 'One email job fails every time it is tried. Watch what the queue does with it.',
  beats: [
    {
      atSec: 8,
      caption: 'Every tenth order has an email job that can never succeed.',
      claims: [{ lane: 'async', setting: 'email.poisonEvery', is: '10' }],
    },
    {
      atSec: 8.5,
      caption: 'Order 10’s job is poison: it fails, waits, is received again, fails again…',
      focusOrder: 10,
      when: { lane: 'async', order: 10, event: 'received', atLeast: 3 },
      claims: [{ lane: 'async', order: 10, event: 'emailFailed', atLeast: 2 }],
    },
    {
      atSec: 14,
      caption:
        'After five receives the queue gave up on order 10’s job and moved it to the dead-letter queue. The other jobs were never held up.',
      focusOrder: 10,
      pause: true,
      when: { lane: 'async', order: 10, event: 'deadLettered' },
      claims: [
        { lane: 'async', order: 10, event: 'received', atLeast: 5, atMost: 5 },
        { lane: 'async', setting: 'queue.maxReceives', is: '5' },
        { lane: 'async', metric: 'queue.maxDepth', atMost: 2 },
      ],
    },
  ],
  prediction: {
    question: 'One email job fails every time it is tried. What should the queue do with it?',
    options: [
      { id: 'forever', label: 'Keep retrying it for ever' },
      { id: 'drop', label: 'Drop it silently' },
      { id: 'dlq', label: 'Set it aside after a few tries, for a person to look at' },
    ],
    answer: 'dlq',
    explanation:
      'Retrying for ever wastes workers and hides the problem; dropping loses the customer’s email without a trace. A dead-letter queue keeps it, visible, for someone to fix.',
    reveal: {
      lane: 'async',
      metric: 'emails.deadLettered',
      label: 'jobs moved to the dead-letter queue',
    },
    keyWords: ['dead-letter'],
  },
  goals: [
    {
      id: 'failing',
      label: 'The poison job fails again and again',
      when: [{ lane: 'async', metric: 'emails.failedAttempts', atLeast: 3 }],
    },
    {
      id: 'dead',
      label: 'It lands in the dead-letter queue',
      labelBeforeAnswer: 'Where the poison job ends up',
      when: [{ lane: 'async', metric: 'emails.deadLettered', atLeast: 1 }],
    },
  ],
  discussion: [
    'Order 10’s job fails every time. What would retrying it for ever cost the other customers’ emails and the workers?',
    'The queue set the job aside after five receives. How would you choose that number, knowing some failures are only temporary?',
    'Who should look at the dead-letter queue, and what should they do with what they find there?',
    'In the email-outage lesson retries saved every email; here they cannot. What is the difference between the two failures, and how does one rule handle both?',
  ],
};
