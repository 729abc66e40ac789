/** The summary of a run, with the field names of the command line's JSON contract. */
import { meanMs } from './distributions.ts';
import { pendingSlots } from './eventList.ts';
import { EV, subjectOf } from './events.ts';
import { queuedCount } from './queue/index.ts';
import { isSettled } from './settled.ts';
import type { Broker, Mode } from './settings.ts';
import { ROLE, type StepWhere } from './flow.ts';
import type { SimState, Stop } from './state.ts';
import { levelArea, summarize, type Summary } from './stats.ts';

/** One flow step in the report: where it ran, from the click to the step done (a job: its first
 * success), attempts that failed, and failures for good (in the request: an error page; a job:
 * dead-lettered or dropped without ever succeeding, a running total like emails.deadLettered). */
export interface StepReport {
  where: StepWhere;
  doneMs: Summary;
  attemptsFailed: number;
  failedForGood: number;
}

export interface Report {
  scenario: string;
  mode: Mode;
  seed: number;
  /** The flow's id ('checkout' by default). */
  flow: string;
  simulatedMs: number;
  events: number;
  /** Set when a budget stopped the run early: its numbers then cover the run up to `atMs` only. */
  stopped: Stop | null;
  /** The run had settled when the report was made: nothing can still arrive, nothing is to come,
   * no work is unfinished. False for a run cut off at its drain limit (or by a budget), or
   * reported mid-run. */
  settled: boolean;
  /** The work left when the report was made: orders the server had not finished (waiting for a
   * handler or in their steps) and email jobs not done (emails.pending). Both 0 once settled;
   * a run can also be unsettled with both 0, when only a user's retry, a scripted change or a
   * redrive is still to come. */
  unfinished: { orders: number; emailJobs: number };
  orders: {
    arrived: number;
    succeeded: number;
    failed: number;
    timedOut: number;
    charged: number;
    saved: number;
    chargedButSawError: number;
    doubleCharged: number;
    /** Second charges the payment service refused by the checkout's idempotency key. */
    chargesDeduplicated: number;
    userRetries: number;
    serverFinishedLate: number;
    /** Saved orders whose customer got at least one email (equals emails.sent - duplicates). */
    emailed: number;
    /** Saved orders whose customer has had no email so far (emailed + notEmailed = saved). */
    notEmailed: number;
    /** Async: saved orders whose email job was never queued, because the web server died in
     * between (server.crashRate without queue.outbox): their customers never get the email. */
    savedNeverEnqueued: number;
    /** Orders whose page said "confirmed" and whose background step with needsResult then failed
     * for good (dead-lettered or dropped): each is sent an apology (emails.apologies). */
    confirmedThenFailed: number;
  };
  responseMs: Summary;
  emailDelayMs: Summary;
  emails: {
    sent: number;
    duplicates: number;
    failedAttempts: number;
    /** Messages moved to the dead-letter queue, a running total: a message dead-lettered,
     * redriven and dead-lettered again counts twice. queue.deadLetterDepth is what is there now. */
    deadLettered: number;
    pending: number;
    /** Sync only: emails that failed with nobody left to try again. */
    lost: number;
    /** Second sends the email service skipped by the order's idempotency key. */
    deduplicated: number;
    /** Dead-lettered messages moved back to the main queue. */
    redriven: number;
    /** Messages the broker threw away: RabbitMQ at its delivery limit without a dead-letter
     * exchange. Each is a customer who never gets the email. */
    dropped: number;
    /** Deliveries of a message that had been delivered before (marked redelivered). */
    redelivered: number;
    /** Apologies for orders confirmed, then failed: modelled as sent at once, without a queue. */
    apologies: number;
  };
  /** Each flow step by its id, in flow order. */
  steps: Record<string, StepReport>;
  queue: {
    broker: Broker;
    enqueued: number;
    maxDepth: number;
    meanDepth: number;
    waitMs: Summary;
    visibilityExpired: number;
    /** Messages in the dead-letter queue now. */
    deadLetterDepth: number;
    /** Kafka: the largest number of uncommitted records any partition held (0 elsewhere). */
    maxLag: number;
  };
  workers: { count: number; crashes: number; utilization: number };
  /** `crashes`: requests the web server died in after the save (server.crashRate). */
  server: { handlers: number; waitMs: Summary; utilization: number; crashes: number };
  /** Little's law over the queue, L = lambda * W: both sides, for checking and teaching. L is the
   * mean depth (prefetch buffers included), lambda the rate at which jobs begin to wait (new,
   * after a backoff, a lease or a return), W the mean wait to the start of processing. */
  littlesLaw: { meanInQueue: number; arrivalRatePerMs: number; meanWaitMs: number };
}

