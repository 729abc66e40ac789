/** When the engine stops a run short (a budget ran out: budget.ts), the stage says so, naming the
 * lane, the moment and what to change, and the clock stays there instead of running on. */
import { formatTime } from '../format/index.ts';
import { useSim } from '../store/react/hooks.ts';
import type { SimulatorStore } from '../store/simulatorStore.ts';
import { MODE_TITLE } from './modeTitle.ts';

const selectStopped = (s: SimulatorStore) => s.stopped;

export function EngineStopNotice() {
  const stopped = useSim(selectStopped);
  if (!stopped) return null;
  // The engine's sentence starts "the run stopped at 12.3 s: why; what to change".
  const why = stopped.message.replace(/^the run stopped at [^:]*: /, '');
  return (
    <div className="url-notice engine-stop" role="alert">
      <p>
        <span className="url-notice-title">
          The {MODE_TITLE[stopped.mode].toLowerCase()} run stopped at {formatTime(stopped.atMs)}
        </span>
        : {why}. Go back in time and change a setting, or reset, to run again.
      </p>
    </div>
  );
}
