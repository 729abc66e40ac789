/** The event log the UI reads: every hop a request or message makes and every change of state,
 * as plain records, kept in a ring of bounded size and read incrementally with a cursor. */

/** The places a token can be, as the diagram draws them. */
export type Place =
  'customer' | 'server' | 'payment' | 'database' | 'queue' | 'worker' | 'email' | 'dlq';

export type Page = 'success' | 'error';
/** Why a page was an error: the email (sync) failed, another step in the request failed, the
 * user gave up waiting, or the web server died after saving the order (outbox.ts). */
export type ErrorReason = 'email failed' | 'step failed' | 'timeout' | 'server crashed';

export type LogEntry =
  | { t: number; kind: 'orderPlaced'; order: number; customer: number; attempt: number }
  | { t: number; kind: 'waitingForHandler'; order: number; position: number }
  /** `step`: the flow step's id, or 'enqueue' (the checkout's: validate, charge, save, email). */
  | { t: number; kind: 'stepStarted'; order: number; step: string; endMs: number; ok: boolean }
  | { t: number; kind: 'stepFinished'; order: number; step: string; ok: boolean }
  | {
      t: number;
      kind: 'pageShown';
      order: number;
      page: Page;
      reason: ErrorReason | null;
      responseMs: number;
    }
  | { t: number; kind: 'serverFinishedLate'; order: number }
  /** The web server died after saving the order, before queueing its email job; `jobSaved`: the
   * job was written to the outbox with the order, so the email still goes out. */
  | { t: number; kind: 'serverCrashed'; order: number; jobSaved: boolean }
  /** The outbox relay moved `rows` email jobs from the outbox table to the queue. */
  | { t: number; kind: 'outboxRelayed'; rows: number }
  | { t: number; kind: 'doubleCharge'; order: number; customer: number }
  | { t: number; kind: 'chargeDeduplicated'; order: number; customer: number }
  | { t: number; kind: 'userRetry'; order: number; customer: number }
  | { t: number; kind: 'messageQueued'; message: number; order: number; depth: number }
  | {
      t: number;
      kind: 'messageReceived';
      message: number;
      order: number;
      worker: number;
      receive: number;
      /** Failed deliveries before this one, as RabbitMQ's x-delivery-count header says (RabbitMQ
       * only; Redis's times-delivered is `receive`). */
      deliveryCount?: number;
    }
  | {
      t: number;
      kind: 'emailCall';
      message: number;
      order: number;
      worker: number;
      endMs: number;
      ok: boolean;
    }
  | { t: number; kind: 'emailSent'; order: number; worker: number; duplicate: boolean }
  /** A worker finished a job for a step other than the email (which logs emailCall, emailSent,
   * emailFailed): `ok` says whether the attempt worked. */
  | { t: number; kind: 'jobFinished'; order: number; worker: number; step: string; ok: boolean }
  /** The page said "confirmed", then a background step the customer needed failed for good: the
   * order failed after all, and its customer is sent an apology. */
  | { t: number; kind: 'confirmedThenFailed'; order: number; step: string }
  | { t: number; kind: 'emailFailed'; order: number; worker: number }
  | { t: number; kind: 'messageAcked'; message: number; order: number; worker: number }
  | { t: number; kind: 'lateAck'; message: number; order: number; worker: number }
  | { t: number; kind: 'messageRetryLater'; message: number; order: number; visibleAtMs: number }
  | { t: number; kind: 'visibilityExpired'; message: number; order: number }
  /** `step`: the flow step the job was for (the charge's job is not the email's). */
  | { t: number; kind: 'deadLettered'; message: number; order: number; step: string }
  | { t: number; kind: 'redriven'; message: number; order: number }
  | { t: number; kind: 'messageDropped'; message: number; order: number; receive: number }
  | { t: number; kind: 'offsetCommitted'; partition: number; offset: number; records: number }
  | { t: number; kind: 'partitionRewound'; partition: number; offset: number; records: number }
  | { t: number; kind: 'emailDeduplicated'; order: number; worker: number }
  | { t: number; kind: 'workerCrashed'; worker: number; order: number; afterSend: boolean }
  | { t: number; kind: 'workerRestarted'; worker: number }
  | { t: number; kind: 'emailService'; down: boolean }
  | { t: number; kind: 'settingChanged'; key: string; value: string };

export type LogKind = LogEntry['kind'];

export interface EventLog {
  capacity: number;
  entries: LogEntry[];
  /** How many entries were ever written; entry n lives at entries[n % capacity]. */
  written: number;
}

export function createLog(capacity: number): EventLog {
  return { capacity, entries: [], written: 0 };
}

/** Writes to the event log. Callers write `if (s.log) log(s.log, …)`: runs without a log do not
 * even build the entries, and the type of the first argument makes the check necessary. */
export function log(into: EventLog, entry: LogEntry): void {
  if (into.entries.length < into.capacity) into.entries.push(entry);
  else into.entries[into.written % into.capacity] = entry;
  into.written++;
}

export interface LogPage {
  entries: LogEntry[];
  /** Pass this cursor to the next read. */
  next: number;
  /** Entries written since the cursor that the ring no longer holds. */
  dropped: number;
}

/** Everything written since `cursor` (0 for the start) that the ring still holds, oldest first. */
export function readLog(log: EventLog, cursor: number): LogPage {
  const oldest = Math.max(0, log.written - log.entries.length);
  const from = Math.max(cursor, oldest);
  const entries: LogEntry[] = [];
  for (let n = from; n < log.written; n++) entries.push(log.entries[n % log.capacity]!);
  return { entries, next: log.written, dropped: from - Math.min(cursor, from) };
}
