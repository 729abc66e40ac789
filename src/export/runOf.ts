/** The run on screen, ready to download: its recipe read from the simulator's state and both
 * lanes replayed to the moment shown, at once (`runOf`) or in slices that leave the page
 * answering between them (`runOfSliced`). */
import type { Flow, Mode, RunRecipe, SettingValues, TimedChange } from '../engine/index.ts';
import type { RunExport } from './formats.ts';
import { LaneReplay, replayLane } from './replay.ts';

/** The fields of the simulator's state that make up a run. */
export interface RunState {
  base: SettingValues;
  seed: number;
  durationMs: number;
  script: readonly TimedChange[];
  changes: readonly TimedChange[];
  scenarioId: string | null;
  simMs: number;
  /** The run's flow; null (or absent) for the checkout. */
  flow?: Flow | null;
}

function recipeOf(s: RunState): RunRecipe {
  return {
    settings: s.base,
    seed: s.seed,
    durationMs: s.durationMs,
    changes: [...s.script, ...s.changes],
    ...(s.flow ? { flow: s.flow } : {}),
  };
}

export function runOf(s: RunState, modes: readonly Mode[], capacity?: number): RunExport {
  const recipe = recipeOf(s);
  const scenario = s.scenarioId ?? 'free';
  return {
    scenario,
    seed: s.seed,
    simulatedMs: s.simMs,
    lanes: modes.map((mode) => replayLane(recipe, mode, s.simMs, scenario, capacity)),
  };
}

/** Wall time one slice of an export may take before the page gets a turn. */
export const EXPORT_SLICE_MS = 40;
/** Events replayed between two looks at the clock. */
const EVENTS_PER_LOOK = 4_096;

export interface SliceOptions {
  /** The wall clock (ms), looked at between pieces of work. */
  now(): number;
  /** Gives the page a turn (a task boundary) before the next slice. */
  pause(): Promise<void>;
  /** How far the replay has got, from 0 to 1, after each slice. */
  progress?(done: number): void;
  /** Stops the export: the promise then resolves to null. */
  signal?: AbortSignal;
  capacity?: number;
}

/** `runOf` in slices of at most EXPORT_SLICE_MS of wall time (a piece of EVENTS_PER_LOOK events
 * may overrun it a little), with a pause for the page between slices. */
export async function runOfSliced(
  s: RunState,
  modes: readonly Mode[],
  options: SliceOptions,
): Promise<RunExport | null> {
  const recipe = recipeOf(s);
  const scenario = s.scenarioId ?? 'free';
  const replays = modes.map(
    (mode) => new LaneReplay(recipe, mode, s.simMs, scenario, options.capacity),
  );
  for (const [i, replay] of replays.entries()) {
    for (;;) {
      const end = options.now() + EXPORT_SLICE_MS;
      while (!replay.done && options.now() < end) replay.advance(EVENTS_PER_LOOK);
      if (s.simMs > 0) options.progress?.((i + replay.reachedMs / s.simMs) / replays.length);
      if (replay.done) break;
      await options.pause();
      if (options.signal?.aborted) return null;
    }
  }
  return {
    scenario,
    seed: s.seed,
    simulatedMs: s.simMs,
    lanes: replays.map((r) => r.result()),
  };
}
