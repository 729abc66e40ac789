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
export { brokerFacts, brokerLease, brokersOf } from './policies.ts';
export type { BrokerFacts, BrokerLease, BrokerSetting, LeaseWords } from './policy.ts';
export { brokerLoaded, loadAllBrokers, loadBroker } from './load.ts';
export {
  onJobDone,
  onSessionTimeout,
  onWorkerCrash,
  onWorkerRestart,
  partitionOwner,
  resizeWorkers,
} from './workers.ts';
