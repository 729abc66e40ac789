/** The preset scenarios, in the order the lessons take them, and how to turn one into a run. */
import {
  buildConfig,
  SettingError,
  type Config,
  type SettingValue,
  type TimedChange,
} from '../engine/index.ts';
import { checkout } from './checkout.ts';
import { emailOutage } from './emailOutage.ts';
import { steadyTraffic } from './steadyTraffic.ts';
import type { Scenario } from './types.ts';

export type { Scenario, ScenarioChange } from './types.ts';

export const SCENARIOS: readonly Scenario[] = [checkout, steadyTraffic, emailOutage];

export const DEFAULT_SCENARIO_ID = checkout.id;

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/** A scenario's config with extra settings on top; throws SettingError naming a bad key. */
export function scenarioConfig(
  scenario: Scenario,
  overrides: Readonly<Record<string, SettingValue>> = {},
): Config {
  return buildConfig({ ...scenario.settings, ...overrides });
}

export function scenarioChanges(scenario: Scenario): TimedChange[] {
  return (scenario.changes ?? []).map((c) => ({
    atMs: c.atSec * 1000,
    key: c.key,
    value: c.value,
  }));
}

export { SettingError };
