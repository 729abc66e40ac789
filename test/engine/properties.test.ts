/** Invariants of the engine over random scenarios: random settings of every kind, random timed
 * changes and random seeds, each property checked with a fixed fast-check seed (in the test's name)
 * so that a failure reproduces exactly. Runs are stepped through guards that throw instead of
 * hanging when the clock stops advancing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildConfig,
  report,
  Simulation,
  viewOf,
  type LogEntry,
  type Report,
} from '../../src/engine/index.ts';
import { MessageLedger } from './support/ledger.ts';
import {
  impatientScenario,
  scenario,
  shrinkingPoolScenario,
  type Scenario,
} from './support/scenarios.ts';
import { LOG_CAPACITY, settle, stepGuarded } from './support/trace.ts';

/** Long enough for the slowest generated run to drain: a few hundred messages, each up to five
 * receives behind 30 s leases, a 5 s restart and a 30 s backoff cap, on one worker. */
const SETTLE_LIMIT_MS = 100_000_000;
const RUNS = 200;

function simulation(sc: Scenario): Simulation {
  return new Simulation({
    config: buildConfig(sc.settings),
    mode: sc.mode,
    seed: sc.seed,
    durationMs: sc.durationMs,
    changes: sc.changes,
    logCapacity: LOG_CAPACITY,
  });
}

/** Moments to stop and look: during arrivals, at their end, during the recovery, well after. */
function checkpoints(sc: Scenario): number[] {
  const d = sc.durationMs;
  return [d / 4, d / 2, d, d + 3000, d + 6000, d + 60_000];
}

/** Runs to `t` like runUntil, but guarded against a clock that stops. */
function advance(sim: Simulation, t: number): void {
  stepGuarded(sim, t);
  sim.runUntil(t);
}

function summary(sim: Simulation): Report {
  return report(sim.state, 'property');
}

/** Every number in a JSON-like value, with its path; throws on null or undefined, except for the
 * report's `stopped`, which is null until a budget stops a run. */
function numbersIn(value: unknown, path = '$'): [string, number][] {
  if (value === null && path === '$.stopped') return [];
  if (value === null || value === undefined) throw new Error(`${path} is ${String(value)}`);
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  }
  return [];
}

function expectAllFinite(value: unknown): void {
  const bad = numbersIn(value).filter(([, n]) => !Number.isFinite(n));
  expect(bad).toEqual([]);
}

/** The engine's own view of where the messages are, next to the ledger's. */
function engineCounts(sim: Simulation) {
  const s = sim.state;
  const view = viewOf(s);
  return {
    enqueued: s.metrics.enqueued,
    queued: view.visible.length,
    delayed: s.queue.delayed,
    inflight: s.inflight,
    acked: s.metrics.acked,
    dead: s.metrics.deadLettered,
  };
}

describe('the message queue', () => {
  it('holds every message in exactly one place, as an independent replay of the log says, at every checkpoint (fast-check seed 1701)', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const sim = simulation(sc);
        const ledger = new MessageLedger(sim.state.config);
        let cursor = 0;
        const look = () => {
          const page = sim.readLog(cursor);
          expect(page.dropped).toBe(0);
          ledger.replay(page.entries);
          cursor = page.next;
          const c = ledger.counts();
          const engine = engineCounts(sim);
          expect(engine).toEqual({
            enqueued: c.enqueued,
            queued: c.queued,
            delayed: c.delayed,
            inflight: c.inflight,
            acked: c.acked,
            dead: c.dead,
          });
          expect(engine.enqueued).toBe(
            engine.queued + engine.delayed + engine.inflight + engine.acked + engine.dead,
          );
          expect(viewOf(sim.state).delayed).toHaveLength(engine.delayed);
        };
        for (const t of checkpoints(sc)) {
          advance(sim, t);
          look();
        }
        settle(sim, SETTLE_LIMIT_MS);
        look();
      }),
      { seed: 1701, numRuns: RUNS },
    );
  });
});

