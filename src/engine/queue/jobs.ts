/** What a worker's finished job means for its step: the email service's outcomes (sent, a
 * duplicate, deduplicated by its key, failed), a charge made in the background (a second success
 * charges the card again unless the checkout's key stops it), the order saved, or plain work
 * done. The broker's side (ack, retry) is settled afterwards in workers.ts. */
import { ROLE } from '../flow.ts';
import { log } from '../log.ts';
import type { Message, SimState, Worker } from '../state.ts';
import { addSample } from '../stats.ts';

export function jobDone(s: SimState, worker: Worker, message: Message): void {
  const step = s.server.runs[message.step]!;
  if (step.role === ROLE.email) {
    emailDone(s, worker, message);
    return;
  }
  const m = s.metrics;
  const stats = m.steps[message.step]!;
  if (s.log) {
    log(s.log, {
      t: s.now,
      kind: 'jobFinished',
      order: message.order,
      worker: worker.id,
      step: step.id,
      ok: worker.ok,
    });
  }
  if (!worker.ok) {
    stats.attemptsFailed++;
    return;
  }
  const again = message.sent;
  if (!again) {
    message.sent = true;
    addSample(stats.done, s.now - message.orderArrivedAt);
  }
  if (step.role === ROLE.charge) chargeInBackground(s, message, again);
  else if (step.role === ROLE.save && !again) m.saved++;
}

/** The charge as a job: nobody waits for it, and a job done twice charges twice. */
function chargeInBackground(s: SimState, message: Message, again: boolean): void {
  const m = s.metrics;
  if (again && s.config.checkout.idempotency) {
    m.chargesDeduplicated++;
    if (s.log) {
      const entry = { order: message.order, customer: message.order };
      log(s.log, { t: s.now, kind: 'chargeDeduplicated', ...entry });
    }
    return;
  }
  m.charged++;
  // The user had given up before the job was queued: charged after an error page.
  if (!again && !message.confirmed) m.chargedButSawError++;
  if (again) {
    m.doubleCharged++;
    if (s.log) {
      const entry = { order: message.order, customer: message.order };
      log(s.log, { t: s.now, kind: 'doubleCharge', ...entry });
    }
  }
}

function emailDone(s: SimState, worker: Worker, message: Message): void {
  const m = s.metrics;
  if (worker.ok && message.sent && s.config.email.idempotency) {
    // The email service has seen this order's key: the call succeeds and sends nothing.
    m.emailsDeduplicated++;
    if (s.log) {
      log(s.log, { t: s.now, kind: 'emailDeduplicated', order: message.order, worker: worker.id });
    }
  } else if (worker.ok) {
    m.emailsSent++;
    const duplicate = message.sent;
    if (duplicate) m.duplicates++;
    else {
      message.sent = true;
      m.emailed++;
      // The email step's done time is the email delay: one Samples (createMetrics).
      addSample(m.emailDelay, s.now - message.orderArrivedAt);
    }
    if (s.log)
      log(s.log, {
        t: s.now,
        kind: 'emailSent',
        order: message.order,
        worker: worker.id,
        duplicate,
      });
  } else {
    m.failedAttempts++;
    m.steps[message.step]!.attemptsFailed++;
    if (s.log)
      log(s.log, { t: s.now, kind: 'emailFailed', order: message.order, worker: worker.id });
  }
}
