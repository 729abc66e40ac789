/** Workers crash while handling messages. A crash before the send leaves the message in the queue
 * for another worker once its visibility timeout ends; a crash after the send and before the ack
 * sends the email twice. */
import type { LessonContent } from './types.ts';

export const workerCrash: LessonContent = {
  id: 'worker-crash',
  teaches:
    'A crashed worker loses no email: the message comes back after its visibility timeout. But a crash after sending and before acking sends a duplicate.',
  premise:
    'Workers crash now and then, sometimes in the middle of a message. Watch what the queue does with that message and what its customer receives.',
  beats: [
    {
      atSec: 2,
      caption:
        'One message in four makes its worker crash: sometimes before the email is sent, sometimes just after.',
      claims: [{ lane: 'async', setting: 'workers.crashRate', is: '0.25' }],
    },
    {
      atSec: 2.5,
      focusOrder: 9,
      caption:
        'Order 9’s worker crashed before sending the email and never acked. The message stays hidden until its {leaseLength} {lease} runs out.',
      when: { lane: 'async', order: 9, event: 'crashedBeforeSend' },
      claims: [
        { lane: 'async', order: 9, event: 'emailSent', atMost: 0 },
        { lane: 'async', order: 9, event: 'visibleAgain', atMost: 0 },
        { lane: 'async', crashWaitsForLease: true },
      ],
    },
    {
      atSec: 12,
      focusOrder: 9,
      caption:
        'Order 9’s {lease} ran out: the message is visible again, and another worker takes it. Nothing was lost.',
      pause: true,
      when: { lane: 'async', order: 9, event: 'received', atLeast: 2 },
      claims: [
        { lane: 'async', order: 9, event: 'visibleAgain' },
        { lane: 'async', crashWaitsForLease: true },
      ],
    },
    {
      atSec: 18,
      caption:
        'Look for duplicates: order 13’s worker crashed just after sending its email, so another worker sent it again.',
      focusOrder: 13,
      when: { lane: 'async', order: 13, event: 'duplicateEmail' },
      claims: [
        { lane: 'async', order: 13, event: 'crashedAfterSend' },
        { lane: 'async', order: 13, event: 'emailSent' },
        { lane: 'async', metric: 'emails.duplicates', atLeast: 1 },
      ],
    },
  ],
  prediction: {
    question:
      'A worker sends an email and crashes before it can ack the message. What happens next?',
    options: [
      { id: 'lost', label: 'The email is lost' },
      { id: 'duplicate', label: 'Another worker sends it again: the customer gets two' },
      { id: 'once', label: 'The queue knows it was sent and drops it' },
    ],
    answer: 'duplicate',
    explanation:
      'The queue only knows a message is done when it is acked. Without the ack it redelivers, so the email goes out twice. Real systems guard against this with an idempotency key.',
    reveal: { lane: 'async', metric: 'emails.duplicates', label: 'duplicate emails' },
    keyWords: ['duplicate', 'twice', 'comes back', 'loses no email'],
  },
  goals: [
    {
      id: 'crash',
      label: 'A worker crashes',
      when: [{ lane: 'async', metric: 'workers.crashes', atLeast: 1 }],
    },
    {
      id: 'redelivered',
      label: 'A message comes back after its visibility timeout',
      labelBeforeAnswer: 'The queue deals with the crashed worker’s message',
      when: [{ lane: 'async', metric: 'queue.visibilityExpired', atLeast: 1 }],
    },
    {
      id: 'duplicate',
      label: 'A customer gets the same email twice',
      labelBeforeAnswer: 'What that customer receives',
      when: [{ lane: 'async', metric: 'emails.duplicates', atLeast: 1 }],
    },
  ],
  discussion: [
    'Order 9’s worker crashed before sending. How did the queue find out, and why did it take 10 s to hand the message to another worker?',
    'Order 13’s worker crashed just after sending, before its ack. Why can the queue not tell this crash from order 9’s?',
    'What would a shorter visibility timeout change here, and a longer one? Which would you choose for an email job?',
    'How could the email service make the second send harmless? What would the worker have to send with each email?',
  ],
};
