/** A video job from the simulator's state: the run's recipe and captions as the store holds them,
 * the lanes shown, and the lesson's words for the title card, the lanes and the tallies. */
import type { SimulatorState } from '../../../store/simulatorTypes.ts';
import { shownModes } from '../../../store/react/selectors.ts';
import { findScenario } from '../../../scenarios/index.ts';
import type { VideoOptions } from '../../../export/video/plan.ts';
import type { VideoJob } from './encode.ts';
import type { VideoTheme } from './palette.ts';

export function videoJobOf(
  s: SimulatorState,
  options: VideoOptions,
  theme: VideoTheme = 'light',
): VideoJob {
  const scenario = s.scenarioId === null ? undefined : findScenario(s.scenarioId);
  return {
    run: {
      base: s.base,
      seed: s.seed,
      durationMs: s.durationMs,
      script: s.script,
      changes: s.changes,
      scenarioId: s.scenarioId,
      simMs: s.simMs,
      flow: s.flow,
      beats: s.beats,
    },
    modes: shownModes(s.lanesShown),
    options,
    theme,
    text: {
      title: scenario?.title ?? 'A run of the simulator',
      premise: scenario?.premise ?? `Seed ${s.seed}. Synchronous and asynchronous side by side.`,
      flowLabel: s.flow?.label ?? 'Checkout',
      tallies: scenario?.tallies ?? [],
    },
  };
}