function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

export function report(s: SimState, scenario: string): Report {
  const m = s.metrics;
  const now = s.now;
  const meanDepth = ratio(levelArea(m.queueDepth, now), now);
  const pending =
    queuedCount(s) + s.queue.delayed + s.inflight + s.outbox.rows.length + pendingBeforeQueue(s);
  const steps: Record<string, StepReport> = {};
  s.config.flow.steps.forEach((step, i) => {
    const measured = m.steps[i]!;
    steps[step.id] = {
      where: s.mode === 'sync' ? 'request' : step.where,
      doneMs: summarize(measured.done),
      attemptsFailed: measured.attemptsFailed,
      failedForGood: measured.failedForGood,
    };
  });
  return {
    scenario,
    mode: s.mode,
    seed: s.seed,
    flow: s.config.flow.id,
    simulatedMs: now,
    events: s.events,
    stopped: s.stopped && { ...s.stopped },
    settled: isSettled(s),
    unfinished: { orders: s.server.openOrders, emailJobs: pending },
    orders: {
      arrived: m.arrived,
      succeeded: m.succeeded,
      failed: m.failed,
      timedOut: m.timedOut,
      charged: m.charged,
      saved: m.saved,
      chargedButSawError: m.chargedButSawError,
      doubleCharged: m.doubleCharged,
      chargesDeduplicated: m.chargesDeduplicated,
      userRetries: m.userRetries,
      serverFinishedLate: m.serverFinishedLate,
      emailed: m.emailed,
      notEmailed: m.saved - m.emailed,
      savedNeverEnqueued: m.savedNeverEnqueued,
      confirmedThenFailed: m.confirmedThenFailed,
    },
    responseMs: summarize(m.response),
    emailDelayMs: summarize(m.emailDelay),
    emails: {
      sent: m.emailsSent,
      duplicates: m.duplicates,
      failedAttempts: m.failedAttempts,
      deadLettered: m.deadLettered,
      pending,
      lost: m.lost,
      deduplicated: m.emailsDeduplicated,
      redriven: m.redriven,
      dropped: m.dropped,
      redelivered: m.redelivered,
      apologies: m.apologies,
    },
    steps,
    queue: {
      broker: s.config.queue.broker,
      enqueued: m.enqueued,
      maxDepth: m.queueDepth.max,
      meanDepth,
      waitMs: summarize(m.queueWait),
      visibilityExpired: m.visibilityExpired,
      deadLetterDepth: s.dlq.length,
      maxLag: m.maxLag,
    },
    workers: {
      count: s.mode === 'async' ? s.config.workers.count : 0,
      crashes: m.crashes,
      utilization: ratio(levelArea(m.busyWorkers, now), levelArea(m.workerCapacity, now)),
    },
    server: {
      handlers: s.config.server.handlers,
      waitMs: summarize(m.serverWait),
      utilization: ratio(levelArea(m.busyHandlers, now), levelArea(m.handlerCapacity, now)),
      crashes: m.serverCrashes,
    },
    littlesLaw: {
      meanInQueue: meanDepth,
      // Jobs entering the queue, not leaving it: a stalled queue still has arrivals.
      arrivalRatePerMs: ratio(m.queueEntries, now),
      meanWaitMs: m.queueWait.mean,
    },
  };
}

/** Orders saved in sync mode whose email call has not finished yet still owe an email. */
function pendingBeforeQueue(s: SimState): number {
  if (s.mode === 'async') return 0;
  const h = s.heap;
  const steps = s.server.steps;
  return pendingSlots(h).filter(
    (slot) =>
      h.kinds[slot] === EV.stepDone.code &&
      steps[subjectOf(h, slot, EV.stepDone).stepIndex]!.role === ROLE.email,
  ).length;
}

/** The mean service demand of one request's server steps, for the UI's explanations. */
export function meanServerMs(s: SimState): number {
  // With the outbox the job is written with the order, and the relay, not the request, queues
  // it: the request's enqueue step is skipped.
  const outbox = s.mode === 'async' && s.config.queue.outbox;
  return s.server.steps.reduce((sum, step) => {
    if (step.flow >= 0) return sum + meanMs(s.config.flow.steps[step.flow]!.latency);
    return outbox ? sum : sum + meanMs(s.config.latency.enqueue);
  }, 0);
}