describe('the clock', () => {
  it('never goes backwards: step() moves now to the time peek() announced, and log times never decrease (fast-check seed 2024)', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const sim = simulation(sc);
        let previous = sim.now;
        const wrong: string[] = [];
        stepGuarded(
          sim,
          SETTLE_LIMIT_MS,
          () => sim.settled,
          (announced, stepped) => {
            if (!stepped || announced < previous || sim.now !== announced) {
              wrong.push(`${previous} -> peek ${announced} -> now ${sim.now} (${stepped})`);
            }
            previous = sim.now;
          },
        );
        expect(wrong).toEqual([]);
        expect(sim.settled).toBe(true);
        const times = sim.readLog(0).entries.map((e) => e.t);
        const backwards = times.flatMap((t, i) => (i > 0 && t < times[i - 1]! ? [i] : []));
        expect(backwards).toEqual([]);
        expect(Math.max(0, ...times)).toBeLessThanOrEqual(sim.now);
      }),
      { seed: 2024, numRuns: RUNS },
    );
  });
});

describe('the report', () => {
  it('holds no NaN, Infinity or null, mid-run or settled, nor does the view (fast-check seed 31337)', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const sim = simulation(sc);
        expectAllFinite(summary(sim));
        for (const t of checkpoints(sc).slice(0, 3)) {
          advance(sim, t);
          expectAllFinite(summary(sim));
          expectAllFinite(viewOf(sim.state));
        }
        settle(sim, SETTLE_LIMIT_MS);
        expectAllFinite(summary(sim));
        expectAllFinite(viewOf(sim.state));
        // No budget stops a run of this size.
        expect(summary(sim).stopped).toBeNull();
      }),
      { seed: 31337, numRuns: RUNS },
    );
  });
});

describe('once arrivals stop, outages end and a worker is left', () => {
  it('gives every order a page and sends or dead-letters every email (fast-check seed 4711)', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const sim = settle(simulation(sc), SETTLE_LIMIT_MS);
        expect(sim.settled).toBe(true);
        const r = summary(sim);
        const { orders, emails, queue } = r;
        expect(emails.pending).toBe(0);
        expect(orders.succeeded + orders.failed).toBe(orders.arrived);
        // Every order got through all of its server steps.
        expect(orders.saved).toBe(orders.arrived);
        expect(orders.charged).toBe(orders.arrived);
        if (sc.mode === 'async') {
          expect(queue.enqueued).toBe(orders.arrived);
          expect(emails.lost).toBe(0);
          const ledger = new MessageLedger(buildConfig(sc.settings));
          ledger.replay(sim.readLog(0).entries);
          const c = ledger.counts();
          expect(c.acked + c.dead).toBe(queue.enqueued);
          expect(c.dead).toBe(emails.deadLettered);
          // A dead letter's email may still have gone out once (sent, then a crash or an expired
          // lease before the ack), so it is the unsent dead letters that complete the count.
          expect(emails.sent - emails.duplicates).toBe(c.sent);
          expect(c.sent + c.deadUnsent).toBe(queue.enqueued);
          // Settled: a customer with no email is one whose job is dead and never sent, or
          // dropped by RabbitMQ.
          expect(orders.notEmailed).toBe(c.deadUnsent + emails.dropped);
        } else {
          expect(queue.enqueued).toBe(0);
          expect(emails.duplicates).toBe(0);
          expect(emails.deadLettered).toBe(0);
          expect(emails.sent + emails.lost).toBe(orders.arrived);
        }
      }),
      { seed: 4711, numRuns: RUNS },
    );
  });

  it('keeps the order ledger consistent (fast-check seed 8086)', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const sim = simulation(sc);
        const consistent = () => {
          const { orders: o, emails: e } = summary(sim);
          expect(o.succeeded + o.failed).toBeLessThanOrEqual(o.arrived);
          expect(o.timedOut).toBeLessThanOrEqual(o.failed);
          expect(o.charged).toBeLessThanOrEqual(o.arrived);
          expect(o.saved).toBeLessThanOrEqual(o.charged);
          expect(o.chargedButSawError).toBeLessThanOrEqual(Math.min(o.charged, o.failed));
          expect(o.userRetries).toBeLessThanOrEqual(o.failed);
          expect(o.doubleCharged).toBeLessThanOrEqual(o.userRetries);
          expect(o.serverFinishedLate).toBeLessThanOrEqual(o.timedOut);
          expect(e.duplicates).toBeLessThanOrEqual(e.sent);
          // Per order: every saved order's customer has had an email or not, and the first send
          // of each order is what emailed counts.
          expect(o.emailed + o.notEmailed).toBe(o.saved);
          expect(o.emailed).toBe(e.sent - e.duplicates);
          expect(o.notEmailed).toBeGreaterThanOrEqual(0);
          return o;
        };
        for (const t of checkpoints(sc).slice(0, 3)) {
          advance(sim, t);
          consistent();
        }
        settle(sim, SETTLE_LIMIT_MS);
        const o = consistent();
        expect(o.succeeded + o.failed).toBe(o.arrived);
        if (!sc.settings['users.retryOnError'] && !sc.changes.some(isRetrySwitch)) {
          expect(o.userRetries).toBe(0);
        }
      }),
      { seed: 8086, numRuns: RUNS },
    );
  });
});

