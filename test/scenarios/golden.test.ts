// Every preset scenario, in both modes, against a committed summary: a change to the engine that
// moves a lesson's numbers shows up here as a diff to review, like SimPy's examples beside *.out.
import { describe, expect, it } from 'vitest';
import { report, Simulation, type Mode, type Report } from '../../src/engine/index.ts';
import { SCENARIOS, scenarioChanges, scenarioConfig } from '../../src/scenarios/index.ts';

const DRAIN_MS = 600_000;

/** The numbers a lesson rests on, rounded so that the summary reads well in a diff. */
function compact(r: Report) {
  const round = (x: number) => Math.round(x * 10) / 10;
  const stats = (s: Report['responseMs']) => ({
    count: s.count,
    mean: round(s.mean),
    p50: round(s.p50),
    p99: round(s.p99),
    max: round(s.max),
  });
  return {
    simulatedMs: round(r.simulatedMs),
    orders: r.orders,
    responseMs: stats(r.responseMs),
    emailDelayMs: stats(r.emailDelayMs),
    emails: r.emails,
    queue: { enqueued: r.queue.enqueued, maxDepth: r.queue.maxDepth },
    workers: { crashes: r.workers.crashes, utilization: round(r.workers.utilization * 100) },
  };
}

describe.each(SCENARIOS.map((s) => [s.id, s] as const))('the %s scenario', (id, scenario) => {
  it.each(['sync', 'async'] as Mode[])(
    `gives its golden summary in %s mode (seed ${scenario.seed})`,
    async (mode) => {
      const durationMs = scenario.durationSec * 1000;
      const sim = new Simulation({
        config: scenarioConfig(scenario),
        mode,
        seed: scenario.seed,
        durationMs,
        changes: scenarioChanges(scenario),
      });
      expect(sim.runToSettle(durationMs + DRAIN_MS)).toBe(true);
      const summary = JSON.stringify(compact(report(sim.state, id)), null, 2) + '\n';
      await expect(summary).toMatchFileSnapshot(`./golden/${id}.${mode}.json`);
    },
  );
});
