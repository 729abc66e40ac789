/** The run on screen, ready to download: its recipe read from the simulator's state and both
 * lanes replayed to the moment shown. */
import type { Mode, SettingValue, TimedChange } from '../engine/index.ts';
import type { RunExport } from './formats.ts';
import { replayLane } from './replay.ts';

/** The fields of the simulator's state that make up a run. */
export interface RunState {
  base: Readonly<Record<string, SettingValue>>;
  seed: number;
  durationMs: number;
  script: readonly TimedChange[];
  changes: readonly TimedChange[];
  scenarioId: string | null;
  simMs: number;
}

export function runOf(s: RunState, modes: readonly Mode[], capacity?: number): RunExport {
  const recipe = {
    settings: s.base,
    seed: s.seed,
    durationMs: s.durationMs,
    changes: [...s.script, ...s.changes],
  };
  const scenario = s.scenarioId ?? 'free';
  return {
    scenario,
    seed: s.seed,
    simulatedMs: s.simMs,
    lanes: modes.map((mode) => replayLane(recipe, mode, s.simMs, scenario, capacity)),
  };
}
