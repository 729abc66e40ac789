// Each lesson's own run has its captions resolved before the build (src/scenarios/ownScripts.json,
// read by `lessonScript`), so that opening a lesson does not run both lanes to its last caption
// while the first screen builds. This writes that file (`vitest -u`) and fails when it is out of
// date; and the stored script must be exactly what `resolveScript` gives, for the lesson's own run
// only.
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import type { RunRecipe } from '../../src/engine/index.ts';
import { scenarioRecipe } from '../../src/scenarios/index.ts';
import {
  lessonScript,
  ownScript,
  recipeKey,
  resolveScript,
  type OwnScripts,
} from '../../src/scenarios/script.ts';
import stored from '../../src/scenarios/ownScripts.json';

const own = stored as OwnScripts;

describe('the lessons’ own scripts, resolved before the build', () => {
  it('are what resolveScript gives now (else `npx vitest run --project unit -u ownScripts`)', async () => {
    const all = Object.fromEntries(
      SCENARIOS.flatMap((s) => {
        const script = ownScript(s, scenarioRecipe(s));
        return script ? [[s.id, script]] : [];
      }),
    );
    await expect(JSON.stringify(all, null, 2) + '\n').toMatchFileSnapshot(
      '../../src/scenarios/ownScripts.json',
    );
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    'give %s its captions exactly as resolving its own run does',
    (id, scenario) => {
      const recipe = scenarioRecipe(scenario);
      expect(own[id], `no stored script for ${id}`).toBeDefined();
      expect(lessonScript(scenario, recipe, own)).toEqual(resolveScript(scenario, recipe));
    },
  );

  it('are not used for a changed run: another seed or a longer run is resolved at the time', () => {
    const spike = SCENARIOS.find((s) => s.id === 'traffic-spike')!;
    const recipe = scenarioRecipe(spike);
    const reseeded = { ...recipe, seed: recipe.seed + 1 };
    // A stored script whose moments are all wrong shows whether it was read.
    const wrong: OwnScripts = {
      [spike.id]: { recipe: recipeKey(recipe), beats: spike.beats.map(() => 999) },
    };
    expect(lessonScript(spike, recipe, wrong).beats.map((b) => b.atSec)).toEqual(
      spike.beats.map(() => 999),
    );
    expect(lessonScript(spike, reseeded, wrong, resolveScript)).toEqual(
      resolveScript(spike, reseeded),
    );
    const changed: RunRecipe = { ...recipe, durationMs: recipe.durationMs + 1000 };
    expect(lessonScript(spike, changed, wrong, resolveScript)).toEqual(
      resolveScript(spike, changed),
    );
    expect(recipeKey(changed)).not.toBe(recipeKey(recipe));
  });

  it('refuse a changed run by name while what resolves it has not loaded (the page loads it with the first lesson)', () => {
    const spike = SCENARIOS.find((s) => s.id === 'traffic-spike')!;
    const recipe = scenarioRecipe(spike);
    const reseeded = { ...recipe, seed: recipe.seed + 1 };
    expect(lessonScript(spike, recipe, own).beats).toHaveLength(spike.beats.length);
    expect(() => lessonScript(spike, reseeded, own)).toThrow(
      "the captions of the lesson 'traffic-spike' cannot be bound to a changed run",
    );
  });

  it('have one fingerprint per run whatever the order of its keys', () => {
    const a = { settings: { x: 1, y: 2 }, seed: 3, durationMs: 4, changes: [] };
    const b = { changes: [], durationMs: 4, seed: 3, settings: { y: 2, x: 1 } };
    expect(recipeKey(a)).toBe(recipeKey(b));
    expect(recipeKey({ ...a, seed: 4 })).not.toBe(recipeKey(a));
  });
});
