/** A lesson's progress as the simulation runs, with no React: when each goal ticked, and the
 * prediction's reveal (the metric's value once it means something). Subscribed to the simulator's
 * frames, it reads the engine's reports only when a lane has logged something new. */
import { createStore } from 'zustand/vanilla';
import { report, type Report } from '../engine/index.ts';
import {
  findScenario,
  readMetric,
  tickGoals,
  type GoalTimes,
  type LaneReports,
  type Scenario,
} from '../scenarios/index.ts';
import type { Simulator } from '../store/simulatorStore.ts';

export interface LessonProgress {
  scenarioId: string | null;
  /** When each goal was first met, in simulated ms. */
  goalTimes: GoalTimes;
  /** The run has got far enough for the prediction's number to mean something. */
  revealReady: boolean;
  /** The prediction's metric, read from its lane's report (NaN while there is no scenario). */
  revealValue: number;
}

const EMPTY: LessonProgress = {
  scenarioId: null,
  goalTimes: {},
  revealReady: false,
  revealValue: Number.NaN,
};

/** Goal times still true after a jump back to `nowMs`: a replay reaches the same moments. */
function keptBefore(times: GoalTimes, nowMs: number): GoalTimes {
  const kept: Record<string, number> = {};
  for (const [id, t] of Object.entries(times)) if (t <= nowMs) kept[id] = t;
  return kept;
}

/** Has the run reached the point where the reveal is the answer: every goal ticked, the run
 * settled, or its arrivals over? */
function revealDue(scenario: Scenario, times: GoalTimes, settled: boolean, nowMs: number): boolean {
  if (settled || nowMs >= scenario.durationSec * 1000) return true;
  return scenario.goals.length > 0 && scenario.goals.every((g) => times[g.id] !== undefined);
}

export function createLessonProgress(simulator: Simulator) {
  const progress = createStore<LessonProgress>()(() => EMPTY);
  let generation = -1;
  let seenMs = { sync: -Infinity, async: -Infinity };

  let reports: LaneReports = {};
  let seenNowMs = -1;

  function update(): void {
    const s = simulator.store.getState();
    const scenario = s.scenarioId === null ? undefined : findScenario(s.scenarioId);
    const current = progress.getState();
    if (!scenario) {
      if (current !== EMPTY) progress.setState(EMPTY, true);
      return;
    }
    const sync = simulator.lane('sync');
    const async = simulator.lane('async');
    const nowMs = sync.nowMs;
    const rebuilt = s.generation !== generation || current.scenarioId !== scenario.id;
    const logged = sync.lastLoggedMs !== seenMs.sync || async.lastLoggedMs !== seenMs.async;
    if (!rebuilt && !logged && nowMs === seenNowMs) return;
    seenNowMs = nowMs;
    if (rebuilt || logged) {
      generation = s.generation;
      seenMs = { sync: sync.lastLoggedMs, async: async.lastLoggedMs };
      reports = {
        sync: report(sync.sim.state, scenario.id),
        async: report(async.sim.state, scenario.id),
      };
    }
    let met = current.scenarioId === scenario.id ? current.goalTimes : {};
    if (rebuilt) met = keptBefore(met, nowMs);
    // A goal's moment is the latest event that could have made it hold: reports change only at
    // logged events, and frames are a few ms of simulated time apart.
    const eventMs = Math.min(Math.max(sync.lastLoggedMs, async.lastLoggedMs, 0), nowMs);
    const goalTimes = tickGoals(
      scenario.goals,
      reports,
      nowMs,
      tickGoals(scenario.goals, reports, eventMs, met),
    );
    const reveal = scenario.prediction.reveal;
    const revealReport: Report | undefined = reports[reveal.lane];
    const next: LessonProgress = {
      scenarioId: scenario.id,
      goalTimes,
      revealReady: revealDue(scenario, goalTimes, sync.sim.settled && async.sim.settled, nowMs),
      revealValue: revealReport ? readMetric(revealReport, reveal.metric) : Number.NaN,
    };
    if (
      next.scenarioId !== current.scenarioId ||
      next.goalTimes !== current.goalTimes ||
      next.revealReady !== current.revealReady ||
      !Object.is(next.revealValue, current.revealValue)
    ) {
      progress.setState(next, true);
    }
  }

  update();
  const stop = simulator.onFrame(update);
  return { store: progress, update, dispose: stop };
}

export type LessonProgressHandle = ReturnType<typeof createLessonProgress>;

const bySimulator = new WeakMap<Simulator, LessonProgressHandle>();

/** One progress tracker per simulator, made on first use and living as long as it does. */
export function lessonProgressOf(simulator: Simulator): LessonProgressHandle {
  let handle = bySimulator.get(simulator);
  if (!handle) {
    handle = createLessonProgress(simulator);
    bySimulator.set(simulator, handle);
  }
  return handle;
}
