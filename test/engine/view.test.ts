/** The view with a limit: a heavy run's picture lists at most `limit` of each kind, the same ones
 * the whole view lists first, while its totals count everything, as the whole view's lists do. */
import { describe, expect, it } from 'vitest';
import { Simulation, type SettingValues, type SystemView } from '../../src/engine/index.ts';

/** Counts from the whole view's lists: what the totals must say. */
function counted(v: SystemView) {
  const steps: Record<string, number> = {};
  let usersWaiting = 0;
  for (const r of v.requests) {
    steps[r.step] = (steps[r.step] ?? 0) + 1;
    if (r.page === 'none') usersWaiting++;
  }
  const workers: Record<string, number> = {};
  let prefetched = 0;
  for (const w of v.workers) {
    workers[w.state] = (workers[w.state] ?? 0) + 1;
    prefetched += w.prefetched;
  }
  return {
    steps,
    usersWaiting,
    visible: v.visible.length,
    delayed: v.delayed.length,
    workers,
    prefetched,
  };
}

function nonZero(r: Partial<Record<string, number>>) {
  return Object.fromEntries(Object.entries(r).filter(([, n]) => n! > 0));
}

const HEAVY: Record<string, SettingValues> = {
  // A backlog in both lanes: far more arrive than 16 handlers and 3 workers serve, and users give
  // up and retry.
  backlog: {
    'traffic.pattern': 'steady',
    'traffic.rate': 400,
    'server.handlers': 16,
    'workers.count': 3,
    'users.retryOnError': true,
  },
  // Failing emails waiting out their backoffs and leases, with crashes.
  retries: {
    'traffic.pattern': 'steady',
    'traffic.rate': 200,
    'server.handlers': 500,
    'workers.count': 40,
    'email.failureRate': 0.6,
    'workers.crashRate': 0.2,
    'retry.backoff': 'fixed',
    'retry.base': 5000,
  },
  kafka: {
    'traffic.pattern': 'steady',
    'traffic.rate': 300,
    'server.handlers': 500,
    'queue.broker': 'kafka',
    'queue.partitions': 12,
    'workers.count': 6,
    'email.failureRate': 0.3,
  },
  rabbitmq: {
    'traffic.pattern': 'steady',
    'traffic.rate': 300,
    'server.handlers': 500,
    'queue.broker': 'rabbitmq',
    'workers.count': 30,
  },
};

describe.each(Object.entries(HEAVY))('a view with a limit, %s', (_, settings) => {
  it.each(['sync', 'async'] as const)(
    'in %s: lists the whole view’s first items, counts all',
    (mode) => {
      const sim = Simulation.fromRecipe(
        { settings, seed: 7, durationMs: 60_000, changes: [] },
        mode,
      );
      sim.runUntil(15_000);
      const whole = sim.view();
      const limit = 25;
      const some = sim.view(limit);
      // The totals are the whole view's counts, whatever the limit.
      const c = counted(whole);
      expect(nonZero(whole.totals.steps)).toEqual(c.steps);
      expect(whole.totals.usersWaiting).toBe(c.usersWaiting);
      expect(whole.totals.visible).toBe(c.visible);
      expect(whole.totals.delayed).toBe(c.delayed);
      expect(nonZero(whole.totals.workers)).toEqual(c.workers);
      expect(whole.totals.prefetched).toBe(c.prefetched);
      expect(some.totals).toEqual(whole.totals);
      // Each list holds the first `limit` of the whole one, in the same order.
      const working = whole.requests.filter((r) => r.step !== 'waiting');
      const waiting = whole.requests.filter((r) => r.step === 'waiting');
      expect(some.requests).toEqual([...working.slice(0, limit), ...waiting.slice(0, limit)]);
      expect(some.visible).toEqual(whole.visible.slice(0, limit));
      expect(some.delayed).toEqual(whole.delayed.slice(0, limit));
      expect(some.waits).toEqual(whole.waits.slice(0, limit));
      expect(some.workers.map((w) => w.id)).toEqual(whole.workers.slice(0, limit).map((w) => w.id));
      // The run was heavy enough to leave something out.
      expect(whole.requests.length + whole.visible.length + whole.waits.length).toBeGreaterThan(
        some.requests.length + some.visible.length + some.waits.length,
      );
    },
  );
});
