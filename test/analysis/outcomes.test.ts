// The outcomes the collector counts from the log (error pages, customers who gave up, charged
// but shown an error) against the engine's own report, at every frame of real runs and at every
// point of the series it samples, and the queue depth it keeps against the engine's.
import { describe, expect, it } from 'vitest';
import { Collector } from '../../src/analysis/collector.ts';
import type { OutcomeCounts } from '../../src/analysis/outcomes.ts';
import {
  buildConfig,
  report,
  Simulation,
  viewOf,
  type Mode,
  type Report,
  type RunRecipe,
  type SettingValue,
  type TimedChange,
} from '../../src/engine/index.ts';
import { findScenario, scenarioRecipe } from '../../src/scenarios/index.ts';

function countsOf(r: Report): OutcomeCounts {
  return {
    errorPages: r.orders.failed,
    timedOut: r.orders.timedOut,
    chargedButSawError: r.orders.chargedButSawError,
    savedNeverEnqueued: r.orders.savedNeverEnqueued,
  };
}

function simOf(mode: Mode, recipe: RunRecipe): Simulation {
  return new Simulation({
    config: buildConfig(recipe.settings),
    mode,
    seed: recipe.seed,
    durationMs: recipe.durationMs,
    logCapacity: 1 << 17,
    changes: [...recipe.changes],
  });
}

/** Plays the run in frames of `frameMs` as the store does, checking the collector against the
 * engine after each; then replays to every sampled point and checks it too. */
function checkRun(mode: Mode, recipe: RunRecipe, untilMs: number, frameMs = 250) {
  const sim = simOf(mode, recipe);
  const c = new Collector();
  let cursor = 0;
  let frames = 0;
  for (let t = frameMs; t <= untilMs; t += frameMs) {
    sim.runUntil(t);
    const page = sim.readLog(cursor);
    cursor = page.next;
    c.ingest(page.entries, sim.now, page.dropped);
    const a = c.snapshot();
    expect(a.dropped).toBe(0);
    expect(a.outcomesNow, `${mode} at ${t} ms`).toEqual(countsOf(report(sim.state, 'test')));
    expect(a.queue.depth, `${mode} queue at ${t} ms`).toBe(viewOf(sim.state).visible.length);
    frames++;
  }
  const points = c.snapshot().outcomes;
  expect(points.length).toBeGreaterThan(10);
  const replay = simOf(mode, recipe);
  for (const p of points) {
    replay.runUntil(p.tMs);
    const { tMs, ...counts } = p;
    expect(counts, `${mode} point at ${tMs} ms`).toEqual(countsOf(report(replay.state, 'test')));
  }
  return { frames, final: c.snapshot().outcomesNow, entries: sim.readLog(0).entries };
}

function recipe(
  settings: Record<string, SettingValue>,
  durationMs: number,
  changes: TimedChange[] = [],
): RunRecipe {
  return { settings, seed: 5, durationMs, changes };
}

describe('the outcomes counted from the log', () => {
  for (const id of [
    'traffic-spike',
    'too-few-workers',
    'flaky-email',
    'email-outage',
    'dual-write',
  ]) {
    const scenario = findScenario(id)!;
    for (const mode of ['sync', 'async'] as const) {
      it(`match the engine's report at every frame and every point of ${id} (${mode})`, () => {
        const { final } = checkRun(mode, scenarioRecipe(scenario), scenario.durationSec * 1000);
        if (id === 'traffic-spike' && mode === 'sync') expect(final.timedOut).toBeGreaterThan(0);
        if (id === 'email-outage' && mode === 'sync')
          expect(final.chargedButSawError).toBeGreaterThan(0);
        if (id === 'flaky-email' && mode === 'sync') expect(final.errorPages).toBeGreaterThan(0);
        if (id === 'dual-write' && mode === 'async')
          expect(final.savedNeverEnqueued).toBeGreaterThan(0);
      });
    }
  }

  it('count a charge that comes after the customer gave up, as the engine does', () => {
    // One slow payment and a short patience: customers give up while their card is being charged,
    // or still waiting for a handler, and the server charges them later all the same.
    const { final } = checkRun(
      'sync',
      recipe(
        {
          'traffic.pattern': 'steady',
          'traffic.rate': 6,
          'server.handlers': 4,
          'server.timeout': 1500,
          'latency.charge': 900,
        },
        20_000,
      ),
      26_000,
    );
    expect(final.timedOut).toBeGreaterThan(0);
    expect(final.chargedButSawError).toBeGreaterThan(0);
    expect(final.chargedButSawError).toBeLessThan(final.timedOut);
  });

  it('do not count a deduplicated second charge, as the engine does not', () => {
    const { entries } = checkRun(
      'sync',
      recipe(
        {
          'traffic.pattern': 'steady',
          'traffic.rate': 4,
          'checkout.idempotency': true,
          'users.retryOnError': true,
          'users.retryDelay': 300,
          'server.handlers': 3,
          'server.timeout': 1200,
          'latency.charge': 700,
          'email.failureRate': 0.3,
        },
        20_000,
      ),
      30_000,
    );
    // The case in point happened: a retry that gave up waiting, then was charged, deduplicated.
    const gaveUp = new Set<number>();
    let deduplicatedAfterError = 0;
    for (const e of entries) {
      if (e.kind === 'pageShown' && e.page === 'error') gaveUp.add(e.order);
      if (e.kind === 'chargeDeduplicated' && gaveUp.has(e.order)) deduplicatedAfterError++;
    }
    expect(deduplicatedAfterError).toBeGreaterThan(0);
  });
});
