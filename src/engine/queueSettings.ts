/** The settings of the queue and its retries: which broker's semantics, its limits and timeouts,
 * and the backoff between tries. Part of the one `key=value` vocabulary in settings.ts. */
import { BROKER_NAMES, BROKERS } from './config.ts';
import { booleanSetting, choiceSetting, numberSetting } from './settingKinds.ts';

const MAX_SECONDS = 86_400;

/** "a, b, c or d", each broker as the help names it. */
function brokerChoices(): string {
  const names = BROKERS.map((b) => BROKER_NAMES[b].help);
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** `as const`, so that settings.ts can take the union of the keys from it. */
export const QUEUE_SETTINGS = [
  choiceSetting({
    key: 'queue.broker',
    description: `whose semantics the queue follows: ${brokerChoices()}; set before the run starts`,
    choices: BROKERS,
    get: (c) => c.queue.broker,
    set: (c, v) => (c.queue.broker = v),
  }),
  numberSetting({
    key: 'queue.visibilityTimeout',
    description: 'SQS: how long a received message stays hidden before it is delivered again',
    min: 1,
    max: 43_200_000,
    unit: 'ms',
    get: (c) => c.queue.visibilityTimeoutMs,
    set: (c, v) => (c.queue.visibilityTimeoutMs = v),
  }),
  numberSetting({
    key: 'queue.maxReceives',
    description:
      'receives (Kafka: failed attempts) before a message goes to the dead-letter queue (not RabbitMQ: see queue.deliveryLimit)',
    min: 1,
    max: 1_000,
    integer: true,
    get: (c) => c.queue.maxReceives,
    set: (c, v) => (c.queue.maxReceives = v),
  }),
  booleanSetting({
    key: 'queue.deadLetter',
    description:
      'a dead-letter target is configured (queue, exchange, topic or stream); without one SQS, Kafka and Redis retry for ever and RabbitMQ drops the message',
    get: (c) => c.queue.deadLetter,
    set: (c, v) => (c.queue.deadLetter = v),
  }),
  numberSetting({
    key: 'queue.prefetch',
    description: 'RabbitMQ: unacked messages one worker may hold at once',
    min: 1,
    max: 1_000,
    integer: true,
    get: (c) => c.queue.prefetch,
    set: (c, v) => (c.queue.prefetch = v),
  }),
  numberSetting({
    key: 'queue.deliveryLimit',
    description:
      'RabbitMQ: failed deliveries a message may have; one more (limit + 1 deliveries) and it is dead-lettered, or dropped without a dead-letter exchange',
    min: 0,
    max: 1_000,
    integer: true,
    get: (c) => c.queue.deliveryLimit,
    set: (c, v) => (c.queue.deliveryLimit = v),
  }),
  numberSetting({
    key: 'queue.consumerTimeout',
    description:
      'RabbitMQ: a delivery unacked this long closes the channel, and its messages go back to the queue',
    min: 60_000,
    max: 86_400_000,
    unit: 'ms',
    get: (c) => c.queue.consumerTimeoutMs,
    set: (c, v) => (c.queue.consumerTimeoutMs = v),
  }),
  numberSetting({
    key: 'queue.partitions',
    description:
      'Kafka: partitions of the topic, each read by at most one worker; set before the run starts',
    min: 1,
    max: 256,
    integer: true,
    get: (c) => c.queue.partitions,
    set: (c, v) => (c.queue.partitions = v),
  }),
  numberSetting({
    key: 'queue.commitEvery',
    description: 'Kafka: processed records between offset commits',
    min: 1,
    max: 10_000,
    integer: true,
    get: (c) => c.queue.commitEvery,
    set: (c, v) => (c.queue.commitEvery = v),
  }),
  choiceSetting({
    key: 'queue.partitioner',
    description:
      'Kafka: how records go to partitions: key (a murmur2 hash of the order id, as the Java client) or round-robin (order id modulo partitions); set before the run starts',
    choices: ['key', 'round-robin'] as const,
    get: (c) => c.queue.partitioner,
    set: (c, v) => (c.queue.partitioner = v),
  }),
  numberSetting({
    key: 'queue.sessionTimeout',
    description:
      'Kafka: a crashed consumer keeps its partitions this long, then the group moves them to the others',
    min: 1,
    max: 3_600_000,
    unit: 'ms',
    get: (c) => c.queue.sessionTimeoutMs,
    set: (c, v) => (c.queue.sessionTimeoutMs = v),
  }),
  numberSetting({
    key: 'queue.maxPollInterval',
    description:
      'Kafka: a consumer stuck this long on one record leaves the group; its partitions move and the record is read again',
    min: 1,
    max: 86_400_000,
    unit: 'ms',
    get: (c) => c.queue.maxPollIntervalMs,
    set: (c, v) => (c.queue.maxPollIntervalMs = v),
  }),
  numberSetting({
    key: 'queue.minIdle',
    description:
      'Redis Streams: how long an entry stays pending before another worker may claim it',
    min: 1,
    max: 43_200_000,
    unit: 'ms',
    get: (c) => c.queue.minIdleMs,
    set: (c, v) => (c.queue.minIdleMs = v),
  }),
  booleanSetting({
    key: 'queue.outbox',
    description:
      "a transactional outbox: the email job is written in the order's own database transaction, and a relay moves it to the queue, so a server crash after the save loses no email",
    get: (c) => c.queue.outbox,
    set: (c, v) => (c.queue.outbox = v),
  }),
  numberSetting({
    key: 'queue.outboxPollMs',
    description:
      'how often the outbox relay polls its table and moves every waiting job to the queue (on a fixed grid from 0 s)',
    min: 1,
    max: 3_600_000,
    unit: 'ms',
    get: (c) => c.queue.outboxPollMs,
    set: (c, v) => (c.queue.outboxPollMs = v),
  }),
  numberSetting({
    key: 'queue.redriveAt',
    description: 'when the dead-letter queue is moved back to the main queue (0: never)',
    min: 0,
    max: MAX_SECONDS,
    unit: 's',
    get: (c) => c.queue.redriveAtSec,
    set: (c, v) => (c.queue.redriveAtSec = v),
  }),
  choiceSetting({
    key: 'retry.backoff',
    description: 'how long a failed email job waits before its next try',
    choices: ['none', 'fixed', 'exponential', 'full-jitter'] as const,
    get: (c) => c.retry.backoff,
    set: (c, v) => (c.retry.backoff = v),
  }),
  numberSetting({
    key: 'retry.base',
    description: 'the first backoff',
    min: 0,
    max: 3_600_000,
    unit: 'ms',
    get: (c) => c.retry.baseMs,
    set: (c, v) => (c.retry.baseMs = v),
  }),
  numberSetting({
    key: 'retry.cap',
    description: 'the longest backoff',
    min: 0,
    max: 43_200_000,
    unit: 'ms',
    get: (c) => c.retry.capMs,
    set: (c, v) => (c.retry.capMs = v),
  }),
] as const;
