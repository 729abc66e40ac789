/** The small interface each broker preset implements: the points where real brokers differ.
 * Everything they share (messages, workers, the email call, backoff, the dead-letter queue)
 * lives in core.ts and workers.ts; each row of the docs' broker table is one file here. */
import type { Broker, SettingKey } from '../settings.ts';
import type { Message, Partition, SimState, Worker } from '../state.ts';
import type { BrokerInspection } from './inspection.ts';

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
  /** The setting that bounds one call before the broker hands the message out again, as the
   * run's stop for calls that always outlive it names it (Kafka: max.poll.interval.ms, not the
   * session timeout, which is for crashes); null for the ideal broker. */
  callSetting:
    | 'queue.visibilityTimeout'
    | 'queue.consumerTimeout'
    | 'queue.maxPollInterval'
    | 'queue.minIdle'
    | null;
  /** What a message nobody works on waits for, as the lane's waits name it: SQS's `lease`,
   * Redis's `minIdle`; null where a crash does not leave a message waiting on a lease timer
   * (the ideal broker, RabbitMQ, and Kafka, whose wait is the consumer's `session`). */
  wait: 'lease' | 'minIdle' | null;
  /** Whether a crashed worker's message waits for the lease to run out before another worker
   * gets it (SQS, Redis; Kafka when the worker stays down longer), rather than coming back at
   * once (RabbitMQ closes the crashed consumer's channel; the ideal broker just knows). */
  crashWaitsForLease: boolean;
}

/** One of the broker's own settings. `control`, when given, puts it in the control panel under
 * the broker, in the broker's words; without it the setting is the broker's but set elsewhere
 * (the command line, a lesson, the panel's retry group). */
export interface BrokerSetting {
  key: SettingKey;
  control?: {
    label: string;
    hint: string;
    /** What the real broker does by default, where the simulator's value differs. */
    real?: string;
  };
}

/** The lease close-up's words (SQS, Redis): what the broker calls a delivery not yet acked and
 * its timer. */
export interface LeaseWords {
  /** The heading of the deliveries not yet acked. */
  title: string;
  /** Before the time left: "visible again in". */
  lease: string;
  /** When the time is up. */
  overdue: string;
  /** The deliveries so far: "received 2×". */
  count: (n: number) => string;
  /** After "Worker 2 is still sending order 7": what became of its delivery. */
  expired: string;
  /** The heading of the messages waiting for a worker. */
  ready: string;
  /** Who holds a delivery whose worker crashed. */
  holderDown: string;
  /** The close-up's opening sentence, given the lease's name and length ("visibility timeout
   * (30.0 s)"). */
  explain: (lease: string) => string;
  /** Another consumer claims an entry idle for the lease (Redis): each delivery shows its idle
   * time, and a fresh claim is marked. */
  claims: boolean;
}

/** What the outside reads of a broker: its settings, its words and how its tallies read. The
 * names and whether it is partitioned are in brokers.ts, for the code that cannot import the
 * presets. Words and numbers only: the UI decides how they look. */
export interface BrokerFacts {
  /** The lease in the broker's own words. */
  lease: BrokerLease;
  /** The settings that belong to this broker, in the order the control panel shows them. A
   * setting every broker lists is everyone's; one that some list and some do not does nothing
   * under the others (inert.ts warns). */
  settings: readonly BrokerSetting[];
  /** What the broker sends a message to when it gives up on it: "dead-letter queue". */
  deadLetter: string;
  /** A sentence about what the simulator leaves out or idealises for this broker, if anything. */
  note?: string;
  /** The close-up's heading, or null when there is no close-up (the ideal broker). */
  closeupTitle: string | null;
  /** The lease close-up's words, for a broker whose `inspect` gives leases. */
  leaseWords?: LeaseWords;
  /** Workers hold prefetched messages besides the one in hand (RabbitMQ): the diagram gives
   * each a badge. */
  prefetches: boolean;
  /** A message past its limit with no dead-letter target is dropped (RabbitMQ), so the tallies
   * always show the drops, 0 included. */
  drops: boolean;
}

export interface BrokerPolicy extends BrokerFacts {
  /** What the close-up shows of the broker now (`limit` bounds every list), or absent when it
   * has no state of its own to show (the ideal broker). */
  inspect?: (s: SimState, limit: number) => BrokerInspection;
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
  /** A crashed worker's session timeout came (Kafka: it leaves the group unless it is back);
   * only a broker that schedules the event has it. */
  sessionTimeout?(s: SimState, worker: Worker, job: number): void;
  /** The worker that owns the partition now, if any (Kafka); only a partitioned broker has it. */
  partitionOwner?(s: SimState, partition: Partition): Worker | undefined;
}

/** The presets registered so far, by broker: the registry the engine reads, synchronously. The
 * default broker's (SQS) is registered by policies.ts as the engine loads; the others by
 * `loadBroker` (load.ts), which imports one when a run needs it, or all at once by all.ts (the
 * command line, the workers, the tests). The shared code finds a run's policy here rather than in
 * the presets' files: the presets import the shared code, so importing them would close a loop. */
const registered: Partial<Record<Broker, BrokerPolicy>> = {};

/** Registers a broker's preset: loadBroker and all.ts call it once it has loaded. */
export function registerPolicy(broker: Broker, policy: BrokerPolicy): void {
  registered[broker] = policy;
}

/** Whether the broker's preset is registered, so that a run can start with it. */
export function hasPolicy(broker: Broker): boolean {
  return registered[broker] !== undefined;
}

/** The broker's preset; throws, naming the way to load it, when it is not registered yet. */
export function policyFor(broker: Broker): BrokerPolicy {
  const policy = registered[broker];
  if (!policy) {
    throw new Error(
      `the broker '${broker}' has not loaded yet: await loadBroker('${broker}') before a run uses it (or import queue/all.ts, which registers every broker)`,
    );
  }
  return policy;
}

/** The policy of the run's broker (`queue.broker`). */
export function policyOf(s: SimState): BrokerPolicy {
  return policyFor(s.config.queue.broker);
}
