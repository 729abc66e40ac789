/** The broker's state for the open close-up: `inspectBroker` on the async lane, re-read whenever
 * the store publishes (a few times a second while playing, at once on every jump). Mounted only
 * while the close-up is open, so a closed close-up costs nothing. */
import { useEffect, useState } from 'react';
import type { BrokerInspection } from '../../../engine/index.ts';
import { useHandles } from '../../../store/react/hooks.ts';
import type { Simulator } from '../../../store/simulatorStore.ts';

export interface Inspection {
  state: BrokerInspection | null;
  /** The newest message the broker dropped, read from the lane's log. */
  lastDrop: { order: number; atMs: number } | null;
}

function inspectionOf(simulator: Simulator, limit: number): Inspection {
  const lane = simulator.lane('async');
  return { state: lane.inspect(limit), lastDrop: lane.lastDrop };
}

export function useInspection(limit: number): Inspection {
  const { simulator } = useHandles();
  const [inspection, setInspection] = useState(() => inspectionOf(simulator, limit));
  useEffect(() => {
    return simulator.store.subscribe((s, prev) => {
      if (s.lanes !== prev.lanes || s.generation !== prev.generation) {
        setInspection(inspectionOf(simulator, limit));
      }
    });
  }, [simulator, limit]);
  return inspection;
}
