/** The web server: a pool of request handlers with a FIFO wait line, the checkout's steps run one
 * after another by a handler, the page the user sees, users whose patience runs out, and users
 * who click again after an error page. */
import { enqueueEmailJob } from './broker.ts';
import { fifoPeek, fifoPush, fifoShift, fifoSize } from './ring.ts';
import type { Step } from './settings.ts';
import { callEmail, log, sampleLatency, schedule, type Order, type SimState } from './state.ts';
import { addSample, setLevel } from './stats.ts';

/** What a handler does, in order. Sync sends the email itself; async only queues a job for it. */
export const CHECKOUT_STEPS: Record<SimState['mode'], readonly Step[]> = {
  sync: ['validate', 'charge', 'save', 'email'],
  async: ['validate', 'charge', 'save', 'enqueue'],
};

/** A customer's order reaches the server. `customer` 0 is a new customer; a retry passes its own. */
export function acceptOrder(s: SimState, customer: number, attempt = 0): void {
  const id = s.nextOrderId++;
  const order: Order = {
    id,
    customer: customer || id,
    attempt,
    arrivedAt: s.now,
    stepIndex: -1,
    stepOk: true,
    charged: false,
    page: 'none',
  };
  s.orders.set(id, order);
  const c = s.customers.get(order.customer);
  if (c) c.open++;
  else s.customers.set(order.customer, { charges: 0, open: 1 });
  s.metrics.arrived++;
  log(s, { t: s.now, kind: 'orderPlaced', order: id, customer: order.customer, attempt });

  fifoPush(s.patience, id);
  if (s.sweepAt === Infinity) scheduleSweep(s);

  if (s.handlersBusy < s.config.server.handlers && fifoSize(s.handlerQueue) === 0) {
    startHandling(s, order);
  } else {
    fifoPush(s.handlerQueue, id);
    log(s, { t: s.now, kind: 'waitingForHandler', order: id, position: fifoSize(s.handlerQueue) });
  }
}

function startHandling(s: SimState, order: Order): void {
  s.handlersBusy++;
  setLevel(s.metrics.busyHandlers, s.now, s.handlersBusy);
  addSample(s.metrics.serverWait, s.now - order.arrivedAt);
  order.stepIndex = 0;
  startStep(s, order);
}

/** Hands free handlers to waiting requests, e.g. after one finished or the pool grew. */
export function fillHandlers(s: SimState): void {
  while (s.handlersBusy < s.config.server.handlers) {
    const next = fifoShift(s.handlerQueue);
    if (next === undefined) return;
    const order = s.orders.get(next);
    if (order) startHandling(s, order);
  }
}

function startStep(s: SimState, order: Order): void {
  const step = CHECKOUT_STEPS[s.mode][order.stepIndex]!;
  let latencyMs: number;
  if (step === 'email') {
    const call = callEmail(s);
    latencyMs = call.latencyMs;
    order.stepOk = call.ok;
  } else {
    latencyMs = sampleLatency(s, step);
    order.stepOk = true;
  }
  const endMs = s.now + latencyMs;
  log(s, { t: s.now, kind: 'stepStarted', order: order.id, step, endMs, ok: order.stepOk });
  schedule(s, 'stepDone', endMs, order.id);
}

export function onStepDone(s: SimState, orderId: number): void {
  const order = s.orders.get(orderId)!;
  const step = CHECKOUT_STEPS[s.mode][order.stepIndex]!;
  const m = s.metrics;
  log(s, { t: s.now, kind: 'stepFinished', order: orderId, step, ok: order.stepOk });
  switch (step) {
    case 'validate':
      break;
    case 'charge':
      chargeCard(s, order);
      break;
    case 'save':
      m.saved++;
      break;
    case 'email':
      if (order.stepOk) {
        m.emailsSent++;
        addSample(m.emailDelay, s.now - order.arrivedAt);
        log(s, { t: s.now, kind: 'emailSent', order: orderId, worker: -1, duplicate: false });
      } else {
        // Sync has nobody to try again later: this order's email is lost for good.
        m.failedAttempts++;
        m.lost++;
        log(s, { t: s.now, kind: 'emailFailed', order: orderId, worker: -1 });
        finishRequest(s, order, false);
        return;
      }
      break;
    case 'enqueue':
      enqueueEmailJob(s, order);
      break;
  }
  order.stepIndex++;
  if (order.stepIndex < CHECKOUT_STEPS[s.mode].length) startStep(s, order);
  else finishRequest(s, order, true);
}

