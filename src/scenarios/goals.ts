/** Ticks a scenario's goals from the lanes' reports: a goal is done from the first moment its
 * condition holds, and stays done. Pure, so the store and the golden tests use the same rule. */
import type { Report } from '../engine/index.ts';
import { readMetric } from './metrics.ts';
import type { Condition, Goal, Lane } from './types.ts';

export type LaneReports = Partial<Record<Lane, Report>>;

export function holds(condition: Condition, reports: LaneReports): boolean {
  const r = reports[condition.lane];
  if (!r) return false;
  const value = readMetric(r, condition.metric);
  if (condition.atLeast !== undefined && !(value >= condition.atLeast)) return false;
  if (condition.atMost !== undefined && !(value <= condition.atMost)) return false;
  return true;
}

/** When each goal was first met, in ms of simulated time (absent while not met yet). */
export type GoalTimes = Readonly<Record<string, number>>;

/** Updates goal times at simulated time `nowMs`; returns the same object if nothing changed. */
export function tickGoals(
  goals: readonly Goal[],
  reports: LaneReports,
  nowMs: number,
  met: GoalTimes,
): GoalTimes {
  let next: Record<string, number> | null = null;
  for (const goal of goals) {
    if (met[goal.id] !== undefined || nowMs < (goal.afterSec ?? 0) * 1000) continue;
    if (!goal.when.every((c) => holds(c, reports))) continue;
    next ??= { ...met };
    next[goal.id] = nowMs;
  }
  return next ?? met;
}
