/** The lanes the chosen mode shows: one checkout, or sync above async, kept in step. */
import { selectViewMode, shownModes } from '../store/selectors.ts';
import { useSim } from '../store/hooks.ts';
import { LanePanel } from './LanePanel.tsx';

export function Stage() {
  const viewMode = useSim(selectViewMode);
  const modes = shownModes(viewMode);
  return (
    <div className={`stage stage-${viewMode}`}>
      {modes.map((mode) => (
        <LanePanel key={mode} mode={mode} compact={modes.length > 1} />
      ))}
    </div>
  );
}
