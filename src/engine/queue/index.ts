/** The message queue and its workers (async mode): one model with five presets of broker
 * semantics (`queue.broker`), a file each, which differ only where real brokers differ. */
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
export { brokerLease } from './policies.ts';
export type { BrokerLease } from './policy.ts';
export { ownerOf } from './kafkaGroup.ts';
export { onJobDone, onWorkerCrash, onWorkerRestart, resizeWorkers } from './workers.ts';
