/** Every order a run placed, one row each (customer, attempt, page, response time, email, outcome),
 * built from a lane's event log for the CSV and JSON downloads. Bounded: past `capacity` orders
 * the oldest rows are dropped and `truncated` counts them. */
import type { LogEntry, Mode, Page } from '../engine/index.ts';

type ErrorReason = Extract<LogEntry, { kind: 'pageShown' }>['reason'];

export type Outcome =
  | 'in progress'
  | 'success'
  | 'error'
  | 'timed out'
  | 'charged but saw error'
  /** The page said "confirmed", then a background step the customer needed failed for good. */
  | 'confirmed, then failed';
export type EmailStatus = 'pending' | 'sent' | 'lost' | 'dead-lettered' | 'none';

export interface OrderRow {
  order: number;
  lane: Mode;
  customer: number;
  /** 0 for a first click, 1 for the customer's try again after an error page. */
  attempt: number;
  placedAtMs: number;
  page: Page | null;
  /** Why the page was an error page, if it was. */
  reason: ErrorReason;
  pageAtMs: number | null;
  responseMs: number | null;
  charged: boolean;
  /** The first confirmation email reached the customer then. */
  emailSentAtMs: number | null;
  /** From the click to the first email. */
  emailDelayMs: number | null;
  email: EmailStatus;
  /** Emails that reached the customer, duplicates included. */
  emailsDelivered: number;
  emailAttempts: number;
  doubleCharged: boolean;
  /** The page said confirmed, then a background step it needed failed for good. */
  confirmedThenFailed: boolean;
  outcome: Outcome;
}

/** Orders kept per lane by default: 10 minutes of arrivals at 200 orders/s. */
export const ROWS_KEPT = 120_000;

export class OrderRows {
  private readonly rows = new Map<number, OrderRow>();
  /** Rows dropped because more orders were placed than the capacity holds. */
  truncated = 0;

  constructor(
    readonly lane: Mode,
    readonly capacity = ROWS_KEPT,
  ) {}

  ingest(entry: LogEntry): void {
    if (entry.kind === 'orderPlaced') {
      this.rows.set(entry.order, {
        order: entry.order,
        lane: this.lane,
        customer: entry.customer,
        attempt: entry.attempt,
        placedAtMs: entry.t,
        page: null,
        reason: null,
        pageAtMs: null,
        responseMs: null,
        charged: false,
        emailSentAtMs: null,
        emailDelayMs: null,
        email: 'pending',
        emailsDelivered: 0,
        emailAttempts: 0,
        doubleCharged: false,
        confirmedThenFailed: false,
        outcome: 'in progress',
      });
      if (this.rows.size > this.capacity) {
        this.rows.delete(this.rows.keys().next().value!);
        this.truncated++;
      }
      return;
    }
    if (!('order' in entry)) return;
    const row = this.rows.get(entry.order);
    if (!row) return;
    switch (entry.kind) {
      case 'stepFinished':
        if (entry.step === 'charge' && entry.ok) row.charged = true;
        break;
      case 'jobFinished':
        // A charge moved to the background charges the card in a worker.
        if (entry.step === 'charge' && entry.ok) row.charged = true;
        break;
      case 'confirmedThenFailed':
        row.confirmedThenFailed = true;
        break;
      case 'pageShown':
        row.page = entry.page;
        row.reason = entry.reason;
        row.pageAtMs = entry.t;
        row.responseMs = entry.responseMs;
        break;
      case 'emailCall':
        row.emailAttempts++;
        break;
      case 'emailSent':
        row.emailsDelivered++;
        if (row.emailSentAtMs === null) {
          row.emailSentAtMs = entry.t;
          row.emailDelayMs = entry.t - row.placedAtMs;
          row.email = 'sent';
        }
        break;
      case 'emailFailed':
        // In sync mode (worker -1) nobody tries again: the email is lost.
        if (entry.worker === -1 && row.email === 'pending') row.email = 'lost';
        break;
      case 'deadLettered':
        if (row.email === 'pending') row.email = 'dead-lettered';
        break;
      case 'serverCrashed':
        // The server died before queueing the job: the email is lost as surely.
        if (!entry.jobSaved && row.email === 'pending') row.email = 'lost';
        break;
      case 'doubleCharge':
        row.doubleCharged = true;
        break;
      default:
        return;
    }
    row.outcome = outcomeOf(row);
  }

  /** The rows, oldest order first. */
  list(): OrderRow[] {
    return [...this.rows.values()];
  }
}

function outcomeOf(row: OrderRow): Outcome {
  if (row.page === null) return 'in progress';
  if (row.page === 'success') return row.confirmedThenFailed ? 'confirmed, then failed' : 'success';
  if (row.charged) return 'charged but saw error';
  return row.reason === 'timeout' ? 'timed out' : 'error';
}
