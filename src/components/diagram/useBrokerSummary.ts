/** The broker overlays' data for one lane, re-read whenever the store publishes (a few times a
 * second and on every jump) and handed to React only when it changed, so the overlays do not
 * re-render on every animation frame. */
import { useEffect, useState } from 'react';
import type { Mode } from '../../engine/index.ts';
import { useHandles } from '../../store/react/hooks.ts';
import { brokerSummary, sameSummary, type BrokerSummary } from './brokerLayout.ts';

export function useBrokerSummary(mode: Mode): BrokerSummary {
  const { simulator } = useHandles();
  const [summary, setSummary] = useState(() => brokerSummary(simulator.view(mode)));
  useEffect(() => {
    const update = () => {
      const next = brokerSummary(simulator.view(mode));
      setSummary((prev) => (sameSummary(prev, next) ? prev : next));
    };
    update();
    return simulator.store.subscribe((s, prev) => {
      if (s.lanes !== prev.lanes || s.generation !== prev.generation) update();
    });
  }, [simulator, mode]);
  return summary;
}
