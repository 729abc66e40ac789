// The goal ticker skips the grid once both runs have settled: it must tick the very moments a walk
// over every point of the grid ticks, and stop checking a run that ended long ago.
import { describe, expect, it } from 'vitest';
import { buildConfig, report, Simulation, type RunRecipe } from '../../src/engine/index.ts';
import { GOAL_EVENTS_PER_CALL, GOAL_TICK_MS, GoalTicker } from '../../src/lessons/goalTicker.ts';
import {
  scenarioRecipe,
  tickGoals,
  type GoalTimes,
  type Scenario,
} from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';

/** Every point of the grid, checked one by one. */
function walk(scenario: Scenario, recipe: RunRecipe, toMs: number): GoalTimes {
  const run = (mode: 'sync' | 'async') =>
    new Simulation({ ...recipe, config: buildConfig(recipe.settings, recipe.flow), mode });
  const sims = { sync: run('sync'), async: run('async') };
  let met: GoalTimes = {};
  for (let t = 0; t <= toMs; t += GOAL_TICK_MS) {
    sims.sync.runUntil(t);
    sims.async.runUntil(t);
    const reports = {
      sync: report(sims.sync.state, scenario.id),
      async: report(sims.async.state, scenario.id),
    };
    met = tickGoals(scenario.goals, reports, t, met);
  }
  return met;
}

describe('the goal ticker', () => {
  for (const [name, extra] of [
    ['as written', {}],
    ['with the email service down', { 'email.down': true }],
  ] as const) {
    it(`ticks the moments a walk over every grid point ticks, each lesson ${name}`, () => {
      for (const scenario of SCENARIOS) {
        const recipe = scenarioRecipe(scenario, extra);
        const toMs = scenario.durationSec * 1000 + 130_000;
        const ticker = new GoalTicker(scenario, recipe);
        expect(ticker.goalTimesAt(toMs), scenario.id).toEqual(walk(scenario, recipe, toMs));
      }
    }, 60_000);
  }

  it('answers a day into a lesson whose goals cannot all be met without walking the day', () => {
    const scenario = SCENARIOS.find((s) => s.id === 'checkout')!;
    const ticker = new GoalTicker(scenario, scenarioRecipe(scenario, { 'email.down': true }));
    expect(Object.keys(ticker.goalTimesAt(86_400_000))).toEqual(['async-page']);
    // The run settles within a minute; a walk of the day would check 1.7 million moments.
    expect(ticker.checks).toBeLessThan(60_000 / GOAL_TICK_MS);
  });

  it('catches a heavy run up over several calls, to the moments a walk ticks', () => {
    const scenario = SCENARIOS.find((s) => s.id === 'traffic-spike')!;
    const recipe = scenarioRecipe(scenario, {
      'traffic.pattern': 'steady',
      'traffic.rate': 2_000,
    });
    const toMs = 30_000;
    const ticker = new GoalTicker(scenario, recipe);
    let calls = 1;
    let times = ticker.goalTimesAt(toMs);
    while (ticker.behind(toMs)) {
      times = ticker.goalTimesAt(toMs);
      calls++;
    }
    // Each call stops once its runs have spent their share of events: this run needs several.
    expect(calls).toBeGreaterThan(1);
    expect(calls).toBeLessThan(100);
    expect(times).toEqual(walk(scenario, recipe, toMs));
    expect(GOAL_EVENTS_PER_CALL).toBeGreaterThan(0);
  });
});
