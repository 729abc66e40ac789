/** A lesson's captions bound to its run, as the store holds them: the lesson's own run read from
 * what was resolved before the build, a changed run resolved by script.ts (`resolveScript`, with
 * the facts it checks), which loads with the lessons rather than in the first load (check:bundle).
 * Here is what the store needs at once: the shapes, the empty script and the run's fingerprint. */
import { buildConfig, type RunRecipe } from '../engine/index.ts';
import { brokerWords } from './brokerWords.ts';
import type { Beat, OwnScripts, Scenario } from './types.ts';

export interface LeftOut {
  /** The caption's number in the lesson (1-based), as written. */
  index: number;
  caption: string;
  /** Why, in English with the fact that fails, for the command line and the lesson's author. */
  why: string;
  /** Why, for the page to say in the language on: the run was too heavy to check it, what it
   * waits for never happens, or a claim of it no longer holds at `atMs`. */
  reason: 'tooHeavy' | 'neverHappens' | 'noLongerHolds';
  atMs?: number;
}

export interface Script {
  /** The captions that show, each at its resolved moment (`atSec`). */
  beats: readonly Beat[];
  /** The captions that do not, and why: only a changed run has any (a test holds the lessons). */
  leftOut: readonly LeftOut[];
}

/** A run with no lesson has no captions. */
export const NO_SCRIPT: Script = { beats: [], leftOut: [] };

/** Binds a lesson's captions to a run (script.ts's `resolveScript`). */
export type ResolveScript = (scenario: Scenario, recipe: RunRecipe) => Script;

/** A short fingerprint of a run: the same for recipes that are equal whatever their keys' order. */
export function recipeKey(recipe: RunRecipe): string {
  const text = canonical(recipe);
  // cyrb53: a 53-bit string hash, enough to tell a lesson's own run from a changed one.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** JSON with every object's keys sorted and undefined fields left out. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A lesson's captions bound to a run, as `resolveScript` binds them: for the lesson's own run
 * (what a lesson opens with) read from what was resolved before the build, since resolving runs
 * both lanes to the last caption (up to 70 ms on this machine, and a long task on a slow phone
 * while the first screen builds); for a changed run, resolved now by `resolve` (script.ts's
 * `resolveScript`, which the page loads with the first lesson: load.ts). */
export function lessonScript(
  scenario: Scenario,
  recipe: RunRecipe,
  own: OwnScripts = {},
  resolve?: ResolveScript,
): Script {
  const stored = own[scenario.id];
  if (
    stored === undefined ||
    stored.beats.length !== scenario.beats.length ||
    stored.recipe !== recipeKey(recipe)
  ) {
    if (!resolve) {
      throw new Error(
        `the captions of the lesson '${scenario.id}' cannot be bound to a changed run: what binds them has not loaded`,
      );
    }
    return resolve(scenario, recipe);
  }
  const words = { config: buildConfig(recipe.settings, recipe.flow) };
  const beats = scenario.beats.map((beat, i) => {
    const atSec = stored.beats[i];
    return typeof atSec === 'number' ? { ...brokerWords(beat, words), atSec } : beat;
  });
  return { beats, leftOut: [] };
}
