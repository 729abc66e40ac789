/** An impatient customer: after an error page they click "Place order" again. In sync, the email
 * failure came after the card was charged, so the second click charges the card a second time.
 * In async the email never causes an error page, so nobody clicks twice. */
import type { LessonContent } from './types.ts';

export const doubleCharge: LessonContent = {
  id: 'double-charge',
  teaches:
    'When an error page hides a charge that went through, customers click again and pay twice. Async keeps the slow, flaky step out of the request.',
  premise:
    'Some sync customers see an error page and click “Place order” again. Watch what happens to their cards in both lanes.',
  beats: [
    {
      atSec: 3,
      caption:
        'Three email calls in ten fail. In sync, that is an error page after the card was charged.',
      when: { lane: 'sync', metric: 'orders.chargedButSawError', atLeast: 1 },
      claims: [{ lane: 'sync', setting: 'email.failureRate', is: '0.3' }],
    },
    {
      atSec: 8,
      caption:
        'Order 9’s customer saw an error page, waited two seconds, and clicked “Place order” again.',
      focusOrder: 9,
      when: { lane: 'sync', order: 9, event: 'clickedAgain' },
      claims: [
        { lane: 'sync', order: 9, event: 'charged' },
        { lane: 'sync', order: 9, event: 'errorPage' },
        { lane: 'sync', setting: 'users.retryDelay', is: '2000' },
        { lane: 'async', order: 9, event: 'successPage' },
      ],
    },
    {
      atSec: 9,
      caption:
        'The second order is charged too: order 9’s customer has now paid twice. In async, that customer saw success and clicked once.',
      focusOrder: 9,
      pause: true,
      when: { lane: 'sync', order: 9, event: 'chargedTwice' },
      claims: [
        { lane: 'sync', metric: 'orders.doubleCharged', atLeast: 1 },
        { lane: 'async', order: 9, event: 'clickedAgain', atMost: 0 },
      ],
    },
    {
      atSec: 60,
      caption:
        'Count the double charges: each one is a refund, a support ticket and a customer who trusts the shop less.',
      claims: [
        { lane: 'sync', metric: 'orders.doubleCharged', atLeast: 2 },
        { lane: 'async', metric: 'orders.doubleCharged', atMost: 0 },
      ],
    },
  ],
  prediction: {
    question: 'A sync customer sees an error page and clicks again. What happens to their card?',
    options: [
      { id: 'once', label: 'Charged once: the first order failed' },
      { id: 'twice', label: 'Charged twice' },
      { id: 'zero', label: 'Not charged at all' },
    ],
    answer: 'twice',
    explanation:
      'The first request failed only at the email step, after the charge. The retry is a new order and is charged again. An idempotency key on the checkout would prevent it.',
    reveal: { lane: 'sync', metric: 'orders.doubleCharged', label: 'customers charged twice' },
    keyWords: ['twice'],
  },
  goals: [
    {
      id: 'retry',
      label: 'A sync customer clicks again after an error page',
      when: [{ lane: 'sync', metric: 'orders.userRetries', atLeast: 1 }],
    },
    {
      id: 'double',
      label: 'A sync customer is charged twice',
      labelBeforeAnswer: 'How many times that customer is charged',
      when: [{ lane: 'sync', metric: 'orders.doubleCharged', atLeast: 1 }],
    },
    {
      id: 'async-none',
      label: 'No async customer is charged twice',
      labelBeforeAnswer: 'How many times async customers are charged',
      afterSec: 60,
      when: [{ lane: 'async', metric: 'orders.doubleCharged', atMost: 0 }],
    },
  ],
  discussion: [
    'Walk through order 9: which step failed, which steps had already succeeded, and why was the second click charged again?',
    'Why did the same customer click only once in the async lane?',
    'An idempotency key on the checkout would stop the second charge. What would the key be made of, and who would check it?',
    'Each double charge is a refund. What else does it cost the shop?',
  ],
};
