/** Plain sentences for the event log: one short sentence for each log entry worth telling, and
 * silence for the entries whose news another entry at the same moment already tells. */
import type { LogEntry, LogKind } from '../engine/index.ts';
import { formatTime, plural } from '../format/index.ts';
import type { EventLine } from './laneAnalysis.ts';
import { tells, type Tone, type ToldEvent } from './told.ts';

export { tells, type Tone };

/** Kinds that are never told, and why: a test checks that every other kind is. */
export const UNTOLD: Partial<Record<LogKind, string>> = {
  emailCall:
    'a worker starting the call is told by messageReceived; its outcome by emailSent or emailFailed',
  userRetry: 'the new order is told by orderPlaced, which says it is a second try',
};

const STEP_DONE = {
  validate: 'payment details checked',
  charge: 'card charged',
  save: 'order saved in the database',
} as const;

/** Sentences already written, by entry: entries are never changed, so each is narrated once,
 * however often the log is drawn. */
const lines = new WeakMap<LogEntry, EventLine>();

/** A told entry as the event log shows it: its moment, sentence and tone. */
export function eventLine(event: ToldEvent): EventLine {
  let line = lines.get(event.entry);
  if (!line) {
    const { entry } = event;
    line = { id: event.id, tMs: entry.t, text: narrate(entry) ?? '', tone: toneOf(entry) };
    lines.set(entry, line);
  }
  return line.id === event.id ? line : { ...line, id: event.id };
}

/** A sentence for the entry, or null when `tells` says it is not told. */
export function narrate(entry: LogEntry): string | null {
  if (!tells(entry)) return null;
  switch (entry.kind) {
    case 'orderPlaced':
      return entry.attempt === 0
        ? `Order ${entry.order} placed`
        : `Order ${entry.order} placed: customer ${entry.customer} tries again after an error page`;
    case 'waitingForHandler':
      return `Order ${entry.order} waits for a free server handler (number ${entry.position} in line)`;
    case 'stepStarted':
      return `Order ${entry.order}: the server calls the email service while the customer waits`;
    case 'stepFinished':
      return entry.step in STEP_DONE
        ? `Order ${entry.order}: ${STEP_DONE[entry.step as keyof typeof STEP_DONE]}`
        : null;
    case 'pageShown':
      return pageSentence(entry);
    case 'serverFinishedLate':
      return `Order ${entry.order}: the server finished after the customer had already left`;
    case 'serverCrashed':
      return entry.jobSaved
        ? `Order ${entry.order}: the web server crashed after saving it; its email job is safe in the outbox`
        : `Order ${entry.order}: the web server crashed after saving it and before queueing its email job, so that customer never gets the email`;
    case 'outboxRelayed':
      return `The outbox relay moved ${plural(entry.rows, 'email job')} to the queue`;
    case 'chargeDeduplicated':
      return `Order ${entry.order}: the payment service recognised customer ${entry.customer}'s checkout and did not charge again`;
    case 'emailDeduplicated':
      return `Worker ${entry.worker} tried order ${entry.order}'s email again; the email service recognised its key and sent nothing`;
    case 'redriven':
      return `Order ${entry.order}'s email job left the dead-letter queue for another try`;
    case 'doubleCharge':
      return `Customer ${entry.customer} has now been charged twice (order ${entry.order})`;
    case 'messageQueued':
      return `Order ${entry.order}'s email job joined the queue (${plural(entry.depth, 'job')} waiting)`;
    case 'messageReceived':
      return entry.receive === 1
        ? `Worker ${entry.worker} picked up order ${entry.order}'s email job`
        : `Worker ${entry.worker} picked up order ${entry.order}'s email job (delivery ${entry.receive})`;
    case 'emailSent':
      if (entry.worker < 0) return `Order ${entry.order}'s confirmation email was sent`;
      return entry.duplicate
        ? `Worker ${entry.worker} sent order ${entry.order}'s email again: the customer gets a duplicate`
        : `Worker ${entry.worker} sent order ${entry.order}'s confirmation email`;
    case 'emailFailed':
      return entry.worker < 0
        ? `Order ${entry.order}'s email failed, and nobody will try it again`
        : `Worker ${entry.worker} could not send order ${entry.order}'s email`;
    case 'messageAcked':
      return `Worker ${entry.worker} finished order ${entry.order}'s job and told the broker it is done`;
    case 'lateAck':
      return `Worker ${entry.worker} finished order ${entry.order}'s job after its lease ran out; the queue had already handed it out again`;
    case 'messageRetryLater':
      return `Order ${entry.order}'s email failed; it will be tried again at ${formatTime(entry.visibleAtMs)}`;
    case 'visibilityExpired':
      return `Nobody acknowledged order ${entry.order}'s job in time, so the queue offers it again`;
    case 'deadLettered':
      return `Order ${entry.order}'s email job failed too often and went to the dead-letter queue`;
    case 'messageDropped':
      return `Order ${entry.order}'s email job reached the delivery limit (${entry.receive}) with no dead-letter exchange, so the broker dropped it: that customer never gets the email`;
    case 'offsetCommitted':
      return `Partition ${entry.partition}: offset ${entry.offset} committed (${plural(entry.records, 'record')} done for good)`;
    case 'partitionRewound':
      return `Partition ${entry.partition} goes back to offset ${entry.offset}: ${plural(entry.records, 'processed record')} will be read again`;
    case 'workerCrashed':
      return entry.afterSend
        ? `Worker ${entry.worker} crashed after sending order ${entry.order}'s email but before acknowledging it`
        : `Worker ${entry.worker} crashed while sending order ${entry.order}'s email`;
    case 'workerRestarted':
      return `Worker ${entry.worker} restarted and is ready for work`;
    case 'jobFinished':
      return `Worker ${entry.worker}: order ${entry.order}'s ${entry.step} job failed`;
    case 'confirmedThenFailed':
      return `Order ${entry.order} was confirmed, then its ${entry.step} step failed for good: the customer is sent an apology`;
    case 'emailService':
      return entry.down ? 'The email service went down' : 'The email service is back up';
    case 'settingChanged':
      return entry.key === 'orders.place'
        ? `${entry.value} orders placed at once`
        : `Setting changed: ${entry.key} = ${entry.value}`;
    case 'emailCall':
    case 'userRetry':
      return null;
  }
}

