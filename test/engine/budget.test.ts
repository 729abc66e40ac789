/** Budgets: no valid input makes a run loop without simulated time moving or grow without
 * bound. A run too big to hold is refused before it starts; one that spends a budget stops with
 * one sentence naming the cause and the setting to change, and its report says so. */
import { describe, expect, it } from 'vitest';
import {
  buildConfig,
  plannedOrders,
  report,
  checkRunSize,
  PAGE_LIMITS,
  Simulation,
  type TimedChange,
} from '../../src/engine/index.ts';
import { checkBudgets } from '../../src/engine/budget.ts';
import { MAX_EVENTS, MAX_HELD, MAX_LEASES_WITHOUT_PROGRESS } from '../../src/engine/limits.ts';
import { createState } from '../../src/engine/createState.ts';

/** The first command: a failing email call of 0 ms, no backoff, no dead-letter target. */
const INSTANT_FAILURE = {
  'latency.email': 0,
  'email.down': true,
  'retry.backoff': 'none',
  'queue.deadLetter': false,
} as const;

describe('when a failing email call takes 0 ms and is retried at once', () => {
  it.each(['sqs', 'kafka'])('stops the %s run at 1.05 s, naming the settings', (broker) => {
    const sim = new Simulation({
      config: buildConfig({ ...INSTANT_FAILURE, 'queue.broker': broker }),
      mode: 'async',
      seed: 1,
      durationMs: 60_000,
    });
    expect(sim.runToSettle(Infinity)).toBe(false);
    expect(sim.stopped).toMatchObject({ reason: 'no-progress', atMs: 1050 });
    expect(sim.stopped!.message).toMatch(/^the run stopped at 1\.05 s: [\d,]+ events without/);
    expect(sim.stopped!.message).toContain('latency.email');
    expect(sim.stopped!.message).toContain('retry.backoff');
    const r = report(sim.state, 'budget');
    expect(r.stopped).toEqual(sim.stopped);
    expect(r.simulatedMs).toBe(1050);
    // A stopped run stays stopped: nothing more happens, whatever the caller asks.
    const events = r.events;
    expect(sim.step()).toBe(false);
    sim.runUntil(10_000);
    expect(sim.now).toBe(1050);
    expect(sim.state.events).toBe(events);
  });

  it("stops it within a frame's work under the page's budgets", () => {
    const sim = new Simulation({
      config: buildConfig(INSTANT_FAILURE),
      mode: 'async',
      seed: 1,
      durationMs: 60_000,
      limits: PAGE_LIMITS,
    });
    sim.runUntil(1049);
    const before = sim.state.events;
    expect(sim.runUntil(60_000)).toBe(false);
    expect(sim.stopped).toMatchObject({ reason: 'no-progress', atMs: 1050 });
    // Nearly all of it at 1.05 s: the events before it (one order's checkout) are a handful.
    // Stopped within a quarter past its limit (it is checked every quarter), not 1,000,000.
    const spent = sim.state.events - before;
    expect(spent).toBeGreaterThanOrEqual(PAGE_LIMITS.atOneInstant);
    expect(spent).toBeLessThanOrEqual(PAGE_LIMITS.atOneInstant * 1.25 + 100);
  });

  it('still runs when the failing call takes 1 ms: time moves, and the run is not stopped', () => {
    const sim = new Simulation({
      config: buildConfig({ ...INSTANT_FAILURE, 'latency.email': 1 }),
      mode: 'async',
      seed: 1,
      durationMs: 0,
    });
    sim.runUntil(2_000);
    expect(sim.stopped).toBeNull();
    expect(report(sim.state, 'budget').emails.failedAttempts).toBeGreaterThan(900);
  });
});

describe('when every email call outlives its lease', () => {
  // The Kafka command: a 1 ms max.poll.interval.ms, so every read makes its consumer
  // leave the group and the record is read again by another of 10,000, for ever.
  const stuck = (broker: string, lease: Record<string, number>) =>
    new Simulation({
      config: buildConfig({
        'queue.broker': broker,
        'workers.count': 10_000,
        'traffic.pattern': 'steady',
        'traffic.rate': 1,
        ...lease,
      }),
      mode: 'async',
      seed: 1,
      durationMs: 45_000,
    });

  it('stops the Kafka run once its leases have run out with no job finishing', () => {
    const sim = stuck('kafka', { 'queue.maxPollInterval': 1, 'queue.partitions': 256 });
    expect(sim.runToSettle(600_000)).toBe(false);
    expect(sim.stopped).toMatchObject({ reason: 'no-progress' });
    expect(sim.stopped!.message).toMatch(
      /^the run stopped at [\d.]+ s: [\d,]+ email calls outlived their lease \(queue\.maxPollInterval\)/,
    );
    expect(sim.stopped!.message).toContain('raise queue.maxPollInterval above');
    // Stopped at the budget, within one check of it: bounded work, not the 8.5 million events
    // the run made before (21 s of CPU).
    const expired = sim.state.metrics.visibilityExpired;
    expect(expired).toBeGreaterThanOrEqual(MAX_LEASES_WITHOUT_PROGRESS);
    expect(sim.state.events).toBeLessThan(MAX_LEASES_WITHOUT_PROGRESS * 4);
  });

  it('leaves a run alone whose leases run out often but whose jobs still finish', () => {
    // About a third of the calls (exp(1) ms) outlive a 1 ms lease; the others finish.
    const sim = new Simulation({
      config: buildConfig({
        'queue.broker': 'sqs',
        'queue.visibilityTimeout': 1,
        'queue.maxReceives': 1000,
        'latency.email': 'exp(1)',
        'workers.count': 10_000,
        'traffic.pattern': 'steady',
        'traffic.rate': 100,
      }),
      mode: 'async',
      seed: 1,
      durationMs: 60_000,
    });
    expect(sim.runToSettle(600_000)).toBe(true);
    expect(sim.stopped).toBeNull();
    expect(sim.state.metrics.visibilityExpired).toBeGreaterThan(1_000);
  });
});

