/** The dual write: saving an order and queueing its email job are two writes, and a web server
 * that dies between them has saved an order whose email nobody will ever send. Halfway through,
 * a transactional outbox writes the job with the order and a relay queues it, so the same crash
 * loses nothing. One async lane; the outbox is a timed change, so every caption is checked. */
import type { LessonContent } from './types.ts';

export const dualWrite: LessonContent = {
  id: 'dual-write',
  teaches:
    'Saving the order and queueing its email are two writes: a server that dies between them loses the email for good. A transactional outbox writes the job with the order, and a relay queues it, so the email is still sent, a little later.',
  premise:
    'The web server sometimes dies right after saving an order, before it queues the email job. At 30 s the team turns on a transactional outbox. Watch what each crash leaves behind.',
  beats: [
    {
      atSec: 2.5,
      focusOrder: 6,
      pause: true,
      caption:
        'The server dies after one save in five. Order 6 was charged and saved, then the server died: an error page, and no email job in the queue.',
      when: { lane: 'async', order: 6, event: 'serverCrashed' },
      claims: [
        { lane: 'async', setting: 'server.crashRate', is: '0.2' },
        { lane: 'async', setting: 'queue.outbox', is: 'false' },
        { lane: 'async', order: 6, event: 'charged' },
        { lane: 'async', order: 6, event: 'errorPage' },
        { lane: 'async', order: 6, event: 'queued', atMost: 0 },
        { lane: 'async', metric: 'orders.savedNeverEnqueued', atLeast: 1 },
      ],
    },
    {
      atSec: 20,
      focusOrder: 6,
      caption:
        'No worker or retry can help order 6: there is no job to retry. Its email will never be sent.',
      claims: [
        { lane: 'async', order: 6, event: 'emailSent', atMost: 0 },
        { lane: 'async', order: 6, event: 'queued', atMost: 0 },
      ],
    },
    {
      atSec: 30,
      pause: true,
      caption:
        'Now the outbox is on: the email job is saved in the order’s own transaction, and a relay moves it to the queue every 0.5 s.',
      when: { lane: 'async', setting: 'queue.outbox', is: 'true' },
      claims: [{ lane: 'async', setting: 'queue.outboxPollMs', is: '500' }],
    },
    {
      atSec: 30,
      focusOrder: 35,
      caption:
        'Order 35’s server died after the save too. This time its email job was already in the outbox.',
      when: { lane: 'async', order: 35, event: 'serverCrashed' },
      claims: [
        { lane: 'async', order: 35, event: 'errorPage' },
        { lane: 'async', order: 35, event: 'queued', atMost: 0 },
        { lane: 'async', metric: 'server.crashesOutboxSaved', atLeast: 1 },
      ],
    },
    {
      atSec: 31,
      focusOrder: 35,
      pause: true,
      caption:
        'The relay queued order 35’s job, and its email went out. The customer still saw an error page: the outbox saves the email, not the page.',
      when: { lane: 'async', order: 35, event: 'emailSent' },
      claims: [
        { lane: 'async', order: 35, event: 'queued' },
        { lane: 'async', order: 35, event: 'errorPage' },
      ],
    },
    {
      atSec: 60,
      caption:
        'The server kept crashing after 30 s, but “saved, never emailed” stopped at 6: every crash since then still had its email job.',
      claims: [
        { lane: 'async', metric: 'orders.savedNeverEnqueued', atLeast: 6, atMost: 6 },
        { lane: 'async', metric: 'server.crashesOutboxSaved', atLeast: 5 },
      ],
    },
  ],
  prediction: {
    question:
      'At 30 s the team turns on an outbox: the email job is saved in the database with the order. If the server then dies right after a save, what happens to that customer’s email?',
    options: [
      { id: 'lost', label: 'Lost: the server died before queueing it' },
      { id: 'sent', label: 'Sent, a little later: a relay queues the job from the outbox' },
      { id: 'twice', label: 'Sent twice: once by the server, once by the relay' },
    ],
    answer: 'sent',
    explanation:
      'The job is written in the same transaction as the order, so it exists whenever the order does. The relay finds it on its next poll and queues it.',
    reveal: {
      lane: 'async',
      metric: 'server.crashesOutboxSaved',
      label: 'crashes whose email job was safe in the outbox',
    },
    keyWords: ['relay', 'still sent'],
  },
  goals: [
    {
      id: 'crash',
      label: 'The web server dies after a save',
      when: [{ lane: 'async', metric: 'server.crashes', atLeast: 1 }],
    },
    {
      id: 'lost',
      label: 'A saved order is never emailed',
      when: [{ lane: 'async', metric: 'orders.savedNeverEnqueued', atLeast: 1 }],
    },
    {
      id: 'outbox',
      label: 'A crash with the outbox on keeps its email job',
      labelBeforeAnswer: 'The server dies with the outbox on',
      afterSec: 30,
      when: [{ lane: 'async', metric: 'server.crashesOutboxSaved', atLeast: 1 }],
    },
  ],
  discussion: [
    'Order 6 was charged and saved, yet its email never went. Why could no retry fix that?',
    'Why does saving the job in the order’s own transaction make the crash harmless for the email?',
    'What does a longer relay poll cost the customer, and a shorter one the database?',
  ],
};
