/** A lesson's goals, ticked on a grid of simulated time whatever the playback does. Two scratch
 * simulations replay the lanes' recipe in steps of GOAL_TICK_MS and check the goals at every
 * step, so a goal's moment is the same when the run plays at 1x, at 8x, or is opened by a link
 * straight at 40 s; and the same as in the golden timelines, which use the same grid. */
import { PAGE_LIMITS, Simulation, type RunRecipe } from '../engine/index.ts';
import { tickGoals, type GoalTimes, type Lane, type Scenario } from '../scenarios/index.ts';

export const GOAL_TICK_MS = 50;
/** Grid steps one call may check (1,000 s of simulated time, tens of ms), and engine events its two
 * runs may spend (tens of ms): a jump far ahead, or into a heavy run (80 s of a lesson at 1,000
 * orders/s took 650 ms in one go), catches up over the next calls instead of blocking one. */
const STEPS_PER_CALL = 20_000;
export const GOAL_EVENTS_PER_CALL = 200_000;

/** The first moment of the grid at or after `ms`. */
const gridCeil = (ms: number) => Math.ceil(ms / GOAL_TICK_MS) * GOAL_TICK_MS;

export class GoalTicker {
  private readonly sims: Record<Lane, Simulation>;
  /** The next moment of the grid to check. */
  private nextMs = 0;
  private met: GoalTimes = {};
  /** Moments of the grid checked so far. */
  checks = 0;

  constructor(
    readonly scenario: Scenario,
    readonly recipe: RunRecipe,
  ) {
    // The lanes' own budgets: the replay holds what they hold, and stops where they stop.
    this.sims = {
      sync: Simulation.fromRecipe(recipe, 'sync', { limits: PAGE_LIMITS }),
      async: Simulation.fromRecipe(recipe, 'async', { limits: PAGE_LIMITS }),
    };
  }

  /** Is there more to check up to `nowMs` than the last call got through? Then call again. */
  behind(nowMs: number): boolean {
    const running = !this.sims.sync.stopped && !this.sims.async.stopped;
    const open = Object.keys(this.met).length < this.scenario.goals.length;
    return running && open && this.nextMs <= nowMs;
  }

  private get events(): number {
    return this.sims.sync.events + this.sims.async.events;
  }

  /** The goals met by `nowMs`, each at the first moment of the grid at which it held. */
  goalTimesAt(nowMs: number): GoalTimes {
    const goals = this.scenario.goals;
    let steps = 0;
    const until = this.events + GOAL_EVENTS_PER_CALL;
    while (
      this.nextMs <= nowMs &&
      Object.keys(this.met).length < goals.length &&
      steps++ < STEPS_PER_CALL &&
      this.events < until
    ) {
      const t = this.nextMs;
      this.checks++;
      this.sims.sync.runUntil(t);
      this.sims.async.runUntil(t);
      const reports = {
        sync: this.sims.sync.report(this.scenario.id),
        async: this.sims.async.report(this.scenario.id),
      };
      this.met = tickGoals(goals, reports, t, this.met);
      this.nextMs += GOAL_TICK_MS;
      if (this.sims.sync.settled && this.sims.async.settled) this.skipWhileSettled();
    }
    return keptUpTo(this.met, nowMs);
  }

  /** Once both runs have settled their reports no longer change (no goal metric depends on time
   * alone), so the only moments still worth checking are those at which a goal's `afterSec`
   * first lets it tick; without any, nothing more can be met. Keeps a jump to an hour into a
   * lesson from checking 72,000 moments of a run that ended long before. */
  private skipWhileSettled(): void {
    const checked = this.nextMs - GOAL_TICK_MS;
    const waiting = this.scenario.goals
      .filter((g) => this.met[g.id] === undefined && (g.afterSec ?? 0) * 1000 > checked)
      .map((g) => gridCeil((g.afterSec ?? 0) * 1000));
    // A goal that could tick at the moment just checked and did not never will.
    this.nextMs = waiting.length > 0 ? Math.min(...waiting) : Infinity;
  }
}

/** Goal times up to `nowMs`: after a jump back, the later ones have not happened yet. */
function keptUpTo(times: GoalTimes, nowMs: number): GoalTimes {
  if (Object.values(times).every((t) => t <= nowMs)) return times;
  const kept: Record<string, number> = {};
  for (const [id, t] of Object.entries(times)) if (t <= nowMs) kept[id] = t;
  return kept;
}
