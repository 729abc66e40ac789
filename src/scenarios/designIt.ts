/** Design it: the student decides which steps of the checkout run in the background. The lesson
 * opens on a tempting design, the charge moved to a queue so that the page answers sooner, with a
 * bank that declines one card in ten: the page has said "confirmed" before anyone knows, so a
 * declined charge becomes an order confirmed, then failed, and an apology. The Design section in
 * the side panel moves any step back; the last goal asks for the design that answers about as
 * fast and takes nothing back (the charge in the request, the email in the background). */
import type { LessonContent } from './types.ts';

export const designIt: LessonContent = {
  id: 'design-it',
  teaches:
    'A step the customer needs stays in the request: the page must know the payment worked before it says “confirmed”. Moved to the background, a declined charge turns into an order confirmed, then failed, and an apology. Slow work nobody waits for, such as the email, is what belongs in the background.',
  premise:
    'To answer sooner, the team moved the charge to the queue. The bank declines one card in ten. The Design section in the side panel moves any step between the request and the background.',
  beats: [
    {
      atSec: 0,
      caption:
        'Async answers in 0.25 s: it checks the card, saves the order and queues the charge and the email. Sync waits for all four steps, 2.55 s.',
      when: [
        { lane: 'async', order: 1, event: 'successPage' },
        { lane: 'sync', order: 1, event: 'successPage' },
      ],
      claims: [
        { lane: 'async', setting: 'steps.charge.where', is: 'background' },
        { lane: 'async', metric: 'responseMs.max', atLeast: 250, atMost: 250 },
        { lane: 'sync', metric: 'responseMs.max', atLeast: 2550, atMost: 2550 },
      ],
    },
    {
      atSec: 3,
      focusOrder: 6,
      pause: true,
      caption:
        'The bank declined order 6’s card. Sync was still waiting for the charge, so its customer sees an error page at once and can try another card.',
      when: { lane: 'sync', order: 6, event: 'errorPage' },
      claims: [
        { lane: 'sync', setting: 'steps.charge.failureRate', is: '0.1' },
        { lane: 'sync', order: 6, event: 'charged', atMost: 0 },
      ],
    },
    {
      atSec: 3,
      focusOrder: 6,
      pause: true,
      caption:
        'Async had already told order 6 “confirmed”. Then its charge job was declined: the order failed after all, and the customer gets an apology.',
      when: { lane: 'async', order: 6, event: 'confirmedThenFailed' },
      claims: [
        { lane: 'async', order: 6, event: 'successPage' },
        { lane: 'async', order: 6, event: 'charged', atMost: 0 },
        { lane: 'async', metric: 'emails.apologies', atLeast: 1 },
      ],
    },
    {
      atSec: 30,
      caption:
        'Four customers were told “confirmed”, then sent an apology; in sync, four saw an error page. Now, in Design, put the charge back in the request.',
      claims: [
        { lane: 'async', metric: 'orders.confirmedThenFailed', atLeast: 4, atMost: 4 },
        { lane: 'async', metric: 'emails.apologies', atLeast: 4, atMost: 4 },
        { lane: 'sync', metric: 'orders.failed', atLeast: 4, atMost: 4 },
      ],
    },
  ],
  prediction: {
    question:
      'What happens if the charge runs in the background, and the bank declines the customer’s card?',
    options: [
      { id: 'error', label: 'The customer sees an error page as soon as the bank says no' },
      {
        id: 'taken-back',
        label: 'The page says “confirmed”; later the order fails, with an apology',
      },
      { id: 'retried', label: 'Nothing: a worker retries the charge until it goes through' },
    ],
    answer: 'taken-back',
    explanation:
      'The page answered before the charge ran, so all it could say was “confirmed”. When the job was declined, the shop could only cancel the order and apologise. Retrying would not help: a declined card stays declined.',
    reveal: {
      lane: 'async',
      metric: 'orders.confirmedThenFailed',
      label: 'orders confirmed, then failed',
    },
    keyWords: ['apology', 'confirmed, then failed'],
  },
  goals: [
    {
      id: 'taken-back',
      label: 'An order is confirmed, then failed: its customer gets an apology',
      labelBeforeAnswer: 'The bank declines a card the async page did not wait for',
      when: [{ lane: 'async', metric: 'orders.confirmedThenFailed', atLeast: 1 }],
    },
    {
      id: 'design',
      label:
        'Your design: async answers within 1.1 s on average, a card is declined, and no order is confirmed, then failed',
      labelBeforeAnswer:
        'Your design: async answers within 1.1 s on average, a card is declined, and every confirmed order is paid',
      design: { 'steps.charge.where': 'request' },
      afterSec: 10,
      when: [
        { lane: 'async', metric: 'orders.failed', atLeast: 1 },
        { lane: 'async', metric: 'orders.confirmedThenFailed', atMost: 0 },
        { lane: 'async', metric: 'responseMs.mean', atMost: 1100 },
      ],
    },
  ],
  discussion: [
    'The charge in the background answered in 0.25 s instead of 1.05 s. What did those 0.8 s cost the four customers whose cards were declined?',
    'Which steps of the checkout does the customer need before the page can say “confirmed”? Which could wait?',
    'Would retrying the charge job have helped here? When would it?',
    'The validate and save steps never failed in this run. Would you move them to the background? What would you be promising?',
  ],
};
