/** Where the async lane hosts the broker close-up: it opens by itself when a lesson about a
 * broker starts, and after a click on the queue node otherwise; the ideal broker has none. */
import { useCallback, useEffect, useState } from 'react';
import { isBroker } from '../../../engine/index.ts';
import { findScenario } from '../../../scenarios/index.ts';
import { useHandles, useSim, useViewState } from '../../../store/hooks.ts';
import { queueTitle } from '../brokerLayout.ts';
import { onNextPaint } from '../../afterPaint.ts';
import { useElementWidth } from '../../useElementWidth.ts';
import { BrokerCloseup } from './BrokerCloseup.tsx';
import { CLOSEUPS } from './closeups.tsx';

/** A lesson about the broker's own state (`closeup` in its scenario) opens the close-up; any
 * other lesson closes it. */
export function useLessonCloseup() {
  const { view } = useHandles();
  const scenarioId = useSim((s) => s.scenarioId);
  useEffect(() => {
    if (scenarioId === null) return;
    view.getState().setCloseup(findScenario(scenarioId)?.closeup === true);
  }, [scenarioId, view]);
}

/** The broker's short name while it has a close-up, or null (the ideal broker). Read from the
 * settings, which change only with the run, not from the engine's view on every publish. */
export function useCloseupBroker(): string | null {
  const broker = useSim((s) => s.values['queue.broker']);
  return broker === undefined || !isBroker(broker) || CLOSEUPS[broker] === null
    ? null
    : queueTitle(broker, 0).name;
}

/** Records per Kafka row (and rows, messages per list) that fit the close-up's width: a cell is
 * about 50 px wide (70 px when presenting, 52 in an embed, where the offset sits beside the
 * order) after the row's name and lag. */
function limitFor(width: number): number {
  const root = document.documentElement;
  const cell = root.hasAttribute('data-embed')
    ? 52
    : document.querySelector('.app[data-presenting]')
      ? 70
      : 50;
  const name = root.hasAttribute('data-embed') ? 260 : 400;
  return Math.max(4, Math.min(16, Math.floor((width - name) / cell)));
}

function OpenCloseup({ broker }: { broker: string }) {
  const { view } = useHandles();
  const [host, width] = useElementWidth<HTMLDivElement>(800);
  // Its first render reads the broker's state, draws its rows and measures them (300 ms and more
  // with a CPU four times slower while a run plays, bench:page): the click is answered by the
  // close-up's frame saying it opens, and the close-up fills it once that frame is painted.
  const [ready, setReady] = useState(false);
  useEffect(() => onNextPaint(() => setReady(true)), []);
  const close = useCallback(() => {
    // The focus goes back to the queue node if it was inside the close-up.
    const inside = host.current?.contains(document.activeElement) ?? false;
    view.getState().setCloseup(false);
    if (inside)
      host.current?.closest('.lane')?.querySelector<HTMLElement>('.queue-button')?.focus();
  }, [host, view]);
  return (
    <div ref={host} className="closeup-host">
      {ready ? (
        <BrokerCloseup onClose={close} limit={limitFor(width)} />
      ) : (
        <section className="closeup closeup-opening" aria-busy="true">
          <p>Opening the {broker} close-up…</p>
        </section>
      )}
    </div>
  );
}

export function CloseupHost({ broker }: { broker: string | null }) {
  const open = useViewState((s) => s.closeup);
  useLessonCloseup();
  return open && broker !== null ? <OpenCloseup broker={broker} /> : null;
}
