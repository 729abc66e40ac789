// The dual write (a web server that dies between saving an order and queueing its email job) and
// the transactional outbox that makes that crash lose nothing: ledgers, a trace, the relay's
// delay against theory, checkpoints with rows waiting, and bad values.
import { describe, expect, it } from 'vitest';
import { graphDifference } from './support/sameGraph.ts';
import { trace } from './support/trace.ts';
import {
  applySetting,
  buildConfig,
  defaultConfig,
  parseFlow,
  report,
  Simulation,
  type Mode,
  type SettingValue,
} from '../../src/engine/index.ts';

const DRAIN_MS = 600_000;

function sim(
  settings: Record<string, SettingValue>,
  options: { mode?: Mode; durationMs?: number; seed?: number; logCapacity?: number } = {},
): Simulation {
  return new Simulation({
    config: buildConfig(settings),
    mode: options.mode ?? 'async',
    seed: options.seed ?? 11,
    durationMs: options.durationMs ?? 60_000,
    logCapacity: options.logCapacity ?? 0,
  });
}

/** A minute of steady orders, run until every order and email job is done. */
function drained(settings: Record<string, SettingValue>, mode: Mode = 'async') {
  const s = sim({ 'traffic.pattern': 'steady', 'traffic.rate': 5, ...settings }, { mode });
  expect(s.runToSettle(60_000 + DRAIN_MS)).toBe(true);
  return report(s.state, 'test');
}

describe('when the web server may die between saving an order and queueing its email job', () => {
  const r = drained({ 'server.crashRate': 0.2 });

  it('counts saved orders whose job was never queued, and those customers get no email', () => {
    expect(r.orders.saved).toBeGreaterThan(200);
    expect(r.orders.savedNeverEnqueued).toBeGreaterThan(0);
    expect(r.orders.emailed).toBeLessThan(r.orders.saved);
    // Nothing else fails here: every customer without an email is one the crash left out.
    expect(r.orders.notEmailed).toBe(r.orders.savedNeverEnqueued);
    expect(r.queue.enqueued).toBe(r.orders.saved - r.orders.savedNeverEnqueued);
    expect(r.emails.pending).toBe(0);
  });

  it('shows those customers an error page although they were charged, and frees the handler', () => {
    expect(r.server.crashes).toBe(r.orders.savedNeverEnqueued);
    expect(r.orders.failed).toBe(r.server.crashes);
    expect(r.orders.chargedButSawError).toBe(r.server.crashes);
    expect(r.orders.succeeded + r.orders.failed).toBe(r.orders.arrived);
    expect(r.unfinished.orders).toBe(0);
  });

  it('crashes about as often as the rate says (a 99.9 % binomial interval)', () => {
    const p = 0.2;
    const n = r.orders.saved;
    const halfWidth = 3.29 * Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(r.server.crashes / n - p)).toBeLessThan(halfWidth);
  });

  it('keeps one seed’s crashes with the same orders when the rate rises', () => {
    const crashed = (rate: number) => {
      const s = sim(
        { 'traffic.pattern': 'steady', 'traffic.rate': 5, 'server.crashRate': rate },
        { logCapacity: 100_000, durationMs: 20_000 },
      );
      s.runToSettle(20_000 + DRAIN_MS);
      return new Set(trace(s, ['serverCrashed']).map(([, , order]) => order));
    };
    const low = crashed(0.1);
    const high = crashed(0.3);
    expect(low.size).toBeGreaterThan(0);
    expect(high.size).toBeGreaterThan(low.size);
    for (const order of low) expect(high.has(order)).toBe(true);
  });

  it('leaves the sync lane as it was: it has no queue, so no job can miss it', () => {
    const crashing = drained({ 'server.crashRate': 0.5 }, 'sync');
    const calm = drained({}, 'sync');
    expect(crashing).toEqual(calm);
    expect(crashing.orders.savedNeverEnqueued).toBe(0);
  });

  it('with users who click again after the error page, charges them twice unless keyed', () => {
    const again = drained({ 'server.crashRate': 0.2, 'users.retryOnError': true });
    // Each crash is an error page after the charge; a first click's customer clicks again.
    expect(again.orders.userRetries).toBeGreaterThan(0);
    expect(again.orders.userRetries).toBeLessThanOrEqual(again.server.crashes);
    expect(again.orders.doubleCharged).toBe(again.orders.userRetries);
    const keyed = drained({
      'server.crashRate': 0.2,
      'users.retryOnError': true,
      'checkout.idempotency': true,
    });
    expect(keyed.orders.doubleCharged).toBe(0);
    expect(keyed.orders.chargesDeduplicated).toBe(keyed.orders.userRetries);
  });
});

