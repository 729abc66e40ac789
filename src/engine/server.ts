/** The web server: a pool of request handlers with a FIFO wait line, the flow's request steps
 * run one after another by a handler, the page the user sees, users whose patience runs out, and
 * users who click again after an error page. */
import { EV } from './events.ts';
import { ROLE } from './flow.ts';
import { enqueueJobs } from './queue/index.ts';
import type { ErrorReason } from './log.ts';
import { afterSave } from './outbox.ts';
import { fifoPeek, fifoPush, fifoShift, fifoSize } from './ring.ts';
import { callStep, enqueueLatency } from './attempt.ts';
import { FIRST_STEP_LANE, schedule, scheduleRounded } from './schedule.ts';
import { log } from './log.ts';
import { newCustomer, newOrder } from './entities.ts';
import type { Order, RunStep, SimState } from './state.ts';
import { roundUs } from './time.ts';
import { addSample, setLevel } from './stats.ts';
import { recordLevel } from './timeline.ts';

/** An order reaches the server: a new customer's, or (with `retryOf`) a customer's second click. */
export function acceptOrder(s: SimState, retryOf: Order | null = null): void {
  const id = s.nextOrderId++;
  const order = newOrder(
    id,
    retryOf ? retryOf.customerId : id,
    retryOf ? retryOf.customer : null,
    retryOf ? retryOf.attempt + 1 : 0,
    s.now,
  );
  s.server.openOrders++;
  s.metrics.arrived++;
  if (s.log) {
    log(s.log, {
      t: s.now,
      kind: 'orderPlaced',
      order: id,
      customer: order.customerId,
      attempt: order.attempt,
    });
  }
  fifoPush(s.server.patience, order);
  if (s.server.sweepAt === Infinity) scheduleSweep(s);

  if (s.server.handlersBusy < s.config.server.handlers && fifoSize(s.server.handlerQueue) === 0) {
    startHandling(s, order);
  } else {
    fifoPush(s.server.handlerQueue, order);
    recordLevel(s.metrics.timeline, 'handlerQueue', s.now, fifoSize(s.server.handlerQueue));
    if (s.log) {
      log(s.log, {
        t: s.now,
        kind: 'waitingForHandler',
        order: id,
        position: fifoSize(s.server.handlerQueue),
      });
    }
  }
}

/** Busy handlers, and the capacity they count against: after the pool shrinks, the handlers
 * beyond the new size still count until their requests finish. */
export function setHandlersBusy(s: SimState, busy: number): void {
  s.server.handlersBusy = busy;
  setLevel(s.metrics.busyHandlers, s.now, busy);
  const capacity = Math.max(s.config.server.handlers, busy);
  if (capacity !== s.metrics.handlerCapacity.value)
    setLevel(s.metrics.handlerCapacity, s.now, capacity);
}

function startHandling(s: SimState, order: Order): void {
  setHandlersBusy(s, s.server.handlersBusy + 1);
  addSample(s.metrics.serverWait, s.now - order.arrivedAt);
  order.handledAt = s.now;
  order.stepIndex = 0;
  runSteps(s, order);
}

/** Hands free handlers to waiting requests, e.g. after one finished or the pool grew. */
export function fillHandlers(s: SimState): void {
  while (s.server.handlersBusy < s.config.server.handlers) {
    const next = fifoShift(s.server.handlerQueue);
    if (next === undefined) return;
    recordLevel(s.metrics.timeline, 'handlerQueue', s.now, fifoSize(s.server.handlerQueue));
    startHandling(s, next);
  }
}

