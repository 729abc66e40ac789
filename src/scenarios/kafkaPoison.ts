/** Kafka and a poison record: the consumer must process a partition in order, so one record that
 * always fails holds up every record behind it in that partition, while the other partitions
 * carry on, until the application gives up and skips it to a dead-letter topic. Records are keyed
 * by order id and hashed to partitions as Kafka's Java client does, so which partition a poison
 * record blocks is down to its key. */
import type { LessonContent } from './types.ts';

export const kafkaPoison: LessonContent = {
  id: 'kafka-poison',
  teaches:
    'Kafka keeps order within a partition, so a record that keeps failing blocks everything behind it. The application has to decide when to skip it to a dead-letter topic; Kafka will not.',
  premise:
    'Kafka splits the topic into partitions. Order 20’s record, in partition 2, fails every time it is processed: watch partition 2.',
  beats: [
    {
      atSec: 4,
      caption:
        'Orders go to 4 partitions by a hash of their id, as Kafka’s Java client does; each worker reads one partition, in order. Every 20th order’s email always fails.',
      claims: [
        { lane: 'async', setting: 'queue.partitions', is: '4' },
        { lane: 'async', setting: 'email.poisonEvery', is: '20' },
      ],
    },
    {
      atSec: 10,
      focusOrder: 20,
      caption:
        'Order 20’s record, hashed to partition 2, fails. The worker retries it with backoff, and it cannot move past it: partition 2 is stuck.',
      pause: true,
      when: { lane: 'async', order: 20, event: 'emailFailed' },
      claims: [{ lane: 'async', partition: 2, lag: true, atLeast: 1 }],
    },
    {
      focusOrder: 20,
      atSec: 15,
      caption:
        'Records pile up behind order 20: partition 2 now has the largest lag. Its customers wait for nothing they did.',
      when: [
        { lane: 'async', largestLag: 2 },
        { lane: 'async', partition: 2, lag: true, atLeast: 5 },
      ],
      claims: [
        { lane: 'async', order: 20, event: 'emailFailed', atLeast: 2 },
        { lane: 'async', order: 20, event: 'deadLettered', atMost: 0 },
      ],
    },
    {
      focusOrder: 20,
      atSec: 30,
      caption:
        'After 5 failed tries the application skips order 20’s record to a dead-letter topic, and partition 2’s worker moves on.',
      pause: true,
      when: { lane: 'async', order: 20, event: 'deadLettered' },
      claims: [{ lane: 'async', order: 20, event: 'emailFailed', atLeast: 5, atMost: 5 }],
    },
    {
      focusOrder: 40,
      atSec: 35,
      caption:
        'Partition 1 went through the same with order 40’s record, skipped at last too. One poison record stalls only its own partition.',
      when: { lane: 'async', order: 40, event: 'deadLettered' },
      claims: [
        { lane: 'async', order: 40, event: 'emailFailed', atLeast: 5 },
        { lane: 'async', partition: 2, lag: true, atMost: 8 },
      ],
    },
  ],
  prediction: {
    question:
      'One record in a partition fails every time. What happens to the records queued behind it in that partition?',
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
      label: 'The stuck partition’s lag reaches 9 records',
      labelBeforeAnswer: 'What happens in the stuck partition',
      when: [{ lane: 'async', metric: 'queue.maxLag', atLeast: 9 }],
    },
    {
      id: 'skipped',
      label: 'The poison record is skipped to the dead-letter topic',
      labelBeforeAnswer: 'Where the poison record ends up',
      when: [{ lane: 'async', metric: 'emails.deadLettered', atLeast: 1 }],
    },
  ],
  discussion: [
    'Why could no other worker process the records behind order 20 while it kept failing?',
    'Partition 2’s lag grew while the others stayed low. What did the customers whose orders landed in partition 2 experience?',
    'The application skipped the record after 5 failed tries; Kafka itself never would. Who should choose that limit, and what should happen to the dead-letter topic?',
    'Compare the poison-message lesson on an ordinary queue: what does Kafka’s per-partition order give you, and what does it cost when one record is bad?',
  ],
};
