/** The numbers a scenario's goals and predictions may name, each read from a lane's report. */
import type { Report } from '../engine/index.ts';

/** A duration over no samples is no number at all (NaN, shown as nothing): its 0 would read as
 * "at once", as the checkout's reveal did for an email that was never sent. */
const timed = (s: Report['responseMs'], value: number): number =>
  s.count > 0 ? value : Number.NaN;

/** Email jobs dropped or in the dead-letter queue now. Those counts take every job; when other
 * steps run in the background too (a charge moved there), the email step's failures for good
 * bound them, or a dead-lettered charge would read as a customer with no email. The bound is a
 * running total, so an email redriven and sent while another step's job waits in the dead-letter
 * queue still counts: the report has no per-step depth of the dead-letter queue. */
function emailJobsGivenUp(r: Report): number {
  const givenUp = r.emails.dropped + r.queue.deadLetterDepth;
  const others = Object.entries(r.steps).some(
    ([id, step]) => id !== 'email' && step.where === 'background',
  );
  return others ? Math.min(givenUp, r.steps['email']?.failedForGood ?? 0) : givenUp;
}

export const METRICS = {
  'orders.arrived': (r: Report) => r.orders.arrived,
  'orders.succeeded': (r: Report) => r.orders.succeeded,
  'orders.failed': (r: Report) => r.orders.failed,
  'orders.timedOut': (r: Report) => r.orders.timedOut,
  'orders.chargedButSawError': (r: Report) => r.orders.chargedButSawError,
  'orders.doubleCharged': (r: Report) => r.orders.doubleCharged,
  'orders.userRetries': (r: Report) => r.orders.userRetries,
  /** Async: the page said confirmed, then a background step the customer needed failed for good. */
  'orders.confirmedThenFailed': (r: Report) => r.orders.confirmedThenFailed,
  /** Async: orders saved whose email job the crashed web server never queued. */
  'orders.savedNeverEnqueued': (r: Report) => r.orders.savedNeverEnqueued,
  'responseMs.max': (r: Report) => timed(r.responseMs, r.responseMs.max),
  'responseMs.p95': (r: Report) => timed(r.responseMs, r.responseMs.p95),
  'responseMs.mean': (r: Report) => timed(r.responseMs, r.responseMs.mean),
  'emailDelayMs.max': (r: Report) => timed(r.emailDelayMs, r.emailDelayMs.max),
  'emailDelayMs.mean': (r: Report) => timed(r.emailDelayMs, r.emailDelayMs.mean),
  'emails.sent': (r: Report) => r.emails.sent,
  'emails.duplicates': (r: Report) => r.emails.duplicates,
  'emails.failedAttempts': (r: Report) => r.emails.failedAttempts,
  'emails.deadLettered': (r: Report) => r.emails.deadLettered,
  'emails.pending': (r: Report) => r.emails.pending,
  'emails.lost': (r: Report) => r.emails.lost,
  'emails.dropped': (r: Report) => r.emails.dropped,
  'emails.redelivered': (r: Report) => r.emails.redelivered,
  /** Apologies to the customers of orders confirmed, then failed. */
  'emails.apologies': (r: Report) => r.emails.apologies,
  /** Customers whose email nobody will send again: failed with no retry (sync), dropped by the
   * broker, set aside in the dead-letter queue, or never queued because the web server died
   * after the save (the "with no email" tally). */
  'emails.neverSent': (r: Report) =>
    r.emails.lost + emailJobsGivenUp(r) + r.orders.savedNeverEnqueued,
  'queue.deadLetterDepth': (r: Report) => r.queue.deadLetterDepth,
  'queue.maxLag': (r: Report) => r.queue.maxLag,
  'queue.enqueued': (r: Report) => r.queue.enqueued,
  'queue.maxDepth': (r: Report) => r.queue.maxDepth,
  'queue.visibilityExpired': (r: Report) => r.queue.visibilityExpired,
  'workers.crashes': (r: Report) => r.workers.crashes,
  /** Async: web server crashes after a save (server.crashRate). */
  'server.crashes': (r: Report) => r.server.crashes,
  /** Crashes whose email job was safe in the outbox: the customer still gets the email. */
  'server.crashesOutboxSaved': (r: Report) => r.server.crashes - r.orders.savedNeverEnqueued,
} as const satisfies Record<string, (r: Report) => number>;

export type GoalMetric = keyof typeof METRICS;

export function readMetric(r: Report, metric: GoalMetric): number {
  return METRICS[metric](r);
}
