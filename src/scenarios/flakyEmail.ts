/** A flaky email service fails 40 % of calls. Async workers retry with exponential backoff; a
 * minute in, jitter is switched on so that jobs which failed together stop retrying together. */
import type { LessonContent } from './types.ts';

export const flakyEmail: LessonContent = {
  id: 'flaky-email',
  teaches:
    'No async customer sees the email’s failures: retries with backoff turn a flaky service into delivered emails, and jitter spreads the retries so they do not arrive in waves.',
  premise:
    'Retries with backoff turn a flaky service into delivered emails; jitter spreads the retries so they do not arrive in waves.',
  beats: [
    {
      atSec: 3,
      caption:
        'Four calls in ten to the email service fail. In sync, each failure is an error page for a paying customer.',
      when: { lane: 'sync', metric: 'orders.failed', atLeast: 1 },
      claims: [
        { lane: 'sync', setting: 'email.failureRate', is: '0.4' },
        { lane: 'sync', metric: 'orders.chargedButSawError', equals: 'orders.failed' },
      ],
    },
    {
      atSec: 15,
      caption:
        'In async, a failed job waits 1 s, then 2 s, then 4 s… before its next try: exponential backoff.',
      claims: [
        { lane: 'async', setting: 'retry.backoff', is: 'exponential' },
        { lane: 'async', setting: 'retry.base', is: '1000' },
        { lane: 'async', now: 'queue.delayed', atLeast: 1 },
      ],
    },
    {
      atSec: 60,
      caption:
        'Now jitter is on: each wait is a random part of the backoff, so jobs that failed together no longer retry together.',
      pause: true,
      claims: [{ lane: 'async', setting: 'retry.backoff', is: 'full-jitter' }],
    },
    {
      atSec: 120,
      caption:
        'Compare the ledgers: sync lost an email with every error page; async has lost none, and sends the rest a little later.',
      claims: [
        { lane: 'sync', metric: 'emails.lost', equals: 'orders.failed' },
        { lane: 'sync', metric: 'emails.lost', atLeast: 1 },
        { lane: 'async', metric: 'emails.neverSent', atMost: 0 },
        { lane: 'async', metric: 'emails.pending', atLeast: 1 },
      ],
    },
  ],
  prediction: {
    question: 'With 40 % of email calls failing, how many async customers see an error page?',
    options: [
      { id: 'forty', label: 'About 40 %' },
      { id: 'some', label: 'A few' },
      { id: 'none', label: 'None' },
    ],
    answer: 'none',
    explanation:
      'The async customer’s page does not wait for the email at all. The worker retries in the background until the email goes out.',
    reveal: { lane: 'async', metric: 'orders.failed', label: 'async error pages' },
    keyWords: ['no async customer'],
  },
  goals: [
    {
      id: 'sync-errors',
      label: 'Sync customers see error pages caused by the email',
      when: [{ lane: 'sync', metric: 'emails.lost', atLeast: 1 }],
    },
    {
      id: 'retried',
      label: 'An async job succeeds after failing first',
      when: [
        { lane: 'async', metric: 'emails.failedAttempts', atLeast: 1 },
        { lane: 'async', metric: 'emails.sent', atLeast: 1 },
      ],
    },
    {
      id: 'delivered',
      label: 'Every async email is delivered in the end',
      afterSec: 120,
      when: [
        { lane: 'async', metric: 'emails.pending', atMost: 0 },
        { lane: 'async', metric: 'emails.deadLettered', atMost: 0 },
      ],
    },
  ],
  discussion: [
    'Four email calls in ten failed, yet no async customer saw an error page. Where did those failures go, and who still notices them?',
    'Why does a failed job wait 1 s, then 2 s, then 4 s before trying again, rather than retrying at once?',
    'From 60 s jitter is on. What problem does jitter solve that exponential backoff alone does not?',
    'Could the sync lane simply retry the email inside the request? What would that cost the customer who is waiting?',
  ],
};
