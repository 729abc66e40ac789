/** One order's timeline, derived from its log entries: the server's steps, the waits in line and
 * in the queue, every email attempt, backoffs, crashes, dead-lettering and the page the customer
 * saw, as rows that a waterfall chart draws top to bottom. */
import type { Flow, LogEntry, Page, Step } from '../engine/index.ts';
import { formatTime } from '../format/index.ts';

export type RowKind =
  | 'handlerWait'
  | Step
  | 'queueWait'
  | 'emailAttempt'
  | 'backoff'
  | 'page'
  | 'emailDelivered'
  | 'crash'
  | 'leaseExpired'
  | 'lateAck'
  | 'deadLetter'
  | 'doubleCharge'
  | 'serverLate';

/** 'running' means not finished yet; instants (marks) are 'info', 'ok' or 'failed'. */
export type RowStatus = 'running' | 'ok' | 'failed' | 'crashed' | 'duplicate' | 'info';

/** The outcome a span's label ends with (" — failed"). */
export type RowNote = 'failed' | 'done' | 'crashed' | 'sent' | 'sentAgain';

/** A row's words, for the page to say in the language on: the catalog's `waterfall.row.<id>`
 * with `values`, then `waterfall.note.<note>`. The id `step` is a step of a flow other than the
 * checkout, which the catalog names `flowStep.<flow>.<step>` (its English `label` otherwise). */
export interface RowWords {
  id: string;
  values?: Record<string, string | number>;
  note?: RowNote;
}

const NOTE_WORDS: Record<RowNote, string> = {
  failed: 'failed',
  done: 'done',
  crashed: 'worker crashed',
  sent: 'sent',
  sentAgain: 'sent again (duplicate)',
};

export interface TraceRow {
  kind: RowKind;
  /** What the row shows, with its outcome in words (colour is never the only signal). */
  label: string;
  /** The same, structured, for a page in another language than English. */
  words: RowWords;
  startMs: number;
  /** null while still in progress; equal to startMs for an instant. */
  endMs: number | null;
  /** A moment (a mark) rather than a span (a bar). */
  instant: boolean;
  status: RowStatus;
  /** Which part of the system the row happens in. */
  where: 'server' | 'queue' | 'worker' | 'customer';
}

export interface OrderTrace {
  order: number;
  customer: number;
  /** 0 for a first click, 1 for a customer's second try after an error page. */
  attempt: number;
  /** When the order was placed, or when it was first seen if its placement was not logged. */
  placedAtMs: number;
  /** False when the entries start after the order was placed (the log had dropped them). */
  complete: boolean;
  rows: TraceRow[];
  page: { page: Page; atMs: number; responseMs: number } | null;
  /** When the first confirmation email went out, if it has. */
  emailAtMs: number | null;
  charged: boolean;
  /** Whether the order's flow sends an email (a login sends none): the summary says nothing of
   * one when not. */
  sendsEmail: boolean;
  /** A one-sentence summary for screen readers and captions. */
  summary: string;
}

const STEP_LABEL: Record<Step, string> = {
  validate: 'Check payment details',
  charge: 'Charge card',
  save: 'Save order',
  enqueue: 'Put email job on the queue',
  email: 'Send email (customer waits)',
};

/** Why an error page showed: in the timeline's English ("the customer gave up") and as the
 * catalogs' short key for the page's messages (`timeout`), one table for both. */
type ErrorReason = NonNullable<Extract<LogEntry, { kind: 'pageShown' }>['reason']>;

export const ERROR_REASONS: Readonly<Record<ErrorReason, { key: string; why: string }>> = {
  timeout: { key: 'timeout', why: 'the customer gave up' },
  'email failed': { key: 'email', why: 'the email failed' },
  'server crashed': { key: 'crashed', why: 'the web server crashed' },
  'step failed': { key: 'step', why: 'a step failed' },
};

function bar(
  kind: RowKind,
  label: string,
  words: RowWords,
  startMs: number,
  where: TraceRow['where'],
): TraceRow {
  return { kind, label, words, startMs, endMs: null, instant: false, status: 'running', where };
}

function mark(
  kind: RowKind,
  label: string,
  words: RowWords,
  atMs: number,
  status: RowStatus,
  where: TraceRow['where'],
): TraceRow {
  return { kind, label, words, startMs: atMs, endMs: atMs, instant: true, status, where };
}

function close(row: TraceRow | null, atMs: number, status: RowStatus, note?: RowNote): void {
  if (!row || row.endMs !== null) return;
  row.endMs = atMs;
  row.status = status;
  if (note) {
    row.label += ` — ${NOTE_WORDS[note]}`;
    row.words = { ...row.words, note };
  }
}

/** The words a flow other than the checkout gives its rows: its steps' own labels, and jobs
 * named by their step once they finish (a delivery does not say which step its job is for). A
 * flow with no email step says nothing of emails. */
interface FlowWords {
  id: string;
  step: (id: string) => string;
  jobs: number;
  enqueue: string;
  email: boolean;
}

