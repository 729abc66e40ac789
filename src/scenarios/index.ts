/** The preset scenarios, in the order the lessons take them, and how to turn one into a run. */
import {
  buildConfig,
  type Config,
  type RunRecipe,
  type SettingValues,
  type TimedChange,
} from '../engine/index.ts';
import { checkout } from './checkout.ts';
import { doubleCharge } from './doubleCharge.ts';
import { dualWrite } from './dualWrite.ts';
import { emailOutage } from './emailOutage.ts';
import { flakyEmail } from './flakyEmail.ts';
import { passwordCheck } from './passwordCheck.ts';
import { kafkaPoison } from './kafkaPoison.ts';
import { poisonMessage } from './poisonMessage.ts';
import { rabbitDrop } from './rabbitDrop.ts';
import { slowEmail } from './slowEmail.ts';
import { tooFewWorkers } from './tooFewWorkers.ts';
import { trafficSpike } from './trafficSpike.ts';
import type { Scenario } from './types.ts';
import { workerCrash } from './workerCrash.ts';

export type {
  Beat,
  ChartTally,
  Condition,
  Goal,
  Lane,
  Prediction,
  Scenario,
  ScenarioChange,
  StageChart,
  TallyKey,
} from './types.ts';
export { EXERCISE, type Choice, type ExerciseTask } from './exercise.ts';
export { holds, tickGoals, type GoalTimes, type LaneReports } from './goals.ts';
export { METRICS, readMetric, type GoalMetric } from './metrics.ts';

export const SCENARIOS: readonly Scenario[] = [
  checkout,
  emailOutage,
  flakyEmail,
  workerCrash,
  trafficSpike,
  tooFewWorkers,
  passwordCheck,
  poisonMessage,
  doubleCharge,
  slowEmail,
  kafkaPoison,
  rabbitDrop,
  dualWrite,
];

export const DEFAULT_SCENARIO_ID = checkout.id;

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/** A scenario's config with extra settings on top; throws SettingError naming a bad key. */
export function scenarioConfig(scenario: Scenario, overrides: SettingValues = {}): Config {
  return buildConfig({ ...scenario.settings, ...overrides });
}

export function scenarioChanges(scenario: Scenario): TimedChange[] {
  return (scenario.changes ?? []).map((c) => ({
    atMs: c.atSec * 1000,
    key: c.key,
    value: c.value,
  }));
}

/** The run a scenario describes, as `Simulation.fromRecipe` takes it, with extra settings on top. */
export function scenarioRecipe(scenario: Scenario, overrides: SettingValues = {}): RunRecipe {
  return {
    settings: { ...scenario.settings, ...overrides },
    seed: scenario.seed,
    durationMs: scenario.durationSec * 1000,
    changes: scenarioChanges(scenario),
  };
}

/** The lanes a scenario shows: both in compare mode, else its one mode. */
export function scenarioLanes(scenario: Scenario): ('sync' | 'async')[] {
  return scenario.mode === 'compare' ? ['sync', 'async'] : [scenario.mode];
}
