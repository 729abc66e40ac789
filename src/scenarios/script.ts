/** A lesson's captions bound to its run: each beat's moment resolved against the engine (a beat
 * with `when` shows at the first moment its fact holds), and each caption kept only if what it
 * claims holds at that moment. The store shows what this returns, the tests walk it, and a run the
 * user has changed gets its own script: a caption that no longer happens, or no longer holds, is
 * left out with the reason. Pure: the same recipe always resolves the same way. */
import {
  buildConfig,
  roundUs,
  SCRIPT_MAX_EVENTS,
  Simulation,
  type Mode,
  type RunRecipe,
} from '../engine/index.ts';
import { beatMs } from './beats.ts';
import { brokerWords, describeFact, LaneProbe, ordersIn, type Fact } from './facts.ts';
import type { Beat, OwnBeat, OwnScripts, Scenario } from './types.ts';
export type { OwnBeat, OwnScripts } from './types.ts';

/** How finely a `when` is looked for, in ms of simulated time: the goals' grid. */
export const WHEN_GRID_MS = 50;
/** How long past the lesson's last arrival or last timed caption a `when` may still come. */
const WHEN_HORIZON_MS = 60_000;
/** Engine events a resolution may spend on both lanes together (engine/limits.ts; the heaviest
 * lesson needs 4,600): a user's heavy change gets a script as far as this reaches, never a
 * stalled page. Each lane's engine stops at its half, so one long advance cannot overrun it. */
export const SCRIPT_EVENT_BUDGET = SCRIPT_MAX_EVENTS;

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

/** Every fact a beat names. */
function factsOf(beat: Beat): Fact[] {
  return [...whenOf(beat), ...(beat.claims ?? [])];
}

/** A beat's `when` as a list (empty for a beat bound to its clock time). */
export function whenOf(beat: Beat): readonly Fact[] {
  if (!beat.when) return [];
  return Array.isArray(beat.when) ? beat.when : [beat.when as Fact];
}

export function resolveScript(scenario: Scenario, recipe: RunRecipe): Script {
  const beats = scenario.beats;
  if (beats.length === 0) return NO_SCRIPT;
  const watched = ordersIn(beats.flatMap(factsOf));
  const limits = { events: SCRIPT_EVENT_BUDGET / 2 };
  const probes: Record<Mode, LaneProbe> = {
    sync: new LaneProbe(Simulation.fromRecipe(recipe, 'sync', { limits }), watched),
    async: new LaneProbe(Simulation.fromRecipe(recipe, 'async', { limits }), watched),
  };
  const lastTimed = Math.max(...beats.map(beatMs));
  const horizonMs = Math.max(recipe.durationMs, lastTimed) + WHEN_HORIZON_MS;
  const spent = () => probes.sync.sim.events + probes.async.sim.events;
  const stopped = () => probes.sync.sim.stopped ?? probes.async.sim.stopped;
  const holds = (f: Fact) => probes[f.lane].holds(f, scenario.id);

  const kept: Beat[] = [];
  const leftOut: LeftOut[] = [];
  const advance = (to: number) => {
    probes.sync.advanceTo(to);
    probes.async.advanceTo(to);
  };
  let prevMs = -Infinity;
  for (const [i, beat] of beats.entries()) {
    const leave = (why: string, reason: LeftOut['reason'], atMs?: number) =>
      leftOut.push({
        index: i + 1,
        caption: beat.caption,
        why,
        reason,
        ...(atMs === undefined ? {} : { atMs }),
      });
    // Two captions never share a moment: the later would hide the earlier.
    let t = Math.max(beatMs(beat), prevMs === -Infinity ? 0 : roundUs(prevMs + 1));
    if (spent() > SCRIPT_EVENT_BUDGET || stopped()) {
      leave('the run is too heavy to check this caption against', 'tooHeavy');
      continue;
    }
    advance(t);
    const when = whenOf(beat);
    if (when.length > 0) {
      const allHold = () => when.every((f) => holds(f) === true);
      // The first moment of the grid from t on at which it holds (t itself first).
      let found = allHold();
      let next = Math.ceil(t / WHEN_GRID_MS) * WHEN_GRID_MS;
      if (next === t) next += WHEN_GRID_MS;
      while (!found && next <= horizonMs && spent() <= SCRIPT_EVENT_BUDGET && !stopped()) {
        t = next;
        advance(t);
        found = allHold();
        next += WHEN_GRID_MS;
      }
      if (!found) {
        leave(
          `it never happens in this run (${when.map(describeFact).join('; ')})`,
          'neverHappens',
        );
        continue;
      }
    }
    const failed = (beat.claims ?? []).find((c) => holds(c) !== true);
    if (failed) {
      leave(`it no longer holds at ${t / 1000} s (${describeFact(failed)})`, 'noLongerHolds', t);
      continue;
    }
    // Words that follow the broker ("{lease}") are its own at this moment.
    const worded = brokerWords(beat, probes.async.sim);
    kept.push(t === beatMs(beat) && worded === beat ? beat : { ...worded, atSec: t / 1000 });
    prevMs = t;
  }
  return { beats: kept, leftOut };
}

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
 * while the first screen builds); for a changed run, resolved now. */
export function lessonScript(scenario: Scenario, recipe: RunRecipe, own: OwnScripts = {}): Script {
  const stored = own[scenario.id];
  if (
    stored === undefined ||
    stored.beats.length !== scenario.beats.length ||
    stored.recipe !== recipeKey(recipe)
  ) {
    return resolveScript(scenario, recipe);
  }
  const words = { config: buildConfig(recipe.settings, recipe.flow) };
  const beats = scenario.beats.map((beat, i) => {
    const atSec = stored.beats[i];
    return typeof atSec === 'number' ? { ...brokerWords(beat, words), atSec } : beat;
  });
  return { beats, leftOut: [] };
}

/** `lessonScript`'s record of a lesson's own run (`recipe`: `scenarioRecipe(scenario)`), or
 * undefined when `resolveScript` leaves a caption out of it (then it is resolved at the time). */
export function ownScript(
  scenario: Scenario,
  recipe: RunRecipe,
): { recipe: string; beats: OwnBeat[] } | undefined {
  const script = resolveScript(scenario, recipe);
  if (script.leftOut.length > 0 || script.beats.length !== scenario.beats.length) return undefined;
  const beats = script.beats.map((bound, i): OwnBeat =>
    bound === scenario.beats[i] ? null : bound.atSec,
  );
  return { recipe: recipeKey(recipe), beats };
}
