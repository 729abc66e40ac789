/** Three orders a second against two workers that manage 1.33 emails a second: the queue grows
 * without bound. At 60 s the pool grows to eight workers and the backlog drains. */
import type { LessonContent } from './types.ts';

export const tooFewWorkers: LessonContent = {
  id: 'too-few-workers',
  teaches:
    'When work arrives faster than workers finish it, the queue grows without limit; adding workers drains it, at the speed of the difference.',
  premise:
    'Two workers, three orders a second. Watch the queue over the first minute, and again when more workers join.',
  beats: [
    {
      atSec: 5,
      caption:
        'Three orders a second, two workers. Each email takes 1.5 s, so the workers send 1.33 emails a second.',
      claims: [
        { lane: 'async', setting: 'traffic.rate', is: '3' },
        { lane: 'async', setting: 'latency.email', is: '1500' },
        { lane: 'async', now: 'workers.busy', atLeast: 2, atMost: 2 },
      ],
    },
    {
      atSec: 30,
      caption: 'The queue grows by about 1.7 jobs every second, and it will not stop growing.',
      claims: [{ lane: 'async', now: 'queue.waiting', atLeast: 25, atMost: 60 }],
    },
    {
      atSec: 60,
      caption: 'Six more workers join. Eight workers send 5.3 emails a second against 3 arriving.',
      pause: true,
      claims: [
        { lane: 'async', setting: 'workers.count', is: '8' },
        { lane: 'async', now: 'workers.busy', atLeast: 8 },
        { lane: 'async', now: 'queue.waiting', atLeast: 70 },
      ],
    },
    {
      atSec: 100,
      caption:
        'The backlog shrinks by about 2.3 jobs a second: the drain estimate tells when it will be gone.',
      claims: [{ lane: 'async', now: 'queue.waiting', atMost: 40 }],
    },
  ],
  prediction: {
    question:
      'With 2 workers and 3 orders a second, what happens to the queue over the first minute?',
    options: [
      { id: 'steady', label: 'It settles at a few jobs' },
      { id: 'grows', label: 'It keeps growing' },
      { id: 'empty', label: 'It stays empty' },
    ],
    answer: 'grows',
    explanation:
      'Two workers finish 1.33 jobs a second and 3 arrive: the difference piles up every second. A queue only settles when workers can finish more than arrives.',
    reveal: { lane: 'async', metric: 'queue.maxDepth', label: 'most jobs waiting at once' },
    keyWords: ['grows', 'more than 80', 'drains'],
  },
  goals: [
    {
      id: 'backlog',
      label: 'More than 80 jobs wait in the queue',
      labelBeforeAnswer: 'The queue over the first minute',
      when: [{ lane: 'async', metric: 'queue.maxDepth', atLeast: 80 }],
    },
    {
      id: 'drained',
      label: 'After the new workers join, the queue drains',
      labelBeforeAnswer: 'The queue once the new workers join',
      afterSec: 61,
      when: [{ lane: 'async', metric: 'emails.pending', atMost: 5 }],
    },
  ],
  discussion: [
    'Two workers each send one email every 1.5 s while 3 orders arrive a second. By how much does the queue grow each second? Check it against the most jobs waiting at once on this sheet.',
    'After six workers join, how fast does the backlog shrink, and roughly when will it be gone?',
    'Customers still got their page at once while the queue grew. Who is hurt by the backlog, and how would you notice before they complain?',
    'What is the smallest number of workers that keeps this queue from growing? Why is running exactly that many risky?',
  ],
};
