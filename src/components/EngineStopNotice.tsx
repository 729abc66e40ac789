/** When the engine stops a run short (a budget ran out: budget.ts), the stage says so, naming the
 * lane, the moment and what to change, and the clock stays there instead of running on. The box
 * and its words load when it first shows (runNotices.tsx). */
import { useSim } from '../store/react/hooks.ts';
import type { SimulatorStore } from '../store/simulatorStore.ts';
import { deferred, useDeferred } from './deferred.ts';

export const RUN_NOTICES = deferred(() => import('./runNotices.tsx'));

const selectStopped = (s: SimulatorStore) => s.stopped;

export function EngineStopNotice() {
  const stopped = useSim(selectStopped);
  if (!stopped) return null;
  return <Stop {...stopped} />;
}

function Stop(stopped: NonNullable<SimulatorStore['stopped']>) {
  const module = useDeferred(RUN_NOTICES);
  // While it loads (or if it cannot), the engine's own sentence.
  if (!module || module instanceof Error) {
    return (
      <div className="url-notice engine-stop" role="alert">
        <p>{stopped.message}</p>
      </div>
    );
  }
  return <module.StopBox mode={stopped.mode} atMs={stopped.atMs} message={stopped.message} />;
}
