/** SQS and a slow email service: some calls take longer than the visibility timeout, so the
 * queue hands the message to a second worker while the first is still sending. Both send. */
import type { LessonContent } from './types.ts';

export const slowEmail: LessonContent = {
  id: 'slow-email',
  teaches:
    'A visibility timeout is a guess about how long a job takes. When a job outlives it, the queue assumes the worker died and delivers the job again: the customer gets two emails unless the send is idempotent.',
  premise:
    'The visibility timeout is 5 s, and now and then an email takes 8 s to send. Watch what that customer receives.',
  beats: [
    {
      atSec: 3,
      caption:
        'Most emails take 1 to 4 s, but a few take much longer. The visibility timeout here is 5 s (SQS’s default is 30 s; time is scaled down).',
      claims: [{ lane: 'async', setting: 'queue.visibilityTimeout', is: '5000' }],
    },
    {
      focusOrder: 6,
      atSec: 13,
      caption:
        'Order 6’s email has taken more than 5 s. SQS cannot tell slow from dead: the message became visible again, and another worker picked it up.',
      pause: true,
      when: { lane: 'async', order: 6, event: 'received', atLeast: 2 },
      claims: [
        { lane: 'async', order: 6, event: 'visibleAgain' },
        { lane: 'async', order: 6, event: 'emailSent', atMost: 0 },
      ],
    },
    {
      focusOrder: 8,
      atSec: 14,
      caption:
        'Order 8’s first worker sent its email after the timeout, and its delete came too late to count. The second worker has just sent it again: a duplicate.',
      when: { lane: 'async', order: 8, event: 'duplicateEmail' },
      claims: [
        { lane: 'async', order: 8, event: 'lateAck' },
        { lane: 'async', order: 8, event: 'emailSent' },
      ],
    },
    {
      atSec: 30,
      caption:
        'Try it with email idempotency switched on: the second send carries the key order-confirmation/<order id>, and the email service ignores it.',
      claims: [{ lane: 'async', setting: 'email.idempotency', is: 'false' }],
    },
  ],
  prediction: {
    question:
      'The visibility timeout is 5 s and an email occasionally takes 8 s. What happens to that customer?',
    options: [
      { id: 'one', label: 'One email, just late' },
      { id: 'two', label: 'Two emails' },
      { id: 'none', label: 'No email: the job is lost' },
    ],
    answer: 'two',
    explanation:
      'At 5 s the message becomes visible again and a second worker sends it too; the first worker’s email still goes out. Raise the timeout above the slowest job, extend it while working, or make the send idempotent.',
    reveal: {
      lane: 'async',
      metric: 'emails.duplicates',
      label: 'customers who got a second email',
    },
    keyWords: ['twice', 'two emails', 'again'],
  },
  goals: [
    {
      id: 'expired',
      label: 'A message becomes visible while its worker is still sending',
      labelBeforeAnswer: 'A message outlives its visibility timeout',
      when: [{ lane: 'async', metric: 'queue.visibilityExpired', atLeast: 1 }],
    },
    {
      id: 'duplicate',
      label: 'A customer receives the same email twice',
      labelBeforeAnswer: 'What that customer receives',
      when: [{ lane: 'async', metric: 'emails.duplicates', atLeast: 1 }],
    },
  ],
  discussion: [
    'After 5 s SQS made order 6’s message visible again. What did SQS assume about the first worker, and was it right?',
    'Order 8’s customer got two emails. Compare the fixes: a longer visibility timeout, extending it while the worker is busy, or an idempotent send. What does each cost?',
    'This lesson uses a 5 s timeout; SQS’s default is 30 s. How would you choose the timeout for a real email job?',
    'Switch on email idempotency and replay. Which tallies change, and does the second worker still do the work?',
  ],
};
