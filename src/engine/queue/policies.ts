/** The five broker presets by name: `queue.broker` picks whose semantics the queue follows. */
import type { SimState } from '../state.ts';
import { ideal } from './ideal.ts';
import { kafka } from './kafka.ts';
import type { BrokerPolicy } from './policy.ts';
import { rabbitmq } from './rabbitmq.ts';
import { redis } from './redis.ts';
import { sqs } from './sqs.ts';

/** Looked up at call time, not in a table built at load time: the presets and the shared code
 * import each other, and a switch reads each preset only once every module has loaded. */
export function policyOf(s: SimState): BrokerPolicy {
  switch (s.config.queue.broker) {
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
