/** The five broker presets by name: `queue.broker` picks whose semantics the queue follows. */
import type { SimState } from '../state.ts';
import { ideal } from './ideal.ts';
import { kafka } from './kafka.ts';
import type { Broker } from '../settings.ts';
import type { BrokerLease, BrokerPolicy } from './policy.ts';
import { rabbitmq } from './rabbitmq.ts';
import { redis } from './redis.ts';
import { sqs } from './sqs.ts';

/** Looked up at call time, not in a table built at load time: the presets and the shared code
 * import each other, and a switch reads each preset only once every module has loaded. */
export function policyOf(s: SimState): BrokerPolicy {
  return policyFor(s.config.queue.broker);
}

/** The lease of a broker in its own words, for captions and labels (see BrokerLease). */
export function brokerLease(broker: Broker): BrokerLease {
  return policyFor(broker).lease;
}

function policyFor(broker: Broker): BrokerPolicy {
  switch (broker) {
    case 'ideal':
      return ideal;
    case 'sqs':
      return sqs;
    case 'rabbitmq':
      return rabbitmq;
    case 'kafka':
      return kafka;
    case 'redis':
      return redis;
  }
}