describe('a run too big to hold', () => {
  const settings = { 'traffic.pattern': 'steady', 'traffic.rate': 10_000, 'workers.count': 0 };
  const huge = buildConfig(settings);

  it('is refused before it starts, naming the size and the settings to change', () => {
    expect(checkRunSize(huge, 86_400_000)).toBe(
      'this run would place about 864,000,000 orders (traffic.rate 10000/s for 86,400 s), more than the 5,000,000 one run may hold; lower traffic.rate, shorten the duration, or set traffic.orders',
    );
  });

  it('is allowed with traffic.orders, which caps what it plans', () => {
    expect(plannedOrders(buildConfig({ ...settings, 'traffic.orders': 1000 }), Infinity)).toBe(
      1000,
    );
  });

  it('counts a spike, timed rate changes and placed orders in the plan', () => {
    const spike = buildConfig({
      'traffic.pattern': 'spike',
      'traffic.rate': 2,
      'traffic.spikeAt': 10,
      'traffic.spikeFor': 10,
      'traffic.spikeRate': 50,
    });
    expect(plannedOrders(spike, 60_000)).toBe(2 * 50 + 50 * 10);
    const changes: TimedChange[] = [
      { atMs: 30_000, key: 'traffic.rate', value: 4 },
      { atMs: 40_000, key: 'orders.place', value: 7 },
    ];
    expect(plannedOrders(spike, 60_000, changes)).toBe(4 * 50 + 50 * 10 + 7);
  });
});

describe('the budgets checked while a run goes', () => {
  const state = () =>
    createState({ config: buildConfig(), mode: 'async', seed: 1, durationMs: 1000 });

  it('stop a run once more work is unfinished than one run may hold', () => {
    const s = state();
    s.server.openOrders = MAX_HELD - 10;
    s.queue.delayed = 11;
    expect(checkBudgets(s)).toBe(true);
    expect(s.stopped?.reason).toBe('orders');
    expect(s.stopped?.message).toContain('traffic.rate');
  });

  it('stop a run that used its budget of events, naming what to change', () => {
    const s = state();
    s.now = 5;
    s.events = MAX_EVENTS;
    expect(checkBudgets(s)).toBe(true);
    expect(s.stopped).toMatchObject({ reason: 'events', atMs: 5 });
    expect(s.stopped?.message).toContain('100,000,000 events');
  });

  it('leave a run alone that stays within them', () => {
    const s = state();
    s.server.openOrders = MAX_HELD;
    s.events = MAX_EVENTS - 1;
    expect(checkBudgets(s)).toBe(false);
    expect(s.stopped).toBeNull();
  });
});

describe('a caller with less room than the command line', () => {
  const heavy = {
    config: buildConfig({
      'traffic.pattern': 'steady',
      'traffic.rate': 10_000,
      'workers.count': 0,
    }),
    mode: 'async' as const,
    seed: 1,
    durationMs: 60_000,
  };

  it('gives smaller budgets, and the run stops at them with the limit in its sentence', () => {
    const sim = new Simulation({ ...heavy, limits: { held: 5_000 } });
    sim.runUntil(60_000);
    expect(sim.stopped?.reason).toBe('orders');
    expect(sim.held).toBeGreaterThan(5_000);
    expect(sim.stopped?.message).toContain('more than the 5,000 one run may hold');
    // The same run with the command line's budgets goes on.
    const cli = new Simulation(heavy);
    cli.runUntil(sim.now + 1_000);
    expect(cli.stopped).toBeNull();
  });

  it('keeps them in a checkpoint: a resumed run stops where the original does', () => {
    const sim = new Simulation({ ...heavy, limits: { held: 5_000 } });
    sim.runUntil(200);
    const resumed = Simulation.restore(sim.checkpoint());
    sim.runUntil(60_000);
    resumed.runUntil(60_000);
    expect(resumed.stopped).toEqual(sim.stopped);
  });

  it('can never raise them past the command line’s', () => {
    const sim = new Simulation({
      ...heavy,
      limits: { held: MAX_HELD * 10, events: MAX_EVENTS * 10 },
    });
    expect(sim.state.budget.maxHeld).toBe(MAX_HELD);
    expect(sim.state.budget.maxEvents).toBe(MAX_EVENTS);
  });

  it('counts events in all, for callers that budget work', () => {
    const sim = new Simulation({ ...heavy, limits: { events: 200_000 } });
    sim.runUntil(60_000);
    expect(sim.stopped?.reason).toBe('events');
    expect(sim.events).toBeGreaterThanOrEqual(200_000);
    expect(sim.events).toBeLessThan(200_000 + 65_536);
    expect(sim.stopped?.message).toContain('its budget of 200,000 events');
  });
});
