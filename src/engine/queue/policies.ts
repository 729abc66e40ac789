/** The five broker presets by name, the registry: `queue.broker` picks whose semantics the queue
 * follows. Nothing it registers imports it; it installs the presets where the shared code looks
 * (policy.ts). */
import type { Broker } from '../settings.ts';
import { ideal } from './ideal.ts';
import { kafka } from './kafka.ts';
import { installPolicies, type BrokerLease, type BrokerPolicy } from './policy.ts';
import { rabbitmq } from './rabbitmq.ts';
import { redis } from './redis.ts';
import { sqs } from './sqs.ts';

const PRESETS: Readonly<Record<Broker, BrokerPolicy>> = { ideal, sqs, rabbitmq, kafka, redis };

installPolicies(PRESETS);

/** The lease of a broker in its own words, for captions and labels (see BrokerLease). */
export function brokerLease(broker: Broker): BrokerLease {
  return PRESETS[broker].lease;
}