describe('with the transactional outbox', () => {
  const r = drained({ 'server.crashRate': 0.2, 'queue.outbox': true });

  it('loses no email job when the server dies after the save: every saved order is emailed', () => {
    expect(r.server.crashes).toBeGreaterThan(0);
    expect(r.orders.savedNeverEnqueued).toBe(0);
    expect(r.orders.emailed).toBe(r.orders.saved);
    expect(r.orders.notEmailed).toBe(0);
    expect(r.queue.enqueued).toBe(r.orders.saved);
  });

  it('still shows the crashed requests an error page: the outbox saves the email, not the page', () => {
    expect(r.orders.failed).toBe(r.server.crashes);
  });

  it('moves a job to the queue at the relay’s next poll, and answers without the enqueue step', () => {
    const s = sim(
      { 'queue.outbox': true, 'queue.outboxPollMs': 500, 'latency.enqueue': 20 },
      { logCapacity: 1000 },
    );
    s.runToSettle(DRAIN_MS);
    expect(trace(s, ['stepFinished', 'pageShown', 'outboxRelayed', 'messageQueued'])).toEqual([
      [200, 'stepFinished', 1, 'validate'],
      [1000, 'stepFinished', 1, 'charge'],
      [1050, 'stepFinished', 1, 'save'],
      [1050, 'pageShown', 1, 'success'],
      [1500, 'outboxRelayed', 1],
      [1500, 'messageQueued', 1],
    ]);
    expect(report(s.state, 'one').emailDelayMs.max).toBe(3000);
  });

  it('logs a crash that keeps the job, and relays it anyway', () => {
    const s = sim({ 'queue.outbox': true, 'server.crashRate': 1 }, { logCapacity: 1000 });
    s.runToSettle(DRAIN_MS);
    expect(trace(s, ['serverCrashed', 'pageShown', 'outboxRelayed', 'emailSent'])).toEqual([
      [1050, 'serverCrashed', 1, 'job in the outbox'],
      [1050, 'pageShown', 1, 'error', 'server crashed'],
      [1500, 'outboxRelayed', 1],
      [3000, 'emailSent', 1, 0],
    ]);
  });

  it('without it, logs the crash that loses the job, and no message is ever queued', () => {
    const s = sim({ 'server.crashRate': 1 }, { logCapacity: 1000 });
    expect(s.runToSettle(DRAIN_MS)).toBe(true);
    expect(trace(s, ['serverCrashed', 'pageShown', 'messageQueued', 'emailSent'])).toEqual([
      [1050, 'serverCrashed', 1, 'job lost'],
      [1050, 'pageShown', 1, 'error', 'server crashed'],
    ]);
  });

  it('schedules the relay only while rows wait: an hour without orders costs no events', () => {
    const s = sim({ 'queue.outbox': true, 'queue.outboxPollMs': 1 }, { durationMs: 3_600_000 });
    s.runToSettle(3_600_000);
    // One order: its four steps (the enqueue skipped), one poll, the worker's call, the arrival.
    expect(s.events).toBeLessThan(12);
    expect(s.settled).toBe(true);
  });

  it('drains the rows already written after it is switched off', () => {
    const s = new Simulation({
      config: buildConfig({
        'traffic.pattern': 'steady',
        'traffic.rate': 20,
        'queue.outbox': true,
      }),
      mode: 'async',
      seed: 3,
      durationMs: 10_000,
      changes: [{ atMs: 5_000, key: 'queue.outbox', value: false }],
    });
    expect(s.runToSettle(10_000 + DRAIN_MS)).toBe(true);
    const done = report(s.state, 'switched');
    expect(done.orders.emailed).toBe(done.orders.saved);
  });
});

