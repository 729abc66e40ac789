/** The small interface each broker preset implements: the points where real brokers differ.
 * Everything they share (messages, workers, the email call, backoff, the dead-letter queue)
 * lives in core.ts and workers.ts; each row of the docs' broker table is one file here. */
import type { Broker } from '../settings.ts';
import type { Message, SimState, Worker } from '../state.ts';

/** What the broker calls the time after which an unacked message goes to another worker, in its
 * own words, for captions and labels: one place, so that no sentence under RabbitMQ speaks of
 * SQS's visibility timeout. */
export interface BrokerLease {
  /** A short noun phrase: "visibility timeout" (SQS), "consumer timeout" (RabbitMQ), "session
   * timeout" (Kafka), "min-idle time" (Redis); empty for the ideal broker, which has none. */
  name: string;
  /** The setting that holds its length (null for the ideal broker). */
  setting:
    | 'queue.visibilityTimeout'
    | 'queue.consumerTimeout'
    | 'queue.sessionTimeout'
    | 'queue.minIdle'
    | null;
  /** Whether a crashed worker's message waits for the lease to run out before another worker
   * gets it (SQS, Redis; Kafka when the worker stays down longer), rather than coming back at
   * once (RabbitMQ closes the crashed consumer's channel; the ideal broker just knows). */
  crashWaitsForLease: boolean;
}

export interface BrokerPolicy {
  /** The lease in the broker's own words. */
  lease: BrokerLease;
  /** A new or redriven message joins the main queue (Kafka: the end of its partition). */
  publish(s: SimState, message: Message): void;
  /** Hands waiting messages to workers that can take them. */
  dispatch(s: SimState): void;
  /** The worker is idle: the broker notes it where it looks for consumers. */
  goIdle(s: SimState, worker: Worker): void;
  /** A worker that just finished looks for its next message. */
  findWork(s: SimState, worker: Worker): void;
  /** When the delivery the worker just started runs out unacked, or Infinity when only a crash
   * or a failure gives it back; `crashes` says a crash is coming, `ok` whether the call works. */
  leaseEndsAt(s: SimState, worker: Worker, message: Message, crashes: boolean): number;
  /** The call succeeded and the message is still this worker's. */
  succeeded(s: SimState, message: Message, worker: Worker): void;
  /** The call failed and the message is still this worker's (`failures` already counts it). */
  failed(s: SimState, message: Message, worker: Worker): void;
  /** The call ended after the broker had taken the message back. */
  lateAck(s: SimState, message: Message, worker: Worker): void;
  /** The delivery's lease ran out before an ack. */
  leaseExpired(s: SimState, message: Message): void;
  /** A backoff ended: the message can be delivered again. */
  delayEnded(s: SimState, message: Message): void;
  /** The worker crashed with `message` in hand (`afterSend`: its email had gone out). */
  crashed(s: SimState, worker: Worker, message: Message, afterSend: boolean): void;
  /** The count the dead-letter limit and the backoff read: receives as the broker counts them,
   * or failed attempts where the broker counts nothing (Kafka). */
  tries(message: Message): number;
}

/** The presets by broker, filled in by the registry (policies.ts) as it loads. The shared code
 * finds a run's policy here rather than in the registry: the registry imports the presets, and
 * the presets import the shared code, so importing the registry would close a loop. */
const installed: Partial<Record<Broker, BrokerPolicy>> = {};

/** Called once, by policies.ts. */
export function installPolicies(presets: Readonly<Record<Broker, BrokerPolicy>>): void {
  Object.assign(installed, presets);
}

/** The policy of the run's broker (`queue.broker`). */
export function policyOf(s: SimState): BrokerPolicy {
  const policy = installed[s.config.queue.broker];
  if (!policy) {
    throw new Error(
      `no policy for the broker ${s.config.queue.broker}: the engine loads them through queue/index.ts`,
    );
  }
  return policy;
}
