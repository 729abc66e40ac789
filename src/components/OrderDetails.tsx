/** The order the user picked (or the caption points at), as its timelines: in Compare mode the
 * sync and async waterfalls of the same order side by side on one time scale, each marking what
 * the customer saw and what became of the email. It opens over the stage, beside the lanes it
 * explains, refreshes with the charts (not every frame), and Esc or its close button hands the
 * focus back to what opened it. */
// Its words load with it, in the part below the stage (not the first load).
import '../i18n/parts/analysis.ts';
import { m } from 'framer-motion';
import { useEffect, useMemo, useRef, useState } from 'react';
import { orderTrace } from '../analysis/trace.ts';
import type { Mode } from '../engine/index.ts';
import { Waterfall, type WaterfallProps } from './analysis/Waterfall.tsx';
import { traceEndMs } from './analysis/waterfallLayout.ts';
import { useLaneReads, useSelectedOrder, useSim, usePageState } from '../store/react/hooks.ts';
import type { OrderStory } from '../store/lanes/orderBook.ts';
import { selectSelect, selectLanesShown, shownModes } from '../store/react/selectors.ts';
import type { SelectedOrder } from '../store/pageStore.ts';
import type { MessageId } from '../i18n/runtime.ts';
import { useT, type Translate } from '../i18n/react.tsx';
import { pageTranslator } from '../i18n/translate.ts';
import { flowName } from './flowWords.ts';
import { useLaneFlow } from './useLaneFlow.ts';
import { Icon } from './Icon.tsx';
import { MotionScope } from './motion/motionKit.tsx';
import { useElementWidth } from './useElementWidth.ts';
import { useEscapeToClose } from './useEscapeToClose.ts';
import { firstScreenPainted, onNextPaint } from './afterPaint.ts';
import { TimelinesOpening } from './TimelinesOpening.tsx';
import './orderDetails.css';

/** What the customer saw and what became of the email, in the words of the order's story: a
 * failed email is never "email sent". Times in ms since the order was placed. */
export function storyMarks(
  story: OrderStory | undefined,
  t: Translate = pageTranslator(),
): { label: string; atMs: number }[] {
  if (!story) return [];
  const marks = [];
  if (story.page !== null && story.pageAt >= 0) {
    const label = t(
      story.page === 'success' ? 'orderDetails.mark.success' : 'orderDetails.mark.error',
    );
    marks.push({ label, atMs: story.pageAt - story.placedAt });
  }
  if (story.email !== 'pending' && story.emailAt >= 0) {
    const label = t(
      {
        sent: 'orderDetails.mark.sent',
        // Async loses an email only when the crashed server never queued its job: nothing failed.
        lost:
          story.reason === 'server crashed'
            ? 'orderDetails.mark.neverQueued'
            : 'orderDetails.mark.failed',
        dead: 'orderDetails.mark.dead',
      }[story.email] as MessageId,
    );
    marks.push({ label, atMs: story.emailAt - story.placedAt });
  }
  return marks;
}

export function OrderDetails() {
  const selected = useSelectedOrder();
  const t = useT();
  if (!selected) return <section className="order-details" hidden aria-label={t('screen.order')} />;
  return <OrderTimelines selected={selected} />;
}

/** Mounted while an order is picked. Drawing its timelines (both lanes' traces, the waterfalls
 * laid out and their labels measured) takes 100 ms and more with the CPU four times slower while a
 * run plays (bench:page); when their code was already in (loaded earlier, or fetched before the
 * click's frame), the click waited for that drawing. So an order picked by a click is answered by
 * the card saying the timelines open, and they fill it once that frame is painted; one picked on
 * the first screen (a lesson link) is drawn at once. */
export function OrderTimelines({ selected }: { selected: SelectedOrder }) {
  const [ready, setReady] = useState(() => !firstScreenPainted());
  useEffect(() => (ready ? undefined : onNextPaint(() => setReady(true))), [ready]);
  if (ready) return <Timelines selected={selected} />;
  return <TimelinesOpening selected={selected} />;
}

