/** A sale: traffic jumps from 2 to 40 orders a second for 10 seconds. The sync server's handlers
 * are all busy waiting on emails and customers time out; the async server answers quickly and
 * the queue absorbs the burst, then drains. */
import type { LessonContent } from './types.ts';

export const trafficSpike: LessonContent = {
  id: 'traffic-spike',
  teaches:
    'A queue absorbs a spike: async answers stay fast while the queue fills and drains. Sync handlers saturate and customers time out.',
  premise:
    'A sale: orders jump from 2 to 40 a second for 10 seconds. Watch the handlers, the queue and how long each lane’s customers wait.',
  beats: [
    {
      atSec: 10,
      caption: 'A quiet shop: two orders a second.',
      claims: [
        { lane: 'sync', setting: 'traffic.rate', is: '2' },
        { lane: 'sync', now: 'handlers.waiting', atMost: 0 },
      ],
    },
    {
      atSec: 15,
      caption: 'A sale starts: forty orders a second for ten seconds.',
      pause: true,
      claims: [{ lane: 'sync', setting: 'traffic.spikeRate', is: '40' }],
    },
    {
      atSec: 20,
      caption:
        'Sync holds a handler for 2.55 s per order, so 50 handlers serve about 20 orders a second. The line grows.',
      claims: [
        { lane: 'sync', setting: 'server.handlers', is: '50' },
        { lane: 'sync', now: 'handlers.busy', atLeast: 50 },
        { lane: 'sync', now: 'handlers.waiting', atLeast: 20 },
      ],
    },
    {
      atSec: 27,
      caption:
        'Sync customers who waited 10 s give up with an error page. Async handlers are free after 1.05 s; the email jobs pile up in the queue instead.',
      when: { lane: 'sync', metric: 'orders.timedOut', atLeast: 1 },
      claims: [
        { lane: 'sync', setting: 'server.timeout', is: '10000' },
        { lane: 'async', metric: 'orders.timedOut', atMost: 0 },
        { lane: 'async', now: 'handlers.waiting', atMost: 0 },
        { lane: 'async', now: 'queue.waiting', atLeast: 100 },
      ],
    },
    {
      atSec: 50,
      caption: 'The queue drains at the workers’ pace. Nobody was waiting for it.',
      claims: [
        { lane: 'async', metric: 'queue.maxDepth', atLeast: 300 },
        { lane: 'async', now: 'queue.waiting', atMost: 250 },
        { lane: 'async', metric: 'orders.timedOut', atMost: 0 },
      ],
    },
  ],
  prediction: {
    question: 'During the spike, which customers wait longest for their page?',
    options: [
      { id: 'sync', label: 'Sync customers' },
      { id: 'async', label: 'Async customers' },
      { id: 'same', label: 'Both wait the same' },
    ],
    answer: 'sync',
    explanation:
      'Each sync request holds a handler through the 1.5 s email, so the handlers run out and requests queue up. Async requests free their handler after 1.05 s and leave the email to the queue.',
    reveal: { lane: 'sync', metric: 'orders.timedOut', label: 'sync customers who timed out' },
    keyWords: ['time out', 'timed out', 'stay fast'],
  },
  goals: [
    {
      id: 'timeouts',
      label: 'Sync customers time out',
      labelBeforeAnswer: 'How long sync customers wait during the spike',
      when: [{ lane: 'sync', metric: 'orders.timedOut', atLeast: 1 }],
    },
    {
      id: 'absorbed',
      label: 'The queue holds more than 100 email jobs',
      when: [{ lane: 'async', metric: 'queue.maxDepth', atLeast: 100 }],
    },
    {
      id: 'async-fast',
      label: 'No async customer timed out',
      labelBeforeAnswer: 'How long async customers wait during the spike',
      afterSec: 60,
      when: [{ lane: 'async', metric: 'orders.timedOut', atMost: 0 }],
    },
    {
      id: 'drained',
      label: 'The queue has drained',
      afterSec: 30,
      when: [{ lane: 'async', metric: 'emails.pending', atMost: 0 }],
    },
  ],
  discussion: [
    'Each sync order holds a handler for 2.55 s and there are 50 handlers. About how many orders a second can sync serve, and what happens when 40 arrive?',
    'Async answered quickly all through the spike. Where did the extra work go, and when was it done?',
    'The sync customers who gave up after 10 s had been charged. What do they believe happened to their order?',
    'Would doubling the sync handlers have fixed the spike? What would it cost compared with the queue, and what if the spike were twice as big?',
  ],
};