/** Starts the order's current step; steps that take no time at all complete on the spot. */
function runSteps(s: SimState, order: Order): void {
  const steps = s.server.steps;
  for (;;) {
    const step = steps[order.stepIndex]!;
    let latencyMs: number;
    if (step.role === ROLE.enqueue) {
      // The enqueue is always the request's last step: with the jobs in the outbox, it is done.
      if (order.outboxed) {
        finishRequest(s, order, true, null);
        return;
      }
      latencyMs = enqueueLatency(s, step);
      order.stepOk = true;
    } else {
      latencyMs = callStep(s, step, order.id);
      order.stepOk = s.email.ok;
    }
    order.stepStart = s.now;
    order.stepEnd = roundUs(s.now + latencyMs);
    if (s.log) {
      log(s.log, {
        t: s.now,
        kind: 'stepStarted',
        order: order.id,
        step: step.id,
        endMs: order.stepEnd,
        ok: order.stepOk,
      });
    }
    if (latencyMs > 0) {
      scheduleRounded(s, EV.stepDone, order.stepEnd, order, 0, FIRST_STEP_LANE + order.stepIndex);
      return;
    }
    if (!finishStep(s, order, step)) return;
  }
}

export function onStepDone(s: SimState, order: Order): void {
  const step = s.server.steps[order.stepIndex]!;
  if (finishStep(s, order, step)) runSteps(s, order);
}

/** Completes the current step; true if the order has another step to start. */
function finishStep(s: SimState, order: Order, step: RunStep): boolean {
  const m = s.metrics;
  if (s.log)
    log(s.log, {
      t: s.now,
      kind: 'stepFinished',
      order: order.id,
      step: step.id,
      ok: order.stepOk,
    });
  if (!order.stepOk) {
    // Nobody in the request tries again: the step has failed for good, and the user sees an
    // error page. A failed email in sync is the email lost (the card charged, the order saved).
    const stats = m.steps[step.flow]!;
    stats.attemptsFailed++;
    stats.failedForGood++;
    if (step.role === ROLE.email) {
      m.failedAttempts++;
      m.lost++;
      if (s.log) log(s.log, { t: s.now, kind: 'emailFailed', order: order.id, worker: -1 });
    }
    finishRequest(s, order, false, step.role === ROLE.email ? 'email failed' : 'step failed');
    return false;
  }
  switch (step.role) {
    case ROLE.charge:
      chargeCard(s, order);
      break;
    case ROLE.save:
      m.saved++;
      if (s.mode === 'async' && !goesOnAfterSave(s, order)) return false;
      break;
    case ROLE.email:
      // Its done time, below, is the email delay: the two are one Samples (createMetrics).
      m.emailsSent++;
      m.emailed++;
      if (s.log)
        log(s.log, {
          t: s.now,
          kind: 'emailSent',
          order: order.id,
          worker: -1,
          duplicate: false,
        });
      break;
    case ROLE.enqueue:
      enqueueJobs(s, order);
      break;
  }
  if (step.flow >= 0) addSample(m.steps[step.flow]!.done, s.now - order.arrivedAt);
  order.stepIndex++;
  if (order.stepIndex < s.server.steps.length) return true;
  finishRequest(s, order, true, null);
  return false;
}

/** The dual write (outbox.ts): the job may go into the outbox with the order, and the server may
 * die before it would have queued the job. False if the request ended there. Kept out of
 * finishStep, which runs for every step of every order, so that its body stays small. */
function goesOnAfterSave(s: SimState, order: Order): boolean {
  const next = afterSave(s, order);
  if (next === 'crashed') {
    finishRequest(s, order, false, 'server crashed');
    return false;
  }
  if (next === 'outboxed') order.outboxed = true; // the relay queues the jobs, not the request
  return true;
}

function chargeCard(s: SimState, order: Order): void {
  const m = s.metrics;
  const customer = order.customer;
  if (customer && customer.charges > 0 && s.config.checkout.idempotency) {
    // The payment service knows this checkout's key: it answers with the charge already made.
    order.charged = true;
    m.chargesDeduplicated++;
    if (s.log)
      log(s.log, { t: s.now, kind: 'chargeDeduplicated', order: order.id, customer: customer.id });
    return;
  }
  m.charged++;
  order.charged = true;
  if (order.page === 'error') m.chargedButSawError++;
  if (customer && ++customer.charges === 2) {
    m.doubleCharged++;
    if (s.log)
      log(s.log, { t: s.now, kind: 'doubleCharge', order: order.id, customer: customer.id });
  }
}

