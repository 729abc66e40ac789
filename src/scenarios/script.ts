/** A lesson's captions bound to its run: each beat's moment resolved against the engine (a beat
 * with `when` shows at the first moment its fact holds), and each caption kept only if what it
 * claims holds at that moment. The store shows what this returns, the tests walk it, and a run the
 * user has changed gets its own script: a caption that no longer happens, or no longer holds, is
 * left out with the reason. Pure: the same recipe always resolves the same way. */
import {
  roundUs,
  SCRIPT_MAX_EVENTS,
  Simulation,
  type Mode,
  type RunRecipe,
} from '../engine/index.ts';
import { beatMs } from './beats.ts';
import { brokerWords, describeFact, LaneProbe, ordersIn, type Fact } from './facts.ts';
import { NO_SCRIPT, recipeKey, type LeftOut, type Script } from './lessonScript.ts';
import type { Beat, OwnBeat, Scenario } from './types.ts';
export type { OwnBeat, OwnScripts } from './types.ts';
export {
  lessonScript,
  NO_SCRIPT,
  recipeKey,
  type LeftOut,
  type ResolveScript,
  type Script,
} from './lessonScript.ts';

/** How finely a `when` is looked for, in ms of simulated time: the goals' grid. */
export const WHEN_GRID_MS = 50;
/** How long past the lesson's last arrival or last timed caption a `when` may still come. */
const WHEN_HORIZON_MS = 60_000;
/** Engine events a resolution may spend on both lanes together (engine/limits.ts; the heaviest
 * lesson needs 4,600): a user's heavy change gets a script as far as this reaches, never a
 * stalled page. Each lane's engine stops at its half, so one long advance cannot overrun it. */
export const SCRIPT_EVENT_BUDGET = SCRIPT_MAX_EVENTS;

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
