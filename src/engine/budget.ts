/** Budgets that keep every run finite: a run too big to hold is refused before it starts, and a
 * run that stops making progress (simulated time stands still) or outgrows its budget of events
 * or orders stops, with one sentence naming the cause and the setting to change. */
import { CHECK_EVERY, MAX_LEASES_WITHOUT_PROGRESS, MAX_ORDERS } from './limits.ts';
import { policyOf } from './queue/policy.ts';
import { fifoSize } from './ring.ts';
import type { Config, TimedChange } from './settings.ts';
import type { SimState, StopReason } from './state.ts';

function count(n: number): string {
  return Math.round(n).toLocaleString('en-GB');
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** Expected orders from the traffic settings over `durationMs`, timed changes included. */
export function plannedOrders(
  config: Config,
  durationMs: number,
  changes: readonly TimedChange[] = [],
): number {
  const t = config.traffic;
  let expected: number;
  if (t.pattern === 'single') expected = 1;
  else {
    const spikeFrom = Math.min(t.spikeAtSec * 1000, durationMs);
    const spikeTo = Math.min((t.spikeAtSec + t.spikeForSec) * 1000, durationMs);
    const spikeMs = t.pattern === 'spike' ? spikeTo - spikeFrom : 0;
    // A timed rate change may raise the rate: count the highest rate for the whole run then.
    let rate = t.ratePerSec;
    let spikeRate = t.spikeRatePerSec;
    for (const c of changes) {
      if (c.key === 'traffic.rate') rate = Math.max(rate, Number(c.value) || 0);
      if (c.key === 'traffic.spikeRate') spikeRate = Math.max(spikeRate, Number(c.value) || 0);
    }
    const ms = durationMs - spikeMs;
    expected = (rate > 0 ? (rate * ms) / 1000 : 0) + (spikeRate * spikeMs) / 1000;
  }
  if (t.orders > 0) expected = Math.min(expected, t.orders);
  for (const c of changes) if (c.key === 'orders.place') expected += Number(c.value) || 0;
  return expected;
}

/** A sentence refusing a run that would plan more orders than one run may hold, or undefined. */
export function checkRunSize(
  config: Config,
  durationMs: number,
  changes: readonly TimedChange[] = [],
): string | undefined {
  const planned = plannedOrders(config, durationMs, changes);
  if (planned <= MAX_ORDERS) return undefined;
  const t = config.traffic;
  const how =
    durationMs === Infinity
      ? `traffic.rate ${t.ratePerSec}/s with no end`
      : `traffic.rate ${t.ratePerSec}/s for ${count(durationMs / 1000)} s`;
  return `this run would place about ${count(planned)} orders (${how}), more than the ${count(MAX_ORDERS)} one run may hold; lower traffic.rate, shorten the duration, or set traffic.orders`;
}

/** Why no simulated time passes: the usual cause is an email job that fails at once and is
 * retried at once. */
function stallCause(config: Config): string {
  const instantRetry = config.retry.backoff === 'none' || config.retry.baseMs === 0;
  const instant = config.flow.steps.find(
    (step) =>
      step.where === 'background' && step.latency.kind === 'constant' && step.latency.ms === 0,
  );
  if (instant && instantRetry) {
    const what = instant.id === 'email' ? 'an email call' : `a ${instant.id} job`;
    const setting = instant.id === 'email' ? 'latency.email' : `steps.${instant.id}.latency`;
    return `${what} of 0 ms that fails is retried at once, for ever; set ${setting} above 0, or retry.backoff to fixed, exponential or full-jitter with retry.base above 0`;
  }
  return 'something is repeated at once, for ever; give the 0 ms times a value above 0 (latency.*, steps.*.latency, retry.base, users.retryDelay)';
}

/** Runs every CHECK_EVERY events: stops the run when a budget is spent. True if it stopped. */
export function checkBudgets(s: SimState): boolean {
  if (s.stopped) return true;
  s.budget.checkAt = s.events + Math.min(CHECK_EVERY, Math.ceil(s.budget.maxAtOneInstant / 4));
  if (s.now !== s.budget.stallAtMs) {
    s.budget.stallAtMs = s.now;
    s.budget.stallFromEvents = s.events;
  } else if (s.events - s.budget.stallFromEvents >= s.budget.maxAtOneInstant) {
    stop(
      s,
      'no-progress',
      `the run stopped at ${seconds(s.now)}: ${count(s.events - s.budget.stallFromEvents)} events without simulated time moving (${stallCause(s.config)})`,
    );
  }
  checkLeases(s);
  const held = heldCount(s);
  if (!s.stopped && held > s.budget.maxHeld) {
    stop(
      s,
      'orders',
      `the run stopped at ${seconds(s.now)}: ${count(held)} orders and email jobs were unfinished at once, more than the ${count(s.budget.maxHeld)} one run may hold; add server.handlers or workers.count, or lower traffic.rate`,
    );
  }
  if (!s.stopped && s.events >= s.budget.maxEvents) {
    stop(
      s,
      'events',
      `the run stopped at ${seconds(s.now)}: it used its budget of ${count(s.budget.maxEvents)} events; shorten the duration, lower traffic.rate, or let failing email jobs retry less often (retry.base, queue.maxReceives, queue.deadLetter=true)`,
    );
  }
  return s.stopped !== null;
}

/** Stops a run whose jobs are handed out again and again, each call outliving its lease, while
 * none finishes: it would go on until its events ran out, for nothing. */
function checkLeases(s: SimState): void {
  const m = s.metrics;
  const finished = m.acked + m.deadLettered + m.dropped;
  if (finished !== s.budget.finishedSeen) {
    s.budget.finishedSeen = finished;
    s.budget.expiredFrom = m.visibilityExpired;
    return;
  }
  const expired = m.visibilityExpired - s.budget.expiredFrom;
  if (expired < MAX_LEASES_WITHOUT_PROGRESS) return;
  const setting = policyOf(s).lease.callSetting ?? 'the lease';
  stop(
    s,
    'no-progress',
    `the run stopped at ${seconds(s.now)}: ${count(expired)} email calls outlived their lease (${setting}) and were handed out again, with no email job finishing in between; raise ${setting} above the email call's latency (latency.email), or shorten latency.email`,
  );
}

/** Orders the server has not finished and email jobs the queue still holds (memory's measure). */
export function heldCount(s: SimState): number {
  return (
    s.server.openOrders +
    fifoSize(s.queue.visible) +
    s.kafka.backlog +
    s.queue.delayed +
    s.inflight +
    s.kafka.uncommitted +
    s.dlq.length +
    s.outbox.rows.length
  );
}

function stop(s: SimState, reason: StopReason, message: string): void {
  s.stopped = { reason, atMs: s.now, message };
  // Every loop checks again at once, and stops again.
  s.budget.checkAt = 0;
}
