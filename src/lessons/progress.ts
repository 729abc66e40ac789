/** A lesson's progress as the simulation runs, with no React: when each goal ticked, whether the
 * lesson has ended, and the prediction's reveal (the metric's value once it means something).
 * Subscribed to the simulator's frames, it reads the engine's reports only when a lane has logged
 * something new; goals are ticked by a GoalTicker on a fixed grid of simulated time. */
import { createStore } from 'zustand/vanilla';
import type { Report } from '../engine/index.ts';
import {
  findScenario,
  readMetric,
  type GoalTimes,
  type LaneReports,
  type Scenario,
} from '../scenarios/index.ts';
import { GoalTicker } from './goalTicker.ts';
import { lessonEnded } from './lessonEnd.ts';
import type { Simulator, SimulatorState } from '../store/simulatorStore.ts';

export interface LessonProgress {
  scenarioId: string | null;
  /** When each goal was first met, in simulated ms. */
  goalTimes: GoalTimes;
  /** In a lesson that asks for the student's own design (a goal with `design`): goals met in an
   * earlier design since the lesson loaded and not yet in this one. Each design is a run of its
   * own from 0 s, so without this, putting the charge back would untick what the student saw it
   * do in the background. */
  earlierGoals: readonly string[];
  /** The lesson has ended at the moment shown: its last caption shows or the run has settled
   * (lessonEnd.ts). */
  ended: boolean;
  /** The run has got far enough for the prediction's number to mean something. */
  revealReady: boolean;
  /** The prediction's metric, read from its lane's report (NaN while there is no scenario). */
  revealValue: number;
}

const EMPTY: LessonProgress = {
  scenarioId: null,
  goalTimes: {},
  earlierGoals: [],
  ended: false,
  revealReady: false,
  revealValue: Number.NaN,
};

function sameTimes(a: GoalTimes, b: GoalTimes): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The goals a lesson that asks for designs keeps from the run it leaves: those met in it and in
 * the designs before it, in the lesson's order. Other lessons keep none. */
function keptGoals(
  scenario: Scenario,
  earlier: readonly string[],
  leaving: LessonProgress,
): readonly string[] {
  if (!scenario.goals.some((g) => g.design !== undefined)) return [];
  if (leaving.scenarioId !== scenario.id) return earlier;
  const met = (id: string) => earlier.includes(id) || leaving.goalTimes[id] !== undefined;
  return scenario.goals.map((g) => g.id).filter(met);
}

/** Has the run reached the point where the reveal is the answer: the lesson ended (its last
 * caption, or the run settled), its arrivals over, or every goal ticked? */
function revealDue(scenario: Scenario, times: GoalTimes, ended: boolean, nowMs: number): boolean {
  if (ended || nowMs >= scenario.durationSec * 1000) return true;
  return scenario.goals.length > 0 && scenario.goals.every((g) => times[g.id] !== undefined);
}

export function createLessonProgress(simulator: Simulator) {
  const progress = createStore<LessonProgress>()(() => EMPTY);
  let generation = -1;
  let seenMs = { sync: -Infinity, async: -Infinity };
  let reports: LaneReports = {};
  let seenNowMs = -1;
  let seenBeats: SimulatorState['beats'] | null = null;
  let ticker: GoalTicker | null = null;
  /** Goals met in this lesson's earlier designs (see `earlierGoals`). */
  let earlier: readonly string[] = [];
  /** A follow-up call while the ticker catches up (a paused page has no frames to call it). */
  let catchUp: ReturnType<typeof setTimeout> | undefined;

  function update(): void {
    catchUp = undefined;
    const s = simulator.store.getState();
    const scenario = s.scenarioId === null ? undefined : findScenario(s.scenarioId);
    const current = progress.getState();
    if (!scenario) {
      ticker = null;
      if (current !== EMPTY) progress.setState(EMPTY, true);
      return;
    }
    const sync = simulator.lane('sync');
    const async = simulator.lane('async');
    const nowMs = sync.nowMs;
    const rebuilt = s.generation !== generation || current.scenarioId !== scenario.id;
    const logged = sync.lastLoggedMs !== seenMs.sync || async.lastLoggedMs !== seenMs.async;
    const behind = ticker?.behind(nowMs) ?? false;
    if (!rebuilt && !logged && !behind && nowMs === seenNowMs && s.beats === seenBeats) return;
    seenNowMs = nowMs;
    seenBeats = s.beats;
    if (rebuilt || logged) {
      generation = s.generation;
      seenMs = { sync: sync.lastLoggedMs, async: async.lastLoggedMs };
      reports = {
        sync: sync.report(scenario.id),
        async: async.report(scenario.id),
      };
    }
    const recipe = simulator.recipe();
    if (ticker?.scenario !== scenario || ticker.recipe !== recipe) {
      earlier = ticker?.scenario === scenario ? keptGoals(scenario, earlier, current) : [];
      ticker = new GoalTicker(scenario, recipe);
    }
    const ticked = ticker.goalTimesAt(nowMs);
    const stillEarlier = earlier.filter((id) => ticked[id] === undefined);
    const earlierGoals = sameList(stillEarlier, current.earlierGoals)
      ? current.earlierGoals
      : stillEarlier;
    // Its work per call is bounded: the rest waits for the next task, not this frame.
    if (ticker.behind(nowMs) && catchUp === undefined) catchUp = setTimeout(update, 0);
    const goalTimes =
      current.scenarioId === scenario.id && sameTimes(ticked, current.goalTimes)
        ? current.goalTimes
        : ticked;
    const reveal = scenario.prediction.reveal;
    const revealReport: Report | undefined = reports[reveal.lane];
    const ended = lessonEnded(s.beats, nowMs, sync.settled && async.settled);
    const next: LessonProgress = {
      scenarioId: scenario.id,
      goalTimes,
      earlierGoals,
      ended,
      revealReady: revealDue(scenario, goalTimes, ended, nowMs),
      revealValue: revealReport ? readMetric(revealReport, reveal.metric) : Number.NaN,
    };
    if (
      next.scenarioId !== current.scenarioId ||
      next.goalTimes !== current.goalTimes ||
      next.earlierGoals !== current.earlierGoals ||
      next.ended !== current.ended ||
      next.revealReady !== current.revealReady ||
      !Object.is(next.revealValue, current.revealValue)
    ) {
      progress.setState(next, true);
    }
  }

  /** The store's state at the last frame read: while playing it is a new object only when the
   * moment is published (a few times a second; between publishes only the clock moves, in place),
   * and the progress is read then, not on every frame (reading the lanes' reports every frame
   * cost each frame of a spike a few ms, and re-rendered the reveal's number every frame). */
  let readState: SimulatorState | null = null;
  function onFrame(): void {
    const s = simulator.store.getState();
    if (s.playing && s === readState) return;
    readState = s;
    update();
  }

  update();
  const stop = simulator.onFrame(onFrame);
  const dispose = () => {
    stop();
    if (catchUp !== undefined) clearTimeout(catchUp);
  };
  return { store: progress, update, dispose };
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