function flowWords(flow: Flow | undefined): FlowWords | null {
  if (!flow || flow.id === 'checkout') return null;
  const jobs = flow.steps.filter((s) => s.where === 'background').length;
  return {
    id: flow.id,
    step: (id) => flow.steps.find((s) => s.id === id)?.label ?? id,
    jobs,
    enqueue: jobs === 1 ? 'Put the job on the queue' : `Put ${jobs} jobs on the queue`,
    email: flow.steps.some((s) => s.id === 'email'),
  };
}

/** A server step's words: the checkout's own (`validate`, …), a count of jobs put on the queue,
 * or a step of another flow by its flow and id, with its English label. */
function stepWords(words: FlowWords | null, step: string): RowWords {
  if (!words) {
    return step in STEP_LABEL
      ? { id: step }
      : { id: 'step', values: { flow: '', step, label: step } };
  }
  if (step === 'enqueue') return { id: 'jobs', values: { jobs: words.jobs } };
  return { id: 'step', values: { flow: words.id, step, label: words.step(step) } };
}

/** One of the recent orders' timeline, freshly built from what a collector (or a lane) keeps of
 * it; null if it is not kept. */
export function orderTrace(
  log: { orderEntries(order: number): readonly LogEntry[] | null },
  order: number,
  flow?: Flow,
): OrderTrace | null {
  const entries = log.orderEntries(order);
  return entries ? buildTrace(order, entries, flow) : null;
}

/** Builds the timeline of `order` from its entries, oldest first, in the words of its flow (the
 * checkout's when absent). */
export function buildTrace(order: number, entries: readonly LogEntry[], flow?: Flow): OrderTrace {
  const words = flowWords(flow);
  const trace: OrderTrace = {
    order,
    customer: order,
    attempt: 0,
    placedAtMs: entries[0]?.t ?? 0,
    complete: false,
    rows: [],
    page: null,
    emailAtMs: null,
    charged: false,
    sendsEmail: words?.email ?? true,
    summary: '',
  };
  const rows = trace.rows;
  let step: TraceRow | null = null;
  let handlerWait: TraceRow | null = null;
  let queueWait: TraceRow | null = null;
  // Attempts can overlap (a lease runs out while the first worker is still sending), so each
  // worker's attempt is closed by that worker's own outcome.
  const attempts = new Map<number, TraceRow>();

  for (const e of entries) {
    switch (e.kind) {
      case 'orderPlaced':
        trace.customer = e.customer;
        trace.attempt = e.attempt;
        trace.placedAtMs = e.t;
        trace.complete = true;
        break;
      case 'waitingForHandler':
        handlerWait = bar(
          'handlerWait',
          'Wait for a server handler',
          { id: 'handlerWait' },
          e.t,
          'server',
        );
        rows.push(handlerWait);
        break;
      case 'stepStarted':
        close(handlerWait, e.t, 'ok');
        step = bar(
          e.step as Step,
          words
            ? e.step === 'enqueue'
              ? words.enqueue
              : words.step(e.step)
            : (STEP_LABEL[e.step as Step] ?? e.step),
          stepWords(words, e.step),
          e.t,
          'server',
        );
        rows.push(step);
        break;
      case 'stepFinished':
        close(step, e.t, e.ok ? 'ok' : 'failed', e.ok ? undefined : 'failed');
        if (e.step === 'charge') trace.charged = true;
        break;
      case 'pageShown': {
        trace.page = { page: e.page, atMs: e.t, responseMs: e.responseMs };
        const what = e.page === 'success' ? 'Success page shown' : 'Error page shown';
        const why = e.reason ? ` (${ERROR_REASONS[e.reason].why})` : '';
        const ok = e.page === 'success';
        const reason = e.reason ? ERROR_REASONS[e.reason].key : 'none';
        const pageWords = { id: 'page', values: { page: e.page, reason } };
        rows.push(mark('page', `${what}${why}`, pageWords, e.t, ok ? 'ok' : 'failed', 'customer'));
        break;
      }
      case 'serverFinishedLate':
        rows.push(
          mark(
            'serverLate',
            'Server finished after the customer left',
            { id: 'serverLate' },
            e.t,
            'info',
            'server',
          ),
        );
        break;
      case 'doubleCharge':
        rows.push(
          mark(
            'doubleCharge',
            'Customer charged a second time',
            { id: 'doubleCharge' },
            e.t,
            'failed',
            'customer',
          ),
        );
        break;
      case 'messageQueued':
        queueWait = bar('queueWait', 'Wait in the queue', { id: 'queueWait' }, e.t, 'queue');
        rows.push(queueWait);
        break;
      case 'messageReceived': {
        close(queueWait, e.t, 'ok');
        const label = `${words ? 'Job' : 'Email'} attempt ${e.receive} · worker ${e.worker}`;
        const attemptWords = {
          id: 'attempt',
          values: {
            job: words ? 'job' : 'email',
            receive: String(e.receive),
            worker: String(e.worker),
          },
        };
        const attempt = bar('emailAttempt', label, attemptWords, e.t, 'worker');
        attempts.set(e.worker, attempt);
        rows.push(attempt);
        break;
      }
      case 'emailSent':
        if (trace.emailAtMs === null) trace.emailAtMs = e.t;
        if (e.worker >= 0) {
          close(
            attempts.get(e.worker) ?? null,
            e.t,
            e.duplicate ? 'duplicate' : 'ok',
            e.duplicate ? 'sentAgain' : 'sent',
          );
        }
        rows.push(
          mark(
            'emailDelivered',
            e.duplicate ? 'Duplicate email reaches the customer' : 'Email reaches the customer',
            { id: 'emailDelivered', values: { duplicate: e.duplicate ? 'yes' : 'no' } },
            e.t,
            e.duplicate ? 'failed' : 'ok',
            'customer',
          ),
        );
        break;
      case 'emailFailed':
        if (e.worker >= 0) close(attempts.get(e.worker) ?? null, e.t, 'failed', 'failed');
        break;
      case 'jobFinished': {
        const attempt = attempts.get(e.worker) ?? null;
        if (attempt && attempt.endMs === null && words) {
          attempt.label = attempt.label.replace(/^Job/, `${words.step(e.step)}:`);
          attempt.words = {
            ...attempt.words,
            id: 'stepAttempt',
            values: { ...attempt.words.values, ...stepWords(words, e.step).values },
          };
        }
        close(attempt, e.t, e.ok ? 'ok' : 'failed', e.ok ? 'done' : 'failed');
        break;
      }
      case 'messageRetryLater':
        rows.push({
          ...bar(
            'backoff',
            `Back off until ${formatTime(e.visibleAtMs)}`,
            { id: 'backoff', values: { untilMs: e.visibleAtMs } },
            e.t,
            'queue',
          ),
          endMs: e.visibleAtMs,
          status: 'info',
        });
        break;
      case 'workerCrashed':
        close(attempts.get(e.worker) ?? null, e.t, 'crashed', 'crashed');
        rows.push(
          mark(
            'crash',
            e.afterSend
              ? `Worker ${e.worker} crashed after sending, before acknowledging`
              : `Worker ${e.worker} crashed mid-send`,
            {
              id: 'crash',
              values: { worker: String(e.worker), afterSend: e.afterSend ? 'yes' : 'no' },
            },
            e.t,
            'failed',
            'worker',
          ),
        );
        break;
      case 'visibilityExpired':
        rows.push(
          mark(
            'leaseExpired',
            'Lease ran out: the queue offers the job again',
            { id: 'leaseExpired' },
            e.t,
            'info',
            'queue',
          ),
        );
        break;
      case 'lateAck':
        rows.push(
          mark(
            'lateAck',
            `Worker ${e.worker} acknowledged too late`,
            { id: 'lateAck', values: { worker: String(e.worker) } },
            e.t,
            'info',
            'worker',
          ),
        );
        break;
      case 'deadLettered':
        rows.push(
          mark(
            'deadLetter',
            'Moved to the dead-letter queue',
            { id: 'deadLetter' },
            e.t,
            'failed',
            'queue',
          ),
        );
        break;
      default:
        // Acks, email calls and global events add nothing to one order's timeline.
        break;
    }
  }
  trace.summary = summarize(trace);
  return trace;
}

