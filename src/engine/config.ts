/** What a run is configured by: the shape of the configuration and the lesson's defaults
 * (the checkout's 200, 800, 50 and 1,500 ms; 4 workers; 64 handlers; 30 s timeouts). */
import type { Distribution } from './distributions.ts';
import { checkoutFlow, type Flow } from './flow.ts';
import { DEFAULT_BROKER, type Broker } from './queue/brokers.ts';

export type Mode = 'sync' | 'async';
export type TrafficPattern = 'single' | 'steady' | 'spike';
export type Partitioner = 'key' | 'round-robin';
export type Backoff = 'none' | 'fixed' | 'exponential' | 'full-jitter';
// The brokers are defined with their presets (queue/brokers.ts); the rest of the engine, the UI
// and the command line find them here as before.
export { BROKERS, BROKER_NAMES, DEFAULT_BROKER, isBroker, type Broker } from './queue/brokers.ts';

export interface Config {
  traffic: {
    pattern: TrafficPattern;
    ratePerSec: number;
    /** Stop after this many orders; 0 means no limit. */
    orders: number;
    spikeAtSec: number;
    spikeForSec: number;
    spikeRatePerSec: number;
  };
  /** The steps a request goes through and where each runs. Each step's latency, failure rate and
   * outages live here and nowhere else: the checkout's `latency.charge` is its step `charge`'s
   * latency, `email.failureRate` and `email.outage` are its step `email`'s. */
  flow: Flow;
  /** The async lane's own step, putting the background jobs on the queue. */
  latency: { enqueue: Distribution };
  email: {
    /** The email service is down now (the step `email` fails while it is). */
    down: boolean;
    /** Every n-th order's email always fails (a poison message); 0 means none. */
    poisonEvery: number;
    /** The email service keeps the key `order-confirmation/<orderId>` and sends each once. */
    idempotency: boolean;
  };
  /** The payment service keeps the checkout's key, so a customer's second click is not charged. */
  checkout: { idempotency: boolean };
  server: {
    handlers: number;
    timeoutMs: number;
    /** Async: the chance that the server dies after saving an order, before queueing its job. */
    crashRate: number;
  };
  workers: { count: number; crashRate: number; restartMs: number };
  queue: {
    broker: Broker;
    /** SQS: how long a received message stays hidden before it is delivered again. */
    visibilityTimeoutMs: number;
    /** SQS maxReceiveCount; Kafka and Redis: the application's limit before it dead-letters. */
    maxReceives: number;
    /** When the dead-letter queue is moved back to the main queue; 0 means never. */
    redriveAtSec: number;
    /** A dead-letter target exists (SQS redrive policy, RabbitMQ dead-letter exchange, Kafka
     * dead-letter topic, Redis dead-letter stream). Without one each broker does its own thing. */
    deadLetter: boolean;
    /** RabbitMQ: unacked messages one consumer may hold (basic.qos prefetch). */
    prefetch: number;
    /** RabbitMQ quorum queue delivery-limit: failed deliveries allowed; one more and the
     * message is dead-lettered or dropped (so limit + 1 deliveries when every one fails). */
    deliveryLimit: number;
    /** RabbitMQ consumer_timeout: a delivery unacked this long closes the consumer's channel. */
    consumerTimeoutMs: number;
    /** Kafka: partitions of the topic. */
    partitions: number;
    /** Kafka: the consumer commits its offset after this many processed records. */
    commitEvery: number;
    /** Kafka: how records are spread over partitions: by a murmur2 hash of the key (the order
     * id), as the Java client's default partitioner does, or round robin by order id. */
    partitioner: Partitioner;
    /** Kafka session.timeout.ms: a consumer silent this long (crashed) leaves the group. */
    sessionTimeoutMs: number;
    /** Kafka max.poll.interval.ms: a consumer stuck this long on one poll leaves the group. */
    maxPollIntervalMs: number;
    /** Redis Streams: how long an entry stays pending before another consumer may claim it. */
    minIdleMs: number;
    /** The email job is written to an outbox table in the order's own transaction, and a relay
     * moves the outbox to the queue (see outbox.ts). */
    outbox: boolean;
    /** How often the outbox relay polls its table. */
    outboxPollMs: number;
  };
  retry: { backoff: Backoff; baseMs: number; capMs: number };
  users: { retryOnError: boolean; retryDelayMs: number };
}

/** The checkout's steps and the async lane's enqueue step, as the diagram names its places. */
export const STEPS = ['validate', 'charge', 'save', 'enqueue', 'email'] as const;
export type Step = (typeof STEPS)[number];

export function defaultConfig(): Config {
  return {
    traffic: {
      pattern: 'single',
      ratePerSec: 2,
      orders: 0,
      spikeAtSec: 10,
      spikeForSec: 10,
      spikeRatePerSec: 50,
    },
    flow: checkoutFlow(),
    latency: { enqueue: { kind: 'constant', ms: 0 } },
    email: { down: false, poisonEvery: 0, idempotency: false },
    checkout: { idempotency: false },
    server: { handlers: 64, timeoutMs: 30_000, crashRate: 0 },
    workers: { count: 4, crashRate: 0, restartMs: 5_000 },
    queue: {
      broker: DEFAULT_BROKER,
      visibilityTimeoutMs: 30_000,
      maxReceives: 5,
      redriveAtSec: 0,
      deadLetter: true,
      prefetch: 5,
      deliveryLimit: 20,
      consumerTimeoutMs: 1_800_000,
      partitions: 4,
      commitEvery: 5,
      partitioner: 'key',
      sessionTimeoutMs: 45_000,
      maxPollIntervalMs: 300_000,
      minIdleMs: 30_000,
      outbox: false,
      outboxPollMs: 500,
    },
    retry: { backoff: 'exponential', baseMs: 1_000, capMs: 30_000 },
    users: { retryOnError: false, retryDelayMs: 2_000 },
  };
}