function isRetrySwitch(change: { key: string }): boolean {
  return change.key === 'users.retryOnError';
}

describe('the queue statistics', () => {
  it('obey Little’s law exactly over a settled async run, L = lambda * W (fast-check seed 6174)', () => {
    fc.assert(
      fc.property(
        scenario.filter((sc) => sc.mode === 'async'),
        (sc) => {
          const sim = settle(simulation(sc), SETTLE_LIMIT_MS);
          const { meanInQueue, arrivalRatePerMs, meanWaitMs } = summary(sim).littlesLaw;
          // The queue is empty at both ends, so the area under its depth is the sum of the waits.
          const gap = Math.abs(meanInQueue - arrivalRatePerMs * meanWaitMs);
          expect(gap).toBeLessThanOrEqual(1e-9 * Math.max(1, meanInQueue));
        },
      ),
      { seed: 6174, numRuns: RUNS },
    );
  });

  // Regression (fixed): see 'when timed changes shrink a pool under load' in traces.test.ts: when a pool shrinks
  // while its members are busy, utilization exceeds 1.
  it('keeps worker and handler utilization within [0, 1] as pools shrink (fast-check seed 2718)', () => {
    fc.assert(
      fc.property(shrinkingPoolScenario, (sc) => {
        const sim = settle(simulation(sc), SETTLE_LIMIT_MS);
        const { workers, server } = summary(sim);
        for (const u of [workers.utilization, server.utilization]) {
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThanOrEqual(1);
        }
      }),
      { seed: 2718, numRuns: RUNS },
    );
  });
});

describe('determinism', () => {
  it('gives the same log and report for the same inputs, stepped or run with runUntil/runToSettle (fast-check seed 1234)', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const stepped = simulation(sc);
        for (const t of checkpoints(sc)) advance(stepped, t);
        settle(stepped, SETTLE_LIMIT_MS);
        // The guarded run finished, so the unguarded verbs cannot loop on the same inputs.
        const run = simulation(sc);
        for (const t of checkpoints(sc)) run.runUntil(t);
        expect(run.runToSettle(SETTLE_LIMIT_MS)).toBe(true);
        expect(summary(run)).toEqual(summary(stepped));
        expect(run.readLog(0).entries).toEqual(stepped.readLog(0).entries);
      }),
      { seed: 1234, numRuns: RUNS },
    );
  });

  it('ends a run restored from a snapshot at a random moment exactly like the original (fast-check seed 99)', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 1.5, noNaN: true }), (sc, share) => {
        const original = simulation(sc);
        advance(original, sc.durationMs * share);
        const restored = new Simulation({ restore: original.snapshot() });
        settle(original, SETTLE_LIMIT_MS);
        settle(restored, SETTLE_LIMIT_MS);
        expect(summary(restored)).toEqual(summary(original));
        const log = (sim: Simulation): LogEntry[] => sim.readLog(0).entries;
        expect(log(restored)).toEqual(log(original));
      }),
      { seed: 99, numRuns: RUNS },
    );
  });
});

describe('users who give up (sync, short server timeouts)', () => {
  // Regression (fixed): the patience sweep reschedules itself forever at the same
  // rounded time when arrival + timeout is not on the microsecond grid. These inputs are kept out
  // of `scenario` until it is fixed; then this test starts failing: drop `.fails`, set the flag false.
  it('every run settles with every user answered (fast-check seed 7)', () => {
    fc.assert(
      fc.property(impatientScenario, (sc) => {
        const sim = settle(simulation(sc), SETTLE_LIMIT_MS);
        const { orders } = summary(sim);
        expect(orders.succeeded + orders.failed).toBe(orders.arrived);
      }),
      { seed: 7, numRuns: 20 },
    );
  });
});
