/** Kafka and a poison record: the consumer must process a partition in order, so one record that
 * always fails holds up every record behind it in that partition, while the other partitions
 * carry on, until the application gives up and skips it to a dead-letter topic. */
import type { Scenario } from './types.ts';

export const kafkaPoison: Scenario = {
  id: 'kafka-poison',
  title: 'A poison record in a Kafka partition',
  teaches:
    'Kafka keeps order within a partition, so a record that keeps failing blocks everything behind it. The application has to decide when to skip it to a dead-letter topic; Kafka will not.',
  premise:
    'Kafka splits the topic into partitions. One record in partition 0 fails every time it is processed: watch partition 0.',
  mode: 'async',
  seed: 3,
  durationSec: 30,
  tallies: ['emailsSent', 'deadLetters'],
  settings: {
    'queue.broker': 'kafka',
    'queue.partitions': 4,
    'workers.count': 4,
    'traffic.pattern': 'steady',
    'traffic.rate': 2,
    'email.poisonEvery': 20,
  },
  beats: [
    {
      atSec: 4,
      caption:
        'Orders go to 4 partitions by order id; each worker reads one partition, in order. Every 20th order’s email can never be sent.',
    },
    {
      atSec: 13,
      caption:
        'Order 20’s record fails. The worker retries it with backoff, and it cannot move past it: partition 0 is stuck.',
      pause: true,
    },
    {
      atSec: 25,
      caption:
        'Partition 0’s lag keeps growing while partitions 1 to 3 keep up. The customers behind order 20 wait for nothing they did.',
    },
    {
      atSec: 33.8,
      caption:
        'After 5 failed tries the application skips the record to a dead-letter topic, commits past it, and partition 0 catches up, until the next poison record (order 40) reaches the front.',
      pause: true,
    },
  ],
  prediction: {
    question:
      'One record in partition 0 fails every time. What happens to the records queued behind it in that partition?',
    options: [
      { id: 'flow', label: 'They are processed by another worker meanwhile' },
      { id: 'wait', label: 'They wait until the bad record is dealt with' },
      { id: 'lost', label: 'They are skipped too' },
    ],
    answer: 'wait',
    explanation:
      'A partition is read in order by one consumer, and the committed offset can only move forward past records that are done. Until the application skips the poison record, its partition’s lag grows.',
    reveal: {
      lane: 'async',
      metric: 'queue.maxLag',
      label: 'records waiting in the stuck partition at worst',
    },
    keyWords: ['blocks', 'lag'],
  },
  goals: [
    {
      id: 'lag',
      label: 'Partition 0’s lag reaches 8 records',
      labelBeforeAnswer: 'What happens in partition 0',
      when: [{ lane: 'async', metric: 'queue.maxLag', atLeast: 8 }],
    },
    {
      id: 'skipped',
      label: 'The poison record is skipped to the dead-letter topic',
      labelBeforeAnswer: 'Where the poison record ends up',
      when: [{ lane: 'async', metric: 'emails.deadLettered', atLeast: 1 }],
    },
  ],
};
