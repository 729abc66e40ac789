/** The analysis panels' data for the lanes on screen: each lane's Collector snapshot, the engine's
 * report and the live view, refreshed when the store bumps its analysis version (a few times a
 * second while playing, and after every jump), never every frame. The version is deferred, so
 * React redraws the charts in an interruptible background render instead of inside the frame
 * that moves the tokens. */
import { useDeferredValue, useMemo } from 'react';
import type { Mode, Report, SystemView } from '../../engine/index.ts';
import type { LaneAnalysis } from '../../analysis/index.ts';
import { useSim, useSimulator } from './hooks.ts';
import {
  selectAnalysisVersion,
  selectGeneration,
  selectLanesShown,
  shownModes,
} from './selectors.ts';

export interface LaneData {
  mode: Mode;
  label: string;
  analysis: LaneAnalysis;
  report: Report;
  view: SystemView;
}

const LABEL: Record<Mode, string> = { sync: 'Sync', async: 'Async' };

/** While the panels are off screen: one fixed version, so their data stays as it was. */
const selectHeld = () => -1;

/** `active` false (the panels are off screen) holds the data where it is: nobody is looking. */
export function useAnalysis(active = true): { nowMs: number; lanes: readonly LaneData[] } {
  const simulator = useSimulator();
  const version = useDeferredValue(useSim(active ? selectAnalysisVersion : selectHeld));
  const generation = useDeferredValue(useSim(selectGeneration));
  const lanesShown = useDeferredValue(useSim(selectLanesShown));
  return useMemo(() => {
    const lanes = shownModes(lanesShown).map((mode) => {
      const lane = simulator.lane(mode);
      return {
        mode,
        label: LABEL[mode],
        analysis: lane.analysis(),
        report: lane.report('live'),
        view: lane.view(),
      };
    });
    return { nowMs: simulator.lane('sync').nowMs, lanes, version, generation };
  }, [simulator, lanesShown, version, generation]);
}
