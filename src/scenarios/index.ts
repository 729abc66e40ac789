/** The lessons: their index (loaded with the page), their content (loaded on demand, `load.ts`),
 * and how to turn one into a run. The full list at once is `all.ts`, for the CLI and the tests. */
import {
  buildConfig,
  FLOW_PRESETS,
  type Config,
  type Flow,
  type RunRecipe,
  type SettingValues,
  type TimedChange,
} from '../engine/index.ts';
import type { LessonEntry, Scenario } from './types.ts';
export type {
  Beat,
  ChartTally,
  Condition,
  Goal,
  Lane,
  LessonContent,
  LessonEntry,
  Prediction,
  Scenario,
  ScenarioChange,
  StageChart,
  TallyKey,
} from './types.ts';
export { EXERCISE, type Choice, type ExerciseTask } from './exercise.ts';
export { holds, tickGoals, type GoalTimes, type LaneReports } from './goals.ts';
export { METRICS, readMetric, type GoalMetric } from './metrics.ts';
export { DEFAULT_SCENARIO_ID, LESSONS, lessonEntry } from './lessonIndex.ts';
export { findScenario, lessonLoadFailed, loadAllLessons, loadLesson } from './load.ts';

/** The flow a scenario names, or undefined for the checkout (the engine's default). A preset id
 * that does not exist is a mistake in the lesson: it throws, naming the presets. */
export function scenarioFlow(scenario: Pick<Scenario, 'id' | 'flow'>): Flow | undefined {
  const { flow } = scenario;
  if (flow === undefined) return undefined;
  if (typeof flow !== 'string') return flow;
  const preset = FLOW_PRESETS[flow];
  if (!preset) {
    throw new Error(
      `scenario ${scenario.id}: no flow preset '${flow}'; one of ${Object.keys(FLOW_PRESETS).join(', ')}`,
    );
  }
  return preset();
}

/** A scenario's config with extra settings on top; throws SettingError naming a bad key. */
export function scenarioConfig(scenario: LessonEntry, overrides: SettingValues = {}): Config {
  return buildConfig({ ...scenario.settings, ...overrides }, scenarioFlow(scenario));
}

export function scenarioChanges(scenario: Pick<Scenario, 'changes'>): TimedChange[] {
  return (scenario.changes ?? []).map((c) => ({
    atMs: c.atSec * 1000,
    key: c.key,
    value: c.value,
  }));
}

/** The run a scenario describes, as `Simulation.fromRecipe` takes it, with extra settings on top. */
export function scenarioRecipe(scenario: LessonEntry, overrides: SettingValues = {}): RunRecipe {
  return {
    settings: { ...scenario.settings, ...overrides },
    seed: scenario.seed,
    durationMs: scenario.durationSec * 1000,
    changes: scenarioChanges(scenario),
    ...flowField(scenarioFlow(scenario)),
  };
}

/** The lanes a scenario shows: both in compare mode, else its one mode. */
export function scenarioLanes(scenario: Pick<Scenario, 'mode'>): ('sync' | 'async')[] {
  return scenario.mode === 'compare' ? ['sync', 'async'] : [scenario.mode];
}

/** `{ flow }` when there is one, else nothing: a recipe of the checkout has no flow field, as
 * before flows existed, so its JSON and its comparisons are unchanged. */
export function flowField(flow: Flow | undefined): { flow?: Flow } {
  return flow ? { flow } : {};
}
