// Every preset scenario against committed expectations: its summary in both modes, and the
// moments its goals tick, like SimPy's examples beside their *.out files. A change to the engine
// that moves a lesson's numbers shows up here as a diff to review.
import { describe, expect, it } from 'vitest';
import { GOAL_TICK_MS } from '../../src/lessons/goalTicker.ts';
import {
  buildConfig,
  report,
  Simulation,
  type Mode,
  type Report,
  type SettingValues,
} from '../../src/engine/index.ts';
import { beatMs } from '../../src/scenarios/beats.ts';
import { resolveScript } from '../../src/scenarios/script.ts';
import {
  scenarioRecipe,
  scenarioChanges,
  scenarioFlow,
  tickGoals,
  type Goal,
  type GoalTimes,
  type Scenario,
} from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';

const DRAIN_MS = 600_000;
/** Goals are checked on the grid the app's GoalTicker uses, so the app shows these moments. */
const TICK_MS = GOAL_TICK_MS;

function simulation(scenario: Scenario, mode: Mode, design: Goal['design'] = {}): Simulation {
  return new Simulation({
    // A step's key (`steps.charge.where`) is a setting as buildConfig applies it; the type of
    // SettingValues leaves them out because which exist depends on the flow.
    config: buildConfig(
      { ...scenario.settings, ...design } as SettingValues,
      scenarioFlow(scenario),
    ),
    mode,
    seed: scenario.seed,
    durationMs: scenario.durationSec * 1000,
    changes: scenarioChanges(scenario),
  });
}

/** Ledger fields added after the goldens were written: each shows in a summary once a lesson
 * makes it more than 0, so the goldens of lessons that never touch it stay as they were. */
const LATER_ORDER_FIELDS = ['savedNeverEnqueued'] as const;

function ordersOf(r: Report): Partial<Report['orders']> {
  const orders: Partial<Report['orders']> = { ...r.orders };
  for (const field of LATER_ORDER_FIELDS) if (orders[field] === 0) delete orders[field];
  return orders;
}

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
    orders: ordersOf(r),
    responseMs: stats(r.responseMs),
    emailDelayMs: stats(r.emailDelayMs),
    emails: r.emails,
    queue: { enqueued: r.queue.enqueued, maxDepth: r.queue.maxDepth },
    workers: { crashes: r.workers.crashes, utilization: round(r.workers.utilization * 100) },
  };
}

/** When each of these goals ticks in the run of the design they ask for (all ask for the same). */
function tickIn(scenario: Scenario, goals: readonly Goal[]): GoalTimes {
  const design = goals[0]?.design;
  const sync = simulation(scenario, 'sync', design);
  const async = simulation(scenario, 'async', design);
  let met: GoalTimes = {};
  const endMs = scenario.durationSec * 1000 + 120_000;
  for (let t = 0; t <= endMs && Object.keys(met).length < goals.length; t += TICK_MS) {
    sync.runUntil(t);
    async.runUntil(t);
    met = tickGoals(
      goals,
      { sync: report(sync.state, scenario.id), async: report(async.state, scenario.id) },
      t,
      met,
    );
  }
  return met;
}

describe.each(SCENARIOS.map((s) => [s.id, s] as const))('the %s scenario', (id, scenario) => {
  it.each(['sync', 'async'] as Mode[])(
    `gives its golden summary in %s mode (seed ${scenario.seed})`,
    async (mode) => {
      const sim = simulation(scenario, mode);
      expect(sim.runToSettle(scenario.durationSec * 1000 + DRAIN_MS)).toBe(true);
      const summary = JSON.stringify(compact(report(sim.state, id)), null, 2) + '\n';
      await expect(summary).toMatchFileSnapshot(`./golden/${id}.${mode}.json`);
    },
  );

  it(`ticks every goal, at the same moments every time (seed ${scenario.seed})`, async () => {
    // A sandbox lesson's goal that asks for a design of the student's ticks in that design's run.
    const designs = new Map<string, Goal[]>();
    for (const goal of scenario.goals) {
      const key = JSON.stringify(goal.design ?? {});
      designs.set(key, [...(designs.get(key) ?? []), goal]);
    }
    let met: GoalTimes = {};
    for (const goals of designs.values()) met = { ...met, ...tickIn(scenario, goals) };
    expect(Object.keys(met).sort()).toEqual(scenario.goals.map((g) => g.id).sort());
    const timeline = {
      // The captions as the lesson shows them: each at its moment resolved against the run.
      beats: resolveScript(scenario, scenarioRecipe(scenario)).beats.map((b) => ({
        atMs: beatMs(b),
        pause: b.pause ?? false,
      })),
      goals: scenario.goals.map((g) => ({ id: g.id, atMs: met[g.id] })),
    };
    await expect(JSON.stringify(timeline, null, 2) + '\n').toMatchFileSnapshot(
      `./golden/${id}.timeline.json`,
    );
  });

  // Only a lesson with a design goal has this test (not a skipped one in every other lesson).
  const designGoals = scenario.goals.filter((g) => g.design !== undefined);
  if (designGoals.length > 0) {
    it('does not tick a design goal in its own run', () => {
      const asWritten = designGoals.map(({ design: _design, ...goal }) => goal);
      expect(tickIn(scenario, asWritten)).toEqual({});
    });
  }
});

describe('the scenarios as a set', () => {
  it('have unique ids, a prediction whose answer is one of its options, and goals', () => {
    const ids = new Set(SCENARIOS.map((s) => s.id));
    expect(ids.size).toBe(SCENARIOS.length);
    for (const s of SCENARIOS) {
      expect(s.prediction.options.map((o) => o.id)).toContain(s.prediction.answer);
      expect(s.goals.length).toBeGreaterThan(0);
      expect(s.beats.every((b, i) => i === 0 || b.atSec >= s.beats[i - 1]!.atSec)).toBe(true);
    }
  });
});