describe('the relay’s delay, against theory', () => {
  // Idle workers and fixed latencies: without the outbox every email goes out 2,550 ms after
  // its order, so what the outbox adds is the wait for the relay's next poll. Orders arrive as a
  // Poisson process, so the moment of a save falls uniformly within the poll's period: the
  // added delay is uniform on (0, poll], mean poll / 2, standard deviation poll / sqrt(12).
  it.each([500, 2_000])(
    'adds poll / 2 on average with a poll of %i ms (99.9 % interval)',
    (poll) => {
      const settings = { 'traffic.rate': 5, 'workers.count': 50 };
      const without = drained(settings);
      const withOutbox = drained({ ...settings, 'queue.outbox': true, 'queue.outboxPollMs': poll });
      expect(without.emailDelayMs.mean).toBe(2550);
      expect(without.emailDelayMs.max).toBe(2550);
      const n = withOutbox.emailDelayMs.count;
      expect(n).toBe(without.emailDelayMs.count);
      const added = withOutbox.emailDelayMs.mean - 2550;
      const halfWidth = (3.29 * poll) / Math.sqrt(12 * n);
      expect(Math.abs(added - poll / 2)).toBeLessThan(halfWidth);
      expect(withOutbox.emailDelayMs.max).toBeLessThanOrEqual(2550 + poll);
      // The answer is what it was: the request no longer waits for anything the relay does.
      expect(withOutbox.responseMs.mean).toBe(without.responseMs.mean);
    },
  );
});

describe('a checkpoint taken with rows in the outbox', () => {
  const busy = () =>
    sim(
      {
        'traffic.pattern': 'steady',
        'traffic.rate': 20,
        'queue.outbox': true,
        'queue.outboxPollMs': 750,
        'server.crashRate': 0.1,
        'users.retryOnError': true,
      },
      { seed: 5, durationMs: 30_000 },
    );

  /** A moment at which rows wait in the outbox. */
  function withRowsWaiting(s: Simulation): void {
    s.runUntil(10_000);
    while (s.state.outbox.rows.length === 0) s.step();
    expect(s.state.outbox.rows.length).toBeGreaterThan(0);
  }

  it('copies the rows and the relay’s poll, shared orders shared', () => {
    const s = busy();
    withRowsWaiting(s);
    const cp = s.checkpoint();
    const restored = Simulation.restore(cp);
    expect(graphDifference(cp.state, restored.state)).toBeNull();
    expect(restored.state.outbox.pollAt).toBe(s.state.outbox.pollAt);
  });

  it('resumes exactly: run on to 40 s, the state is the straight run’s, value for value', () => {
    const straight = busy();
    withRowsWaiting(straight);
    const cp = straight.checkpoint();
    straight.runUntil(40_000);
    const resumed = Simulation.restore(cp);
    resumed.runUntil(40_000);
    expect(graphDifference(resumed.checkpoint().state, straight.checkpoint().state)).toBeNull();
    expect(report(resumed.state, 'x')).toEqual(report(straight.state, 'x'));
  });
});

describe('bad values', () => {
  const problem = (key: string, value: SettingValue) => applySetting(defaultConfig(), key, value);

  it.each([
    ['server.crashRate', 1.5, 'server.crashRate=1.5 is not allowed: a number from 0 to 1'],
    ['server.crashRate', -0.1, 'server.crashRate=-0.1 is not allowed: a number from 0 to 1'],
    ['server.crashRate', 'often', 'server.crashRate=often is not allowed: a number from 0 to 1'],
    ['queue.outboxPollMs', 0, 'queue.outboxPollMs=0 is not allowed: a number from 1 to 3600000 ms'],
    [
      'queue.outboxPollMs',
      'NaN',
      'queue.outboxPollMs=NaN is not allowed: a number from 1 to 3600000 ms',
    ],
    ['queue.outbox', 'yes', 'queue.outbox=yes is not allowed: one of true, false'],
  ])('refuses %s=%s with a sentence naming what is allowed', (key, value, message) => {
    expect(problem(key, value)).toBe(message);
  });

  it('takes the edges of the ranges', () => {
    expect(problem('server.crashRate', 1)).toBeUndefined();
    expect(problem('server.crashRate', 0)).toBeUndefined();
    expect(problem('queue.outboxPollMs', 1)).toBeUndefined();
    expect(problem('queue.outbox', 'true')).toBeUndefined();
  });
});