/** Mounted while the timelines show, so their width is measured from the moment they open. */
function Timelines({ selected }: { selected: SelectedOrder }) {
  const select = usePageState(selectSelect);
  // Refreshed with the analysis (a few times a second while playing, at once after a jump).
  const reads = useLaneReads();
  const lanesShown = useSim(selectLanesShown);
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const t = useT();

  useEffect(() => {
    // The element that opened the timelines gets the focus back when they close: the "Timeline
    // of order" button, or the diagram whose token was clicked.
    const active = document.activeElement;
    if (active instanceof HTMLElement && !section.current?.contains(active)) {
      opener.current = active === document.body ? null : active;
    }
    // An order picked with the arrow keys leaves the focus in the diagram, so the next arrow moves on.
    if (!selected.keepFocus) heading.current?.focus();
  }, [selected]);

  const close = () => {
    const back = opener.current;
    select(null);
    if (back?.isConnected) back.focus();
  };

  // Esc closes the timelines when the focus is elsewhere too (a token clicked on a canvas leaves
  // it on the page).
  const onKeyDown = useEscapeToClose(close);

  const lanes = useMemo(() => {
    return shownModes(lanesShown).map((mode: Mode) => {
      const lane = reads.lane(mode);
      const trace = orderTrace(lane, selected.order, lane.config.flow);
      const marks = storyMarks(lane.story(selected.order), t);
      const end = Math.max(traceEndMs(trace, lane.nowMs), ...marks.map((mark) => mark.atMs));
      return { mode, trace, marks, end, nowMs: lane.nowMs };
    });
  }, [reads, selected, lanesShown, t]);
  // One scale for both lanes: each draws the longer of the two stories' spans.
  const span = Math.max(0, ...lanes.map((l) => l.end));
  const columns = lanes.length;
  // A login's timeline is no checkout's: the heading names the lane's flow.
  const flow = useLaneFlow(selected.mode);
  return (
    <MotionScope>
      <m.section
        ref={section}
        className="order-details card"
        aria-labelledby="order-details-title"
        onKeyDown={onKeyDown}
        initial={{ opacity: 0, y: 16 }}
        animate={{ opacity: 1, y: 0 }}
        transition={{ duration: 0.2 }}
      >
        <header className="card-header">
          <h2 id="order-details-title" ref={heading} tabIndex={-1}>
            {columns > 1
              ? t('orderDetails.titleBoth', { order: selected.order, flow: flow.id })
              : t('orderDetails.titleOne', {
                  order: selected.order,
                  mode: selected.mode,
                  flow: flowName(t, flow),
                })}
          </h2>
          <button
            type="button"
            className="button button-quiet"
            onClick={close}
            aria-label={t('orderDetails.close')}
            title={t('orderDetails.closeTitle')}
          >
            <Icon name="close" />
          </button>
        </header>
        <div
          className={`order-waterfalls order-waterfalls-${columns}`}
          role="group"
          aria-label={t('orderDetails.timelines', { order: selected.order })}
          // It scrolls inside the box over the stage, so the keyboard must be able to scroll it.
          tabIndex={0}
        >
          {lanes.map((l) => (
            <LaneWaterfall
              key={l.mode}
              trace={l.trace}
              nowMs={l.nowMs}
              {...(columns > 1 ? { label: t('orderDetails.lane', { mode: l.mode }) } : {})}
              spanMs={span}
              marks={l.marks}
            />
          ))}
        </div>
      </m.section>
    </MotionScope>
  );
}

/** A waterfall as wide as its column: side by side the columns are equal, so with one span the
 * lanes share one scale; on a phone they stack, each the whole width. */
function LaneWaterfall(props: Omit<WaterfallProps, 'width'>) {
  const [column, width] = useElementWidth<HTMLDivElement>(480);
  return (
    <div ref={column} className="order-waterfall">
      <Waterfall {...props} width={width} />
    </div>
  );
}