/** The handler is done: the page goes back (if the user is still there) and the handler frees. A
 * server that crashed frees its handler too (restarted, or another instance), but has not
 * finished late: it never finished. */
function finishRequest(s: SimState, order: Order, ok: boolean, reason: ErrorReason | null): void {
  setHandlersBusy(s, s.server.handlersBusy - 1);
  s.server.openOrders--;
  order.done = true;
  if (order.page === 'none') showPage(s, order, ok, reason);
  else if (reason !== 'server crashed') {
    s.metrics.serverFinishedLate++;
    if (s.log) log(s.log, { t: s.now, kind: 'serverFinishedLate', order: order.id });
  }
  fillHandlers(s);
}

function showPage(s: SimState, order: Order, ok: boolean, reason: ErrorReason | null): void {
  const m = s.metrics;
  const responseMs = roundUs(s.now - order.arrivedAt);
  order.page = ok ? 'success' : 'error';
  releaseAnswered(s);
  addSample(m.response, responseMs);
  if (ok) m.succeeded++;
  else {
    m.failed++;
    if (order.charged) m.chargedButSawError++;
  }
  if (s.log) {
    log(s.log, {
      t: s.now,
      kind: 'pageShown',
      order: order.id,
      page: order.page,
      reason,
      responseMs,
    });
  }
  if (!ok && s.config.users.retryOnError && order.attempt === 0) {
    s.server.retriesPending++;
    order.customer = newCustomer(order.customerId, order.charged ? 1 : 0);
    schedule(s, EV.userRetry, s.now + s.config.users.retryDelayMs, order);
  }
}

/** The customer clicks "place order" again, `retryDelay` after their error page. */
export function onUserRetry(s: SimState, first: Order): void {
  s.server.retriesPending--;
  s.metrics.userRetries++;
  if (s.log)
    log(s.log, { t: s.now, kind: 'userRetry', order: s.nextOrderId, customer: first.customerId });
  acceptOrder(s, first);
}

/** Drops users who have their page from the front of the patience line at once. The sweep would
 * skip them anyway (so nothing it decides changes), but left there for the whole timeout they
 * would outlive the collector's young generation and cost it work for nothing. */
function releaseAnswered(s: SimState): void {
  const patience = s.server.patience;
  for (;;) {
    const head = fifoPeek(patience);
    if (head === undefined || head.page === 'none') return;
    fifoShift(patience);
  }
}

/** When the user gives up, on the same microsecond grid as every scheduled time (comparing the
 * raw sum against a rounded clock could reschedule the sweep at the same moment for ever). */
function deadline(s: SimState, order: Order): number {
  return roundUs(order.arrivedAt + s.config.server.timeoutMs);
}

function scheduleSweep(s: SimState): void {
  const head = fifoPeek(s.server.patience);
  if (head === undefined) {
    s.server.sweepAt = Infinity;
    return;
  }
  s.server.sweepAt = Math.max(s.now, deadline(s, head));
  schedule(s, EV.timeoutSweep, s.server.sweepAt, null, ++s.server.sweepGen);
}

/** Users give up in arrival order, so one pending timer (for the oldest waiting user) serves all:
 * no timer per request, and none left behind when a request is answered in time. */
export function onTimeoutSweep(s: SimState, gen: number): void {
  if (gen !== s.server.sweepGen) return;
  for (;;) {
    const head = fifoPeek(s.server.patience);
    if (head === undefined) break;
    if (head.page !== 'none') {
      fifoShift(s.server.patience);
      continue;
    }
    if (deadline(s, head) > s.now) break;
    fifoShift(s.server.patience);
    s.metrics.timedOut++;
    showPage(s, head, false, 'timeout');
  }
  scheduleSweep(s);
}

/** After the timeout setting changed: look again at the oldest waiting user. */
export function rescheduleSweep(s: SimState): void {
  scheduleSweep(s);
}