describe('the dual write in flows other than the checkout', () => {
  /** Steady orders through `flow`'s steps, run until every order and job is done. */
  function drainedFlow(flow: unknown, settings: Record<string, SettingValue>) {
    const parsed = parseFlow(flow);
    if (typeof parsed === 'string') throw new Error(parsed);
    const s = new Simulation({
      config: buildConfig({ 'traffic.pattern': 'steady', 'traffic.rate': 5, ...settings }, parsed),
      mode: 'async',
      seed: 5,
      durationMs: 60_000,
    });
    expect(s.runToSettle(60_000 + DRAIN_MS)).toBe(true);
    return report(s.state, 'test');
  }

  // The save is not the request's last step: the outbox row is written with it, the request goes
  // on to its next step, and only its own enqueue at the end is skipped.
  const saveThenMore = {
    id: 'saveThenMore',
    label: 'Save, then more',
    steps: [
      { id: 'save', label: 'Save the order', latency: 50, where: 'request' },
      { id: 'receipt', label: 'Print the receipt', latency: 100, where: 'request' },
      { id: 'email', label: 'Send the email', latency: 300, where: 'background' },
      { id: 'push', label: 'Send a push', latency: 200, where: 'background' },
    ],
  };

  it('queues each background job once through the relay, after the request’s later steps', () => {
    const r = drainedFlow(saveThenMore, { 'queue.outbox': true });
    expect(r.orders.saved).toBeGreaterThan(200);
    expect(r.queue.enqueued).toBe(2 * r.orders.saved);
    expect(r.emails.sent).toBe(r.orders.saved);
    expect(r.emails.duplicates).toBe(0);
    // The request waits for the save and the receipt, not for the broker.
    expect(r.responseMs.max).toBe(150);
    expect(r.steps.push!.doneMs.count).toBe(r.orders.saved);
  });

  it('loses both jobs of a crashed order without the outbox, and none with it', () => {
    const lost = drainedFlow(saveThenMore, { 'server.crashRate': 0.2 });
    expect(lost.orders.savedNeverEnqueued).toBeGreaterThan(0);
    expect(lost.queue.enqueued).toBe(2 * (lost.orders.saved - lost.orders.savedNeverEnqueued));
    const kept = drainedFlow(saveThenMore, { 'server.crashRate': 0.2, 'queue.outbox': true });
    expect(kept.orders.savedNeverEnqueued).toBe(0);
    expect(kept.queue.enqueued).toBe(2 * kept.orders.saved);
    expect(kept.emails.sent).toBe(kept.orders.saved);
  });

  it('has nothing to lose in a flow with no background step', () => {
    const r = drainedFlow(
      {
        id: 'inline',
        label: 'All in the request',
        steps: [{ id: 'save', label: 'Save', latency: 50, where: 'request' }],
      },
      { 'server.crashRate': 0.5 },
    );
    expect(r.orders.saved).toBeGreaterThan(200);
    expect(r.orders.savedNeverEnqueued).toBe(0);
    expect(r.queue.enqueued).toBe(0);
  });

  it('counts an order as confirmed, then failed when its relayed charge fails for good', () => {
    const charge = {
      id: 'chargeLater',
      label: 'Charge later',
      steps: [
        { id: 'save', label: 'Save the order', latency: 50, where: 'request' },
        {
          id: 'charge',
          label: 'Charge the card',
          latency: 800,
          where: 'background',
          needsResult: true,
          failureRate: 1,
        },
      ],
    };
    const r = drainedFlow(charge, { 'queue.outbox': true });
    expect(r.orders.succeeded).toBe(r.orders.saved);
    expect(r.orders.confirmedThenFailed).toBe(r.orders.saved);
  });
});
