/** The broker presets by name: `queue.broker` picks whose semantics the queue follows. The
 * default broker's preset (SQS, which most lessons use) is registered here, as the engine loads;
 * the others load when a run needs them (load.ts), or all at once (all.ts), and register
 * themselves where the shared code looks (policy.ts). What the outside reads of a broker is read
 * here, of a registered one. Adding a broker: docs/architecture.md, "Adding a broker". */
import { BROKERS, DEFAULT_BROKER, type Broker } from './brokers.ts';
import {
  hasPolicy,
  policyFor,
  registerPolicy,
  type BrokerFacts,
  type BrokerLease,
} from './policy.ts';
import { sqs } from './sqs.ts';

registerPolicy(DEFAULT_BROKER, sqs);

/** The lease of a broker in its own words, for captions and labels (see BrokerLease). The broker
 * must have loaded (load.ts), as it has once a run uses it. */
export function brokerLease(broker: Broker): BrokerLease {
  return policyFor(broker).lease;
}

/** What the UI and the command line read of a broker: its settings, words and tallies. The
 * broker must have loaded (load.ts), as it has once a run uses it. */
export function brokerFacts(broker: Broker): BrokerFacts {
  return policyFor(broker);
}

/** The brokers each broker-only setting applies to, in the order of BROKERS: a setting some
 * brokers list and others do not (see BrokerFacts.settings). It reads every broker, so they must
 * all be registered (all.ts; the command line, which warns with it, registers them). */
export function brokersOf(key: string): readonly Broker[] | null {
  const missing = BROKERS.filter((b) => !hasPolicy(b));
  if (missing.length > 0) {
    throw new Error(
      `brokersOf reads every broker's settings, and ${missing.join(', ')} has not loaded: import queue/all.ts first`,
    );
  }
  const listing = BROKERS.filter((b) => policyFor(b).settings.some((s) => s.key === key));
  return listing.length > 0 && listing.length < BROKERS.length ? listing : null;
}
