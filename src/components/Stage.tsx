/** The lanes the chosen mode shows: one checkout, or sync above async, kept in step; and, in the
 * lessons about things piling up, a small chart of them over time beside or below the lanes. */
import { selectViewMode, shownModes } from '../store/selectors.ts';
import { useSim } from '../store/hooks.ts';
import { LanePanel } from './LanePanel.tsx';
import { StageChart, useStageChart } from './stageChart/StageChart.tsx';

export function Stage() {
  const viewMode = useSim(selectViewMode);
  const modes = shownModes(viewMode);
  const chart = useStageChart();
  return (
    <div className={`stage stage-${viewMode}${chart ? ' stage-charted' : ''}`}>
      {modes.map((mode) => (
        <LanePanel key={mode} mode={mode} compact={modes.length > 1} />
      ))}
      {chart && <StageChart chart={chart} />}
    </div>
  );
}
