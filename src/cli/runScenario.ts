/** One headless run of a preset scenario with the command line's options: what a single
 * `simulate` prints, and each row of a sweep. */
import { report, Simulation, type Report, type SettingValue } from '../engine/index.ts';
import { scenarioChanges, scenarioConfig, type Scenario } from '../scenarios/index.ts';
import type { CliOptions } from './args.ts';

export function runScenario(
  scenario: Scenario,
  o: CliOptions,
  settings: Readonly<Record<string, SettingValue>> = o.settings,
): Report {
  const durationMs = (o.durationSec ?? scenario.durationSec) * 1000;
  const sim = new Simulation({
    config: scenarioConfig(scenario, settings),
    mode: o.mode ?? (scenario.mode === 'compare' ? 'sync' : scenario.mode),
    seed: o.seed ?? scenario.seed,
    durationMs,
    changes: scenarioChanges(scenario),
  });
  sim.runToSettle(durationMs + o.drainSec * 1000);
  return report(sim.state, scenario.id);
}
