/** When sync is right: a login. The user needs the answer (is my password correct?) before they
 * can go on, and the check is fast and reliable. Making it async answers sooner, but with nothing
 * the user can use: the check runs in the background, its result needed (needsResult), and the
 * page can only say "we'll let you know". */
import type { LessonContent } from './types.ts';

export const passwordCheck: LessonContent = {
  id: 'password-check',
  teaches:
    'Sync is right when the user needs the answer now, the work is fast (under about 100 ms) and the service rarely fails.',
  premise:
    'A login cannot go on without the password check’s answer. Compare answering at once with queueing the check.',
  beats: [
    {
      atSec: 1,
      caption:
        'A login has three steps: read the form (10 ms), look up the account (5 ms), check the password (30–50 ms). Async puts the check on a queue.',
      claims: [
        { lane: 'sync', setting: 'steps.form.latency', is: '10' },
        { lane: 'sync', setting: 'steps.account.latency', is: '5' },
        { lane: 'sync', setting: 'steps.password.latency', is: 'uniform(30,50)' },
        { lane: 'async', setting: 'steps.password.where', is: 'background' },
      ],
    },
    {
      atSec: 5,
      caption:
        'Sync answers in about 55 ms with the answer the user needs. Async answers in 15 ms with “we’ll let you know”: useless for a login.',
      pause: true,
      claims: [
        { lane: 'sync', metric: 'responseMs.mean', atLeast: 50, atMost: 60 },
        { lane: 'async', metric: 'responseMs.max', atLeast: 15, atMost: 15 },
      ],
    },
    {
      atSec: 20,
      caption:
        'A queue adds moving parts and saves 40 ms nobody notices. For fast work the user waits on, sync is the right call.',
      claims: [
        { lane: 'sync', metric: 'responseMs.mean', atLeast: 50, atMost: 60 },
        { lane: 'async', metric: 'responseMs.mean', atLeast: 15, atMost: 15 },
      ],
    },
  ],
  prediction: {
    question:
      'The password check takes about 40 ms and the user cannot go on without its answer. Sync or async?',
    options: [
      { id: 'sync', label: 'Sync: answer now' },
      { id: 'async', label: 'Async: queue it and answer later' },
    ],
    answer: 'sync',
    explanation:
      'The user needs the result to continue, and it takes well under 100 ms. Async would answer sooner but without the one thing the user asked.',
    reveal: { lane: 'sync', metric: 'responseMs.max', label: 'slowest sync login answer' },
    keyWords: ['sync is right', 'under 100 ms'],
  },
  goals: [
    {
      id: 'fast',
      label: 'Every sync answer comes in under 100 ms',
      labelBeforeAnswer: 'How long the slowest sync answer takes',
      afterSec: 10,
      when: [
        { lane: 'sync', metric: 'responseMs.max', atMost: 100 },
        { lane: 'sync', metric: 'orders.succeeded', atLeast: 10 },
      ],
    },
  ],
  discussion: [
    'Async answered in 15 ms and sync in about 55 ms. Why is the faster answer the wrong one for a login?',
    'When should work stay in the request? Name the three conditions this lesson relies on.',
    'What would change your answer: a check that took 5 s, or one that failed one time in ten?',
    'List what a queue adds (a broker, workers, retries, monitoring). What does a login gain from any of it?',
  ],
};
