/** The message queue and its workers (async mode): one model with a preset of broker semantics for
 * each broker (`queue.broker`), a file each, which differ only where real brokers differ. */
export {
  backoffMs,
  enqueueJobs,
  onMessageVisible,
  onRedrive,
  redrive,
  scheduleRedrive,
} from './core.ts';
export { queuedCount } from './visible.ts';
export { onSessionTimeout } from './kafka.ts';
export { brokerFacts, brokerLease, brokersOf } from './policies.ts';
export type { BrokerFacts, BrokerLease, BrokerSetting, LeaseWords } from './policy.ts';
export { ownerOf } from './kafkaGroup.ts';
export { onJobDone, onWorkerCrash, onWorkerRestart, resizeWorkers } from './workers.ts';
