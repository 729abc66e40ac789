/** The email service goes down for 30 seconds. Sync customers see error pages although their
 * cards were charged and their orders saved; async customers see success, and their emails go
 * out once the service is back. Nothing is lost, with any number of workers: each job may be
 * tried 8 times, and its backoffs (1, 2, 4, 8, 16, 30 and 30 s) outlast the outage three times. */
import type { LessonContent } from './types.ts';

export const emailOutage: LessonContent = {
  id: 'email-outage',
  teaches:
    'In sync, an email outage turns paid orders into error pages; in async the queue keeps the jobs and sends them after the outage.',
  premise:
    'The email service is down from 20 s to 50 s while orders keep coming. Compare what each lane’s customers see and what becomes of their emails.',
  beats: [
    {
      atSec: 5,
      caption: 'Customers arrive about twice a second. Everything works in both lanes.',
      claims: [
        { lane: 'sync', metric: 'orders.arrived', atLeast: 5, atMost: 15 },
        { lane: 'sync', metric: 'orders.failed', atMost: 0 },
        { lane: 'async', metric: 'orders.failed', atMost: 0 },
      ],
    },
    {
      atSec: 20,
      caption: 'The email service goes down for 30 seconds.',
      pause: true,
      claims: [
        { lane: 'sync', now: 'email.down' },
        { lane: 'async', now: 'email.down' },
        { lane: 'sync', setting: 'email.outage', is: '20-50' },
      ],
    },
    {
      atSec: 30,
      caption:
        'Order 47 paid, yet its sync customer sees an error page. Async shows success: the email job retries, up to 8 times, with backoffs that outlast the outage.',
      focusOrder: 47,
      when: { lane: 'async', order: 47, event: 'emailFailed' },
      claims: [
        { lane: 'sync', order: 47, event: 'charged' },
        { lane: 'sync', order: 47, event: 'errorPage' },
        { lane: 'async', order: 47, event: 'successPage' },
        { lane: 'async', order: 47, event: 'emailFailed' },
        { lane: 'async', setting: 'queue.maxReceives', is: '8' },
      ],
    },
    {
      atSec: 50,
      caption: 'The email service is back. The async workers work through the waiting jobs.',
      claims: [
        { lane: 'async', now: 'email.down', atMost: 0 },
        { lane: 'async', now: 'queue.waiting', atLeast: 1 },
      ],
    },
    {
      atSec: 90,
      caption: 'Count the emails: sync lost one for every error page; async lost none.',
      claims: [
        { lane: 'sync', metric: 'emails.lost', equals: 'orders.failed' },
        { lane: 'sync', metric: 'emails.lost', atLeast: 1 },
        { lane: 'async', metric: 'emails.neverSent', atMost: 0 },
      ],
    },
  ],
  prediction: {
    question:
      'While the email service is down, what does a customer in the sync lane see after paying?',
    options: [
      { id: 'success', label: 'The success page, the email comes later' },
      { id: 'error', label: 'An error page, although the card was charged' },
      { id: 'nothing', label: 'Nothing: the order is not taken' },
    ],
    answer: 'error',
    explanation:
      'In sync the email is part of the request: when it fails the whole request fails, after the card was charged and the order saved.',
    reveal: {
      lane: 'sync',
      metric: 'orders.chargedButSawError',
      label: 'sync customers charged but shown an error',
    },
    keyWords: ['error page', 'charged'],
  },
  goals: [
    {
      id: 'charged-error',
      label: 'A sync customer is charged but sees an error page',
      labelBeforeAnswer: 'What a sync customer sees while the email service is down',
      when: [{ lane: 'sync', metric: 'orders.chargedButSawError', atLeast: 1 }],
    },
    {
      id: 'async-retries',
      label: 'An async email job fails and waits to retry',
      when: [{ lane: 'async', metric: 'emails.failedAttempts', atLeast: 1 }],
    },
    {
      id: 'nothing-lost',
      label: 'After the outage every async email has gone out',
      afterSec: 90,
      when: [
        { lane: 'async', metric: 'emails.pending', atMost: 0 },
        { lane: 'async', metric: 'orders.failed', atMost: 0 },
      ],
    },
  ],
  discussion: [
    'Sync order 47 was charged and saved, yet its customer saw an error page. What is that customer likely to do next, and what does it cost the shop?',
    'Every async email went out once the service was back. What about the retry settings (8 tries, backoffs of 1, 2, 4… s) made that possible, and what would happen with fewer tries?',
    'During the outage the async customers saw success. Was that page honest about their email? What would you tell a customer who asks at 40 s?',
    'Which tally would you watch on call to notice this outage in each lane, and which one would customers notice first?',
  ],
};
