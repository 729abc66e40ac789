/** What a run counts and measures as it goes: the outcome ledger, bounded distributions of
 * durations, time-weighted levels and the timeline of queues. */
import { createLevel, createSamples, type Level, type Samples } from './stats.ts';
import { createTimeline, type Timeline } from './timeline.ts';

/** One flow step's measurements: from the click to the step done (its first success, for a
 * job), attempts that failed, and failures for good (in the request: the error page; a job:
 * dead-lettered or dropped before it ever succeeded). */
export interface StepMetrics {
  done: Samples;
  attemptsFailed: number;
  failedForGood: number;
}

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
  /** Orders whose page said "confirmed" and whose background step with needsResult then failed
   * for good; each needs an apology email (modelled as sent at once, no queue). */
  confirmedThenFailed: number;
  apologies: number;
  /** By index in the flow. */
  steps: StepMetrics[];
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

export function createStepMetrics(): StepMetrics {
  return { done: createSamples(), attemptsFailed: 0, failedForGood: 0 };
}

/** `emailIndex`: the flow's step `email`, whose done time is the email delay: the two share one
 * Samples, so an email is measured once. */
export function createMetrics(flowSteps: number, emailIndex: number): Metrics {
  const emailDelay = createSamples();
  const steps = Array.from({ length: flowSteps }, createStepMetrics);
  if (emailIndex >= 0) steps[emailIndex]!.done = emailDelay;
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
    confirmedThenFailed: 0,
    apologies: 0,
    steps,
    response: createSamples(),
    emailDelay,
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
