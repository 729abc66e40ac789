// Idempotency keys and dead-letter redrive: the safeguards real systems add because every queue
// delivers at least once and customers click twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConfig, report, Simulation, type Mode } from '../../src/engine/index.ts';
import type { SettingValue, TimedChange } from '../../src/engine/index.ts';

function run(
  mode: Mode,
  settings: Record<string, SettingValue>,
  options: { seed?: number; durationMs?: number; changes?: TimedChange[] } = {},
) {
  const sim = new Simulation({
    config: buildConfig({ 'traffic.pattern': 'steady', ...settings }),
    mode,
    seed: options.seed ?? 1,
    durationMs: options.durationMs ?? 30_000,
    changes: options.changes ?? [],
    logCapacity: 100_000,
  });
  expect(sim.runToSettle(3_600_000)).toBe(true);
  return { sim, r: report(sim.state, 'x') };
}

/** An email call slower than the lease: every job is handed to a second worker mid-send. */
const SLOW_EMAIL = { 'latency.email': 1500, 'queue.visibilityTimeout': 1200, 'workers.count': 8 };

describe('the email idempotency key (email.idempotency)', () => {
  it('lets duplicates through when off: a slow send is repeated by a second worker', () => {
    const { r } = run('async', SLOW_EMAIL);
    expect(r.emails.duplicates).toBeGreaterThan(0);
    expect(r.emails.deduplicated).toBe(0);
  });

  it('sends every order’s email exactly once when on, and counts the sends it skipped', () => {
    const { r, sim } = run('async', { ...SLOW_EMAIL, 'email.idempotency': true });
    expect(r.emails.duplicates).toBe(0);
    expect(r.emails.sent).toBe(r.orders.arrived);
    expect(r.emails.deduplicated).toBeGreaterThan(0);
    const sentPerOrder = new Map<number, number>();
    for (const e of sim.readLog(0).entries) {
      if (e.kind === 'emailSent') sentPerOrder.set(e.order, (sentPerOrder.get(e.order) ?? 0) + 1);
    }
    expect(Math.max(...sentPerOrder.values())).toBe(1);
  });

  it('also stops the duplicate that a crash after the send would cause (seed 2)', () => {
    const crashy = { 'workers.crashRate': 0.5, 'queue.visibilityTimeout': 5000 };
    expect(run('async', crashy, { seed: 2 }).r.emails.duplicates).toBeGreaterThan(0);
    const { r } = run('async', { ...crashy, 'email.idempotency': true }, { seed: 2 });
    expect(r.emails.duplicates).toBe(0);
    expect(r.emails.deduplicated).toBeGreaterThan(0);
  });

  it('never lets a customer get two emails, whatever the faults (fast-check seed 4242)', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 0xffffffff }),
          crashRate: fc.constantFrom(0, 0.2, 0.6),
          lease: fc.constantFrom(700, 1500, 5000),
          email: fc.constantFrom('1500', 'exp(1500)', 'uniform(500,3000)'),
          failureRate: fc.constantFrom(0, 0.3),
        }),
        (p) => {
          const { r } = run(
            'async',
            {
              'email.idempotency': true,
              'workers.crashRate': p.crashRate,
              'queue.visibilityTimeout': p.lease,
              'latency.email': p.email,
              'email.failureRate': p.failureRate,
              'queue.maxReceives': 20,
              'traffic.rate': 3,
            },
            { seed: p.seed, durationMs: 10_000 },
          );
          expect(r.emails.duplicates).toBe(0);
          // Each order's email at most once, and every job either sent or set aside.
          expect(r.emails.sent).toBeLessThanOrEqual(r.queue.enqueued);
          expect(r.emails.sent + r.emails.deadLettered).toBeGreaterThanOrEqual(r.queue.enqueued);
        },
      ),
      { seed: 4242, numRuns: 60 },
    );
  });

  it('finds a duplicate when off, under the same search (fast-check seed 4242)', () => {
    const found = fc
      .sample(fc.integer({ min: 0, max: 0xffffffff }), { seed: 4242, numRuns: 20 })
      .some(
        (seed) => run('async', SLOW_EMAIL, { seed, durationMs: 10_000 }).r.emails.duplicates > 0,
      );
    expect(found).toBe(true);
  });
});

describe('the checkout idempotency key (checkout.idempotency)', () => {
  const impatient = { 'email.failureRate': 0.5, 'users.retryOnError': true, 'traffic.rate': 1 };

  it('charges a customer who clicks again twice when off', () => {
    const { r } = run('sync', impatient, { seed: 6 });
    expect(r.orders.doubleCharged).toBeGreaterThan(0);
  });

  it('charges each customer once when on, and counts the charges it refused', () => {
    const off = run('sync', impatient, { seed: 6 }).r;
    const { r, sim } = run('sync', { ...impatient, 'checkout.idempotency': true }, { seed: 6 });
    expect(r.orders.doubleCharged).toBe(0);
    expect(r.orders.chargesDeduplicated).toBe(off.orders.doubleCharged);
    expect(r.orders.charged).toBe(off.orders.charged - off.orders.doubleCharged);
    const kinds = sim.readLog(0).entries.map((e) => e.kind);
    expect(kinds).toContain('chargeDeduplicated');
  });
});

describe('redriving the dead-letter queue (queue.redriveAt, queue.redrive)', () => {
  const poison = { 'email.poisonEvery': 1, 'queue.maxReceives': 1, 'traffic.rate': 1 };

  it('moves every dead letter back at the given time; still-poisonous jobs come back', () => {
    const { r, sim } = run('async', { ...poison, 'queue.redriveAt': 20 }, { durationMs: 10_000 });
    const deadBefore = sim
      .readLog(0)
      .entries.filter((e) => e.kind === 'deadLettered' && e.t < 20_000).length;
    expect(deadBefore).toBeGreaterThan(0);
    expect(r.emails.redriven).toBe(deadBefore);
    expect(r.emails.deadLettered).toBe(2 * deadBefore);
    expect(r.queue.deadLetterDepth).toBe(deadBefore);
    const redriven = sim.readLog(0).entries.filter((e) => e.kind === 'redriven');
    expect(redriven.every((e) => e.t === 20_000)).toBe(true);
  });

  it('sends every email once the poison is fixed before the redrive', () => {
    const { r } = run(
      'async',
      { ...poison, 'queue.redriveAt': 20 },
      { durationMs: 10_000, changes: [{ atMs: 15_000, key: 'email.poisonEvery', value: 0 }] },
    );
    expect(r.emails.sent).toBe(r.orders.arrived);
    expect(r.queue.deadLetterDepth).toBe(0);
    expect(r.emails.pending).toBe(0);
  });

  it('redrives at once on the queue.redrive action, and is not settled while a redrive is due', () => {
    const sim = new Simulation({
      config: buildConfig({ ...poison, 'traffic.pattern': 'steady', 'queue.redriveAt': 50 }),
      mode: 'async',
      seed: 3,
      durationMs: 5_000,
    });
    sim.runUntil(30_000);
    expect(sim.settled).toBe(false);
    const dead = report(sim.state, 'x').queue.deadLetterDepth;
    expect(dead).toBeGreaterThan(0);
    expect(sim.change('email.poisonEvery', 0)).toBeUndefined();
    expect(sim.change('queue.redrive', 1)).toBeUndefined();
    expect(sim.runToSettle(3_600_000)).toBe(true);
    const r = report(sim.state, 'x');
    expect(r.emails.redriven).toBe(dead);
    expect(r.emails.sent).toBe(r.orders.arrived);
  });
});
