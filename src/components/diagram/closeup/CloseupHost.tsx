/** Where the async lane hosts the broker close-up: it opens by itself when a lesson about a
 * broker starts, and after a click on the queue node otherwise; the ideal broker has none. */
import { useEffect, useRef } from 'react';
import { findScenario } from '../../../scenarios/index.ts';
import { useHandles, useSim, useViewState } from '../../../store/hooks.ts';
import { queueTitle } from '../brokerLayout.ts';
import { useBrokerSummary } from '../useBrokerSummary.ts';
import { BrokerCloseup } from './BrokerCloseup.tsx';

/** A lesson whose settings pick a real broker opens the close-up; any other lesson closes it. */
export function useLessonCloseup() {
  const { view } = useHandles();
  const scenarioId = useSim((s) => s.scenarioId);
  useEffect(() => {
    if (scenarioId === null) return;
    const broker = findScenario(scenarioId)?.settings['queue.broker'];
    view.getState().setCloseup(broker !== undefined && broker !== 'ideal');
  }, [scenarioId, view]);
}

/** The broker's short name while it has a close-up, or null (the ideal broker). */
export function useCloseupBroker(): string | null {
  const { broker, partitions } = useBrokerSummary('async');
  return broker === 'ideal' ? null : queueTitle(broker, partitions.length).name;
}

export function CloseupHost({ broker }: { broker: string | null }) {
  const { view } = useHandles();
  const open = useViewState((s) => s.closeup);
  const host = useRef<HTMLDivElement>(null);
  useLessonCloseup();
  if (!open || broker === null) return null;
  const close = () => {
    // The focus goes back to the queue node if it was inside the close-up.
    const inside = host.current?.contains(document.activeElement) ?? false;
    view.getState().setCloseup(false);
    if (inside)
      host.current?.closest('.lane')?.querySelector<HTMLElement>('.queue-button')?.focus();
  };
  return (
    <div ref={host} className="closeup-host">
      <BrokerCloseup onClose={close} />
    </div>
  );
}
