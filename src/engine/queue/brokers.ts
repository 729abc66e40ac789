/** The brokers by id, with the facts that the configuration, the settings and the state's setup
 * read: their names and whether the queue is a set of partitions. A leaf, so that those can read
 * it without importing the presets (which import them); each preset's behaviour, settings and
 * words are in its own file (policy.ts says what a preset holds). */

/** Which broker's semantics the queue follows; see docs/architecture.md, "Brokers". */
export const BROKERS = ['ideal', 'sqs', 'rabbitmq', 'kafka', 'redis'] as const;
export type Broker = (typeof BROKERS)[number];

/** The broker a run follows unless told otherwise. */
export const DEFAULT_BROKER: Broker = 'sqs';

export function isBroker(value: string): value is Broker {
  return (BROKERS as readonly string[]).includes(value);
}

/** A broker as people say it. */
export interface BrokerNames {
  /** Its full label: the command line's table, the UI's list. */
  label: string;
  /** The short name the diagram has room for. */
  short: string;
  /** What the broker calls its queue. */
  queueNoun: string;
  /** How the command line's help names it among the choices of `queue.broker`. */
  help: string;
  /** Whether the queue is a set of partitions, each read in order by one worker (Kafka): the
   * state sets them up, the diagram draws a row for each and the tallies report their lag. */
  partitioned: boolean;
}

export const BROKER_NAMES: Readonly<Record<Broker, BrokerNames>> = {
  ideal: {
    label: 'Ideal (exactly once — an idealisation)',
    short: 'ideal',
    queueNoun: 'Queue',
    help: 'ideal (exactly one delivery, an idealisation)',
    partitioned: false,
  },
  sqs: {
    label: 'Amazon SQS (standard)',
    short: 'SQS',
    queueNoun: 'Queue',
    help: 'sqs',
    partitioned: false,
  },
  rabbitmq: {
    label: 'RabbitMQ (quorum queue)',
    short: 'RabbitMQ',
    queueNoun: 'Queue',
    help: 'rabbitmq',
    partitioned: false,
  },
  kafka: {
    label: 'Kafka (consumer group)',
    short: 'Kafka',
    queueNoun: 'Topic',
    help: 'kafka',
    partitioned: true,
  },
  redis: {
    label: 'Redis Streams (consumer group)',
    short: 'Redis',
    queueNoun: 'Stream',
    help: 'redis (Streams)',
    partitioned: false,
  },
};