function summarize(t: OrderTrace): string {
  const parts = [
    `Order ${t.order}${t.attempt > 0 ? ` (customer ${t.customer}'s second try)` : ''}`,
  ];
  parts.push(`placed at ${formatTime(t.placedAtMs)}`);
  if (t.page) {
    const what = t.page.page === 'success' ? 'success page' : 'error page';
    parts.push(`${what} after ${formatTime(t.page.responseMs)}`);
  } else parts.push('no page shown yet');
  // A login sends no email: nothing to say of one.
  if (t.sendsEmail) parts.push(EMAIL_WORDS[emailState(t)](t));
  if (t.page?.page === 'error' && t.charged) parts.push('the card was charged');
  return `${parts.join(', ')}.`;
}

/** Where the order's email stands, as its summary tells it. */
export type EmailState = 'sent' | 'deadLettered' | 'failed' | 'notYet';

export function emailState(t: OrderTrace): EmailState {
  if (t.emailAtMs !== null) return 'sent';
  if (t.rows.some((r) => r.kind === 'deadLetter')) return 'deadLettered';
  // In sync the email is a step of the request: once it fails nobody tries it again.
  if (t.rows.some((r) => r.kind === 'email' && r.status === 'failed')) return 'failed';
  return 'notYet';
}

const EMAIL_WORDS: Record<EmailState, (t: OrderTrace) => string> = {
  sent: (t) => `email sent ${formatTime((t.emailAtMs ?? 0) - t.placedAtMs)} after the order`,
  deadLettered: () => 'email dead-lettered',
  failed: () => 'the email failed and is never sent',
  notYet: () => 'no email sent yet',
};