function chargeCard(s: SimState, order: Order): void {
  const m = s.metrics;
  m.charged++;
  order.charged = true;
  if (order.page === 'error') m.chargedButSawError++;
  const c = s.customers.get(order.customer)!;
  c.charges++;
  if (c.charges === 2) {
    m.doubleCharged++;
    log(s, { t: s.now, kind: 'doubleCharge', order: order.id, customer: order.customer });
  }
}

/** The handler is done: the page goes back (if the user is still there) and the handler frees. */
function finishRequest(s: SimState, order: Order, ok: boolean): void {
  s.handlersBusy--;
  setLevel(s.metrics.busyHandlers, s.now, s.handlersBusy);
  s.orders.delete(order.id);
  if (order.page === 'none') showPage(s, order, ok, ok ? null : 'email failed');
  else {
    s.metrics.serverFinishedLate++;
    log(s, { t: s.now, kind: 'serverFinishedLate', order: order.id });
  }
  closeCustomerOrder(s, order.customer);
  fillHandlers(s);
}

function showPage(
  s: SimState,
  order: Order,
  ok: boolean,
  reason: 'email failed' | 'timeout' | null,
): void {
  const m = s.metrics;
  const responseMs = s.now - order.arrivedAt;
  order.page = ok ? 'success' : 'error';
  addSample(m.response, responseMs);
  if (ok) m.succeeded++;
  else {
    m.failed++;
    if (order.charged) m.chargedButSawError++;
  }
  log(s, { t: s.now, kind: 'pageShown', order: order.id, page: order.page, reason, responseMs });
  if (!ok && s.config.users.retryOnError && order.attempt === 0) {
    s.retriesPending++;
    s.customers.get(order.customer)!.open++;
    schedule(s, 'userRetry', s.now + s.config.users.retryDelayMs, order.customer);
  }
}

function closeCustomerOrder(s: SimState, customer: number): void {
  const c = s.customers.get(customer)!;
  if (--c.open === 0) s.customers.delete(customer);
}

export function onUserRetry(s: SimState, customer: number): void {
  s.retriesPending--;
  s.metrics.userRetries++;
  log(s, { t: s.now, kind: 'userRetry', order: s.nextOrderId, customer });
  acceptOrder(s, customer, 1);
  closeCustomerOrder(s, customer);
}

function scheduleSweep(s: SimState): void {
  const head = fifoPeek(s.patience);
  if (head === undefined) {
    s.sweepAt = Infinity;
    return;
  }
  const order = s.orders.get(head);
  s.sweepAt = order ? order.arrivedAt + s.config.server.timeoutMs : s.now;
  schedule(s, 'timeoutSweep', Math.max(s.now, s.sweepAt), 0, ++s.sweepGen);
}

/** Users give up in arrival order, so one pending timer (for the oldest waiting user) serves all:
 * no timer per request, and none left behind when a request is answered in time. */
export function onTimeoutSweep(s: SimState, gen: number): void {
  if (gen !== s.sweepGen) return;
  for (;;) {
    const head = fifoPeek(s.patience);
    if (head === undefined) break;
    const order = s.orders.get(head);
    if (!order || order.page !== 'none') {
      fifoShift(s.patience);
      continue;
    }
    if (order.arrivedAt + s.config.server.timeoutMs > s.now) break;
    fifoShift(s.patience);
    s.metrics.timedOut++;
    showPage(s, order, false, 'timeout');
  }
  scheduleSweep(s);
}

/** After the timeout setting changed: look again at the oldest waiting user. */
export function rescheduleSweep(s: SimState): void {
  scheduleSweep(s);
}
