/** What a run counts and measures as it goes: the outcome ledger, bounded distributions of
 * durations, time-weighted levels and the timeline of queues. */
import { createLevel, createSamples, type Level, type Samples } from './stats.ts';
import { createTimeline, type Timeline } from './timeline.ts';

export interface Metrics {
  arrived: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  charged: number;
  saved: number;
  chargedButSawError: number;
  doubleCharged: number;
  chargesDeduplicated: number;
  userRetries: number;
  serverFinishedLate: number;
  /** Requests the web server died in, after the save (server.crashRate). */
  serverCrashes: number;
  /** Saved orders whose email job was never queued: the server died in between (the dual write). */
  savedNeverEnqueued: number;
  emailsSent: number;
  duplicates: number;
  /** Saved orders whose customer got at least one email: counted at each order's first send. */
  emailed: number;
  emailsDeduplicated: number;
  redriven: number;
  /** Deliveries of a message that had been delivered before. */
  redelivered: number;
  /** Messages a broker threw away (RabbitMQ at its delivery limit without a dead-letter exchange). */
  dropped: number;
  /** Kafka: the largest lag (records not yet committed) any partition reached. */
  maxLag: number;
  failedAttempts: number;
  lost: number;
  enqueued: number;
  /** Times a message began to wait in the queue (new, after a backoff, a lease, a return). */
  queueEntries: number;
  acked: number;
  deadLettered: number;
  visibilityExpired: number;
  crashes: number;
  response: Samples;
  emailDelay: Samples;
  queueWait: Samples;
  serverWait: Samples;
  busyHandlers: Level;
  handlerCapacity: Level;
  busyWorkers: Level;
  workerCapacity: Level;
  queueDepth: Level;
  timeline: Timeline;
}

export function createMetrics(): Metrics {
  return {
    arrived: 0,
    succeeded: 0,
    failed: 0,
    timedOut: 0,
    charged: 0,
    saved: 0,
    chargedButSawError: 0,
    doubleCharged: 0,
    chargesDeduplicated: 0,
    userRetries: 0,
    serverFinishedLate: 0,
    serverCrashes: 0,
    savedNeverEnqueued: 0,
    emailsSent: 0,
    duplicates: 0,
    emailed: 0,
    emailsDeduplicated: 0,
    redriven: 0,
    redelivered: 0,
    dropped: 0,
    maxLag: 0,
    failedAttempts: 0,
    lost: 0,
    enqueued: 0,
    queueEntries: 0,
    acked: 0,
    deadLettered: 0,
    visibilityExpired: 0,
    crashes: 0,
    response: createSamples(),
    emailDelay: createSamples(),
    queueWait: createSamples(),
    serverWait: createSamples(),
    busyHandlers: createLevel(),
    handlerCapacity: createLevel(),
    busyWorkers: createLevel(),
    workerCapacity: createLevel(),
    queueDepth: createLevel(),
    timeline: createTimeline(),
  };
}
