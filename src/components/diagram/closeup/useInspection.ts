/** The broker's state for the open close-up: `inspectBroker` on the async lane, re-read whenever
 * the store publishes (a few times a second while playing, at once on every jump). Mounted only
 * while the close-up is open, so a closed close-up costs nothing. */
import { useEffect, useState } from 'react';
import type { BrokerInspection } from '../../../engine/index.ts';
import { useHandles } from '../../../store/hooks.ts';

export interface Inspection {
  state: BrokerInspection | null;
  /** The newest message the broker dropped, read from the lane's log. */
  lastDrop: { order: number; atMs: number } | null;
}

export function useInspection(limit: number): Inspection {
  const { simulator } = useHandles();
  const read = (): Inspection => {
    const lane = simulator.lane('async');
    return { state: lane.sim.inspectBroker(limit), lastDrop: lane.lastDrop };
  };
  const [inspection, setInspection] = useState(read);
  useEffect(() => {
    return simulator.store.subscribe((s, prev) => {
      if (s.lanes !== prev.lanes || s.generation !== prev.generation) setInspection(read());
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read depends on these two only
  }, [simulator, limit]);
  return inspection;
}
