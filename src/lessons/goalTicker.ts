/** A lesson's goals, ticked on a grid of simulated time whatever the playback does. Two scratch
 * simulations replay the lanes' recipe in steps of GOAL_TICK_MS and check the goals at every
 * step, so a goal's moment is the same when the run plays at 1x, at 8x, or is opened by a link
 * straight at 40 s; and the same as in the golden timelines, which use the same grid. */
import { buildConfig, report, Simulation } from '../engine/index.ts';
import { tickGoals, type GoalTimes, type Lane, type Scenario } from '../scenarios/index.ts';
import type { RunRecipe } from '../store/lane.ts';

export const GOAL_TICK_MS = 50;

export class GoalTicker {
  private readonly sims: Record<Lane, Simulation>;
  /** The next moment of the grid to check. */
  private nextMs = 0;
  private met: GoalTimes = {};

  constructor(
    readonly scenario: Scenario,
    readonly recipe: RunRecipe,
  ) {
    const run = (mode: Lane) =>
      new Simulation({
        config: buildConfig(recipe.settings),
        mode,
        seed: recipe.seed,
        durationMs: recipe.durationMs,
        changes: recipe.changes,
      });
    this.sims = { sync: run('sync'), async: run('async') };
  }

  /** The goals met by `nowMs`, each at the first moment of the grid at which it held. */
  goalTimesAt(nowMs: number): GoalTimes {
    const goals = this.scenario.goals;
    while (this.nextMs <= nowMs && Object.keys(this.met).length < goals.length) {
      const t = this.nextMs;
      this.sims.sync.runUntil(t);
      this.sims.async.runUntil(t);
      const reports = {
        sync: report(this.sims.sync.state, this.scenario.id),
        async: report(this.sims.async.state, this.scenario.id),
      };
      this.met = tickGoals(goals, reports, t, this.met);
      this.nextMs += GOAL_TICK_MS;
    }
    return keptUpTo(this.met, nowMs);
  }
}

/** Goal times up to `nowMs`: after a jump back, the later ones have not happened yet. */
function keptUpTo(times: GoalTimes, nowMs: number): GoalTimes {
  if (Object.values(times).every((t) => t <= nowMs)) return times;
  const kept: Record<string, number> = {};
  for (const [id, t] of Object.entries(times)) if (t <= nowMs) kept[id] = t;
  return kept;
}
