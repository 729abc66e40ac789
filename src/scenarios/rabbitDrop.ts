/** RabbitMQ without a dead-letter exchange: a failed message goes straight back to the queue,
 * with no backoff; past the quorum queue's delivery limit (20 failed deliveries) it is dropped, and nothing keeps
 * a copy. */
import type { LessonContent } from './types.ts';

export const rabbitDrop: LessonContent = {
  id: 'rabbitmq-drop',
  teaches:
    'A quorum queue stops redelivering a message after its delivery limit (20). Where it goes then is configuration: to a dead-letter exchange if there is one, otherwise nowhere.',
  premise:
    'A quorum queue redelivers a failing message up to its delivery limit (20). This queue has no dead-letter exchange.',
  beats: [
    {
      atSec: 4,
      caption:
        'Every tenth order’s email can never be sent. This queue has no dead-letter exchange configured.',
      claims: [
        { lane: 'async', setting: 'email.poisonEvery', is: '10' },
        { lane: 'async', setting: 'queue.deadLetter', is: 'false' },
      ],
    },
    {
      atSec: 20,
      caption:
        'Each failure is a reject with requeue: the message is back at the head of the queue at once, marked redelivered. No backoff.',
      claims: [
        { lane: 'async', metric: 'emails.redelivered', atLeast: 1 },
        { lane: 'async', now: 'queue.delayed', atMost: 0 },
      ],
    },
    {
      focusOrder: 10,
      atSec: 40,
      caption:
        'Order 10’s message failed for the 21st time, one more than the delivery limit. With no dead-letter exchange, RabbitMQ dropped it: no email, no copy to look at.',
      pause: true,
      when: { lane: 'async', order: 10, event: 'dropped' },
      claims: [
        { lane: 'async', order: 10, event: 'emailFailed', atLeast: 21, atMost: 21 },
        { lane: 'async', order: 10, event: 'emailSent', atMost: 0 },
        { lane: 'async', setting: 'queue.deliveryLimit', is: '20' },
      ],
    },
  ],
  prediction: {
    question:
      'A message has failed 21 times, one more than the delivery limit, and the queue has no dead-letter exchange. What does RabbitMQ do?',
    options: [
      { id: 'retry', label: 'Keeps redelivering it' },
      { id: 'drop', label: 'Drops it' },
      { id: 'park', label: 'Parks it in a default dead-letter queue' },
    ],
    answer: 'drop',
    explanation:
      'Since RabbitMQ 4.0, quorum queues have a default delivery limit of 20 failed deliveries. Past it, the message is dead-lettered if a dead-letter exchange is configured, and dropped if not. Switch on “Dead-letter exchange configured” to keep it.',
    reveal: { lane: 'async', metric: 'emails.dropped', label: 'messages dropped' },
    keyWords: ['drop', 'nowhere'],
  },
  goals: [
    {
      id: 'redelivered',
      label: 'A failing message is redelivered over and over',
      when: [{ lane: 'async', metric: 'emails.redelivered', atLeast: 10 }],
    },
    {
      id: 'dropped',
      label: 'RabbitMQ drops it at the delivery limit',
      labelBeforeAnswer: 'What RabbitMQ does at the delivery limit',
      when: [{ lane: 'async', metric: 'emails.dropped', atLeast: 1 }],
    },
  ],
  discussion: [
    'Order 10’s message was rejected 21 times, each time straight back at the head of the queue with no backoff. What does that cost the other messages and the email service?',
    'With no dead-letter exchange the message was dropped. Who would ever find out that order 10’s customer got no email?',
    'Switch on “Dead-letter exchange configured” and replay. Where does the message go now, and what would you do with it?',
    'Is dropping a failed message ever the right choice? For which kinds of messages?',
  ],
};
