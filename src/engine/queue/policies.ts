/** The broker presets by name, the registry: `queue.broker` picks whose semantics the queue
 * follows. Nothing it registers imports it; it installs the presets where the shared code looks
 * (policy.ts). Adding a broker: docs/architecture.md, "Adding a broker". */
import { BROKERS, type Broker } from './brokers.ts';
import { ideal } from './ideal.ts';
import { kafka } from './kafka.ts';
import {
  installPolicies,
  type BrokerFacts,
  type BrokerLease,
  type BrokerPolicy,
} from './policy.ts';
import { rabbitmq } from './rabbitmq.ts';
import { redis } from './redis.ts';
import { sqs } from './sqs.ts';

const PRESETS: Readonly<Record<Broker, BrokerPolicy>> = { ideal, sqs, rabbitmq, kafka, redis };

installPolicies(PRESETS);

/** The lease of a broker in its own words, for captions and labels (see BrokerLease). */
export function brokerLease(broker: Broker): BrokerLease {
  return PRESETS[broker].lease;
}

/** What the UI and the command line read of a broker: its settings, words and tallies. */
export function brokerFacts(broker: Broker): BrokerFacts {
  return PRESETS[broker];
}

/** The brokers each broker-only setting applies to, in the order of BROKERS: a setting some
 * brokers list and others do not (see BrokerFacts.settings). */
export function brokersOf(key: string): readonly Broker[] | null {
  const listing = BROKERS.filter((b) => PRESETS[b].settings.some((s) => s.key === key));
  return listing.length > 0 && listing.length < BROKERS.length ? listing : null;
}
