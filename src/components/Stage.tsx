/** The lanes the chosen mode shows: one checkout, or sync above async, kept in step; and, in the
 * lessons about things piling up, a small chart of them over time beside or below the lanes. */
import { useLayoutEffect } from 'react';
import { selectLanesShown, shownModes } from '../store/react/selectors.ts';
import { useSim } from '../store/react/hooks.ts';
import { LanePanel } from './LanePanel.tsx';
import { StageChart, useStageChartLayout } from './stageChart/StageChart.tsx';

export function Stage() {
  const lanesShown = useSim(selectLanesShown);
  const modes = shownModes(lanesShown);
  const [ref, layout] = useStageChartLayout(modes);
  // The layers over the lanes (the reveal, stageReveal.css) are the stage's siblings in its
  // frame: they read the width of a chart beside the lanes from the frame, to keep clear of it.
  const { besidePx } = layout;
  useLayoutEffect(() => {
    const frame = ref.current?.parentElement;
    if (!frame) return;
    if (besidePx === null) frame.style.removeProperty('--stage-chart-beside');
    else frame.style.setProperty('--stage-chart-beside', `${besidePx}px`);
  }, [ref, besidePx]);
  return (
    <div ref={ref} className={`stage stage-${lanesShown}${layout.className}`} style={layout.style}>
      {modes.map((mode) => (
        <LanePanel key={mode} mode={mode} compact={modes.length > 1} />
      ))}
      {layout.chart && <StageChart chart={layout.chart} />}
    </div>
  );
}
