/** Where the async lane hosts the broker close-up: it opens by itself when a lesson about a
 * broker starts, and after a click on the queue node otherwise; the ideal broker has none. */
// The close-up's stylesheets load with the first screen: they style the lane and the queue node's
// button too, which the first screen shows.
import './closeup.css';
import './closeupFit.css';
import { useCallback, useEffect, useState } from 'react';
import { BROKER_NAMES, brokerFacts, isBroker } from '../../../engine/index.ts';
import { lessonEntry } from '../../../scenarios/index.ts';
import { useT } from '../../../i18n/react.tsx';
import { useHandles, useSim, usePageState } from '../../../store/react/hooks.ts';
import { deferred, useDeferred } from '../../deferred.ts';
import { firstScreenPainted, onNextPaint } from '../../afterPaint.ts';
import { useElementWidth } from '../../useElementWidth.ts';

/** The close-up loads on demand (5 KB of the initial JavaScript, check:bundle): the page loads it
 * before its first render when the link's lesson opens it, and otherwise after the first screen. */
export const CLOSEUP = deferred(() => import('./BrokerCloseup.tsx'));

/** A lesson about the broker's own state (`closeup` in its scenario) opens the close-up; any
 * other lesson closes it. */
export function useLessonCloseup() {
  const { page } = useHandles();
  const scenarioId = useSim((s) => s.scenarioId);
  useEffect(() => {
    if (scenarioId === null) return;
    page.getState().setCloseup(lessonEntry(scenarioId)?.closeup === true);
  }, [scenarioId, page]);
}

/** The broker's short name while it has a close-up, or null (the ideal broker). Read from the
 * settings, which change only with the run, not from the engine's view on every publish. */
export function useCloseupBroker(): string | null {
  const broker = useSim((s) => s.values['queue.broker']);
  // The engine's title for the close-up is null exactly where CLOSEUPS has none (closeups.test).
  return broker === undefined || !isBroker(broker) || brokerFacts(broker).closeupTitle === null
    ? null
    : BROKER_NAMES[broker].short;
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
  const t = useT();
  const { page } = useHandles();
  const [host, width] = useElementWidth<HTMLDivElement>(800);
  // Its first render reads the broker's state, draws its rows and measures them (300 ms and more
  // with a CPU four times slower while a run plays, bench:page): a click is answered by the
  // close-up's frame saying it opens, and the close-up fills it once that frame is painted. A
  // lesson link that opens with it draws it in the first screen at once (no placeholder flash).
  const [ready, setReady] = useState(() => !firstScreenPainted());
  useEffect(() => (ready ? undefined : onNextPaint(() => setReady(true))), [ready]);
  const module = useDeferred(CLOSEUP);
  const close = useCallback(() => {
    // The focus goes back to the queue node if it was inside the close-up.
    const inside = host.current?.contains(document.activeElement) ?? false;
    page.getState().setCloseup(false);
    if (inside)
      host.current?.closest('.lane')?.querySelector<HTMLElement>('.queue-button')?.focus();
  }, [host, page]);
  return (
    <div ref={host} className="closeup-host">
      {module instanceof Error ? (
        <p className="card">{t('closeupButton.failed', { reason: module.message })}</p>
      ) : module && ready ? (
        <module.BrokerCloseup onClose={close} limit={limitFor(width)} />
      ) : (
        <section className="closeup closeup-opening" aria-busy="true">
          <p>{t('closeupButton.opening', { broker })}</p>
        </section>
      )}
    </div>
  );
}

export function CloseupHost({ broker }: { broker: string | null }) {
  const open = usePageState((s) => s.closeup);
  useLessonCloseup();
  return open && broker !== null ? <OpenCloseup broker={broker} /> : null;
}
