/** Loads a broker's preset when a run needs it, and registers it (policy.ts): the page's first
 * load carries only the default broker's (SQS), and each of the others is a chunk of its own,
 * fetched when a link, a lesson, the broker picker or a host page asks for it. Every path that
 * starts a run awaits `loadBroker` first; the engine itself stays synchronous, and a run of a
 * broker not registered yet stops at once with a sentence saying so (`policyFor`). Code that
 * wants every broker at once (the command line, the workers, the tests) imports all.ts. */
import { BROKERS, type Broker } from './brokers.ts';
import './policies.ts';
import { hasPolicy, registerPolicy, type BrokerPolicy } from './policy.ts';
import { sqs } from './sqs.ts';

/** Each broker's module, imported on demand (a string each, so the bundler makes a chunk each). */
const LOADERS: Readonly<Record<Broker, () => Promise<BrokerPolicy>>> = {
  sqs: () => Promise.resolve(sqs),
  ideal: () => import('./ideal.ts').then((m) => m.ideal),
  rabbitmq: () => import('./rabbitmq.ts').then((m) => m.rabbitmq),
  kafka: () => import('./kafka.ts').then((m) => m.kafka),
  redis: () => import('./redis.ts').then((m) => m.redis),
};

const pending = new Map<Broker, Promise<void>>();

/** Imports the broker's preset and registers it; resolves at once for one already registered. A
 * failed import (a network error) rejects, and the next call tries again. */
export function loadBroker(broker: Broker): Promise<void> {
  if (hasPolicy(broker)) return Promise.resolve();
  const loader = LOADERS[broker];
  if (!loader) return Promise.reject(new Error(`unknown broker '${String(broker)}'`));
  let loading = pending.get(broker);
  if (!loading) {
    loading = loader().then(
      (policy) => {
        registerPolicy(broker, policy);
        pending.delete(broker);
      },
      (error: unknown) => {
        pending.delete(broker);
        throw error;
      },
    );
    pending.set(broker, loading);
  }
  return loading;
}

/** Loads every broker (a host page, which may pick any at a word, waits for them). */
export function loadAllBrokers(): Promise<void> {
  return Promise.all(BROKERS.map(loadBroker)).then(() => undefined);
}

/** Whether a run of this broker can start now, without waiting for its preset. */
export function brokerLoaded(broker: Broker): boolean {
  return hasPolicy(broker);
}
