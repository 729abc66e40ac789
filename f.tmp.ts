import { Simulation } from './src/engine/index.ts';
import { findScenario, scenarioChanges } from './src/scenarios/index.ts';
const [id, until, ...orders] = process.argv.slice(2);
const sc = findScenario(id)!;
for (const mode of ['sync', 'async'] as const) {
  const sim = Simulation.fromRecipe({ settings: sc.settings, seed: sc.seed, durationMs: sc.durationSec * 1000, changes: scenarioChanges(sc) }, mode, { logCapacity: 1000000 });
  sim.runUntil(Number(until));
  for (const e of sim.readLog(0).entries) if ('order' in e && orders.includes(String((e as any).order)) && !['stepStarted','stepFinished'].includes(e.kind)) process.stdout.write(mode + ' ' + JSON.stringify(e) + '\n');
}
