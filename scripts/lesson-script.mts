// Prints every lesson's captions as the app shows them, as JSON: each caption's moment (resolved
// against the engine, scenarios/script.ts) and the tallies each shown lane reads at that moment.
// The browser test of captions compares the page with it: `npx tsx scripts/lesson-script.mts`.
import { Simulation } from '../src/engine/index.ts';
import { talliesOf } from '../src/lessons/tallies.ts';
import { scenarioLanes, scenarioRecipe } from '../src/scenarios/index.ts';
import { SCENARIOS } from '../src/scenarios/all.ts';
import { beatMs } from '../src/scenarios/beats.ts';
import { resolveScript } from '../src/scenarios/script.ts';

const lessons = SCENARIOS.map((scenario) => {
  const recipe = scenarioRecipe(scenario);
  const lanes = scenarioLanes(scenario);
  const sims = Object.fromEntries(lanes.map((m) => [m, Simulation.fromRecipe(recipe, m)]));
  const beats = resolveScript(scenario, recipe).beats.map((beat) => {
    const atMs = beatMs(beat);
    const tallies: Record<string, string[]> = {};
    for (const mode of lanes) {
      sims[mode]!.runUntil(atMs);
      tallies[mode] = talliesOf(sims[mode]!.report('live'), scenario.tallies ?? []).map(
        (t) => t.text,
      );
    }
    return { atMs, caption: beat.caption, tallies };
  });
  return { id: scenario.id, lanes, beats };
});
console.log(JSON.stringify(lessons));
