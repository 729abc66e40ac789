/** What the outside reads of the Kafka preset (see BrokerFacts): its lease, its settings in its
 * own words and its close-up's title; apart from kafka.ts, which is long with the behaviour. */
import type { BrokerFacts } from './policy.ts';

export const kafkaFacts: BrokerFacts = {
  // A crashed consumer's partitions move after the session timeout (a slow one leaves at
  // max.poll.interval.ms, which Kafka names no lease).
  lease: {
    name: 'session timeout',
    setting: 'queue.sessionTimeout',
    callSetting: 'queue.maxPollInterval',
    wait: null,
    crashWaitsForLease: true,
  },
  settings: [
    {
      key: 'queue.partitions',
      control: {
        label: 'Partitions',
        hint: 'One worker reads each, in order. Changing it restarts the run.',
        real: 'Kafka’s default num.partitions is 1.',
      },
    },
    {
      key: 'queue.commitEvery',
      control: {
        label: 'Commit every N records',
        hint: 'After a crash, everything since the last commit is replayed.',
        real: 'Real consumers auto-commit every 5 s, or after each poll batch (up to 500 records).',
      },
    },
    {
      key: 'queue.maxReceives',
      control: {
        label: 'App’s retries before the dead-letter topic',
        hint: 'Failed tries of a record before the app skips it to the dead-letter topic.',
        real: 'Kafka counts no deliveries: your application keeps this count.',
      },
    },
    {
      key: 'queue.deadLetter',
      control: {
        label: 'Dead-letter topic configured',
        hint: 'Without one, a failing record blocks its partition for ever.',
      },
    },
    { key: 'queue.partitioner' },
    { key: 'queue.sessionTimeout' },
    { key: 'queue.maxPollInterval' },
    { key: 'retry.backoff' },
    { key: 'retry.base' },
    { key: 'retry.cap' },
  ],
  deadLetter: 'dead-letter topic',
  closeupTitle: 'Inside Kafka: the topic’s partitions',
  prefetches: false,
  drops: false,
};
