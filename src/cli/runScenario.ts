/** One headless run of a preset scenario with the command line's options: what a single
 * `simulate` prints, and each row of a sweep. A run too big to hold is refused before it starts,
 * and a setting that does nothing in the run is named, as the run would silently ignore it. */
import {
  buildConfig,
  checkRunSize,
  inertSettings,
  SettingError,
  Simulation,
  type Config,
  type Flow,
  type Report,
  settingKeys,
  type SettingValues,
} from '../engine/index.ts';
import { scenarioChanges, scenarioFlow, type Scenario } from '../scenarios/index.ts';
import type { CliOptions } from './args.ts';

export type Planned =
  { refused: string } | { refused?: undefined; warnings: string[]; run: () => Report };

/** Builds the run without running it: a refusal, or its warnings and the run itself. A setting
 * of a step the flow does not have is refused here, naming the flow's steps. */
export function planScenario(
  scenario: Scenario,
  o: CliOptions,
  settings: SettingValues = o.settings,
  flow?: Flow,
): Planned {
  const durationMs = (o.durationSec ?? scenario.durationSec) * 1000;
  let config: Config;
  try {
    // --flow wins over the lesson's own flow (the password check's, say).
    const runFlow = flow ?? scenarioFlow(scenario);
    config = buildConfig({ ...scenario.settings, ...settings }, runFlow);
  } catch (error) {
    if (error instanceof SettingError) return { refused: error.message };
    throw error;
  }
  const changes = scenarioChanges(scenario);
  const tooBig = checkRunSize(config, durationMs, changes);
  if (tooBig) return { refused: tooBig };
  const mode = o.mode ?? (scenario.mode === 'compare' ? 'sync' : scenario.mode);
  const changing = changes.map((c) => c.key);
  const warnings = inertSettings(settingKeys(settings), config, mode, changing);
  return {
    warnings,
    run() {
      const sim = new Simulation({
        config,
        mode,
        seed: o.seed ?? scenario.seed,
        durationMs,
        changes,
      });
      sim.runToSettle(durationMs + o.drainSec * 1000);
      return sim.report(scenario.id);
    },
  };
}

/** Plans and runs; throws the refusal (for callers that checked the plan already). */
export function runScenario(
  scenario: Scenario,
  o: CliOptions,
  settings: SettingValues = o.settings,
  flow?: Flow,
): Report {
  const plan = planScenario(scenario, o, settings, flow);
  if (plan.refused !== undefined) throw new Error(plan.refused);
  return plan.run();
}