function pageSentence(entry: Extract<LogEntry, { kind: 'pageShown' }>): string {
  const after = formatTime(entry.responseMs);
  if (entry.page === 'success')
    return `Order ${entry.order}: the customer saw the success page after ${after}`;
  if (entry.reason === 'timeout')
    return `Order ${entry.order}: the customer gave up after ${after} and saw an error page`;
  if (entry.reason === 'server crashed')
    return `Order ${entry.order}: the customer saw an error page after ${after} because the web server crashed, although the card was charged and the order saved`;
  if (entry.reason === 'step failed')
    return `Order ${entry.order}: the customer saw an error page after ${after} because a step failed`;
  return `Order ${entry.order}: the customer saw an error page after ${after} because the email failed, although the card was charged`;
}

/** Whether the entry is good news, bad news or neither, for an icon beside the sentence. */
export function toneOf(entry: LogEntry): Tone {
  switch (entry.kind) {
    case 'pageShown':
      return entry.page === 'success' ? 'good' : 'bad';
    case 'emailSent':
      return entry.duplicate ? 'bad' : 'good';
    case 'emailService':
      return entry.down ? 'bad' : 'good';
    case 'stepFinished':
    case 'jobFinished':
      return entry.ok ? 'info' : 'bad';
    case 'confirmedThenFailed':
      return 'bad';
    case 'messageAcked':
    case 'workerRestarted':
    case 'chargeDeduplicated':
    case 'emailDeduplicated':
      return 'good';
    case 'serverFinishedLate':
    case 'serverCrashed':
    case 'doubleCharge':
    case 'emailFailed':
    case 'lateAck':
    case 'messageRetryLater':
    case 'visibilityExpired':
    case 'deadLettered':
    case 'workerCrashed':
    case 'messageDropped':
    case 'partitionRewound':
      return 'bad';
    default:
      return 'info';
  }
}
