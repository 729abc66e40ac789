/** The order the user picked (or the caption points at), as its timelines: in Compare mode the
 * sync and async waterfalls of the same order side by side on one time axis, each marking when
 * the customer saw the page and when the email was sent. It opens over the stage, beside the
 * lanes it explains, and refreshes with the charts, not every frame. */
import { m } from 'framer-motion';
import { useEffect, useMemo, useRef } from 'react';
import type { Mode } from '../engine/index.ts';
import { Waterfall } from './analysis/index.ts';
import { useSelectedOrder, useSim, useSimulator, useViewState } from '../store/hooks.ts';
import {
  selectAnalysisVersion,
  selectGeneration,
  selectSelect,
  selectViewMode,
  shownModes,
} from '../store/selectors.ts';
import { MODE_TITLE } from './modeTitle.ts';
import { Icon } from './Icon.tsx';
import { useElementWidth } from './useElementWidth.ts';

export function OrderDetails() {
  const selected = useSelectedOrder();
  const select = useViewState(selectSelect);
  const simulator = useSimulator();
  const version = useSim(selectAnalysisVersion);
  const generation = useSim(selectGeneration);
  const viewMode = useSim(selectViewMode);
  const heading = useRef<HTMLHeadingElement>(null);
  const [body, width] = useElementWidth<HTMLDivElement>(640);
  useEffect(() => {
    // An order picked with the arrow keys leaves the focus in the diagram, so the next arrow moves on.
    if (selected && !selected.keepFocus) heading.current?.focus();
  }, [selected]);
  const lanes = useMemo(() => {
    if (!selected) return [];
    return shownModes(viewMode).map((mode: Mode) => {
      const lane = simulator.lane(mode);
      const trace = lane.analysis.trace(selected.order);
      const story = lane.book.get(selected.order);
      const marks = [];
      if (story && story.pageAt >= 0) {
        marks.push({ label: 'page shown', atMs: story.pageAt - story.placedAt });
      }
      if (story && story.emailAt >= 0) {
        marks.push({ label: 'email sent', atMs: story.emailAt - story.placedAt });
      }
      const end = Math.max(0, ...marks.map((mark) => mark.atMs));
      return { mode, trace, marks, end, nowMs: lane.nowMs };
    });
    // version and generation stand for the lanes' analysis changing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [simulator, selected, viewMode, version, generation]);
  const span = Math.max(0, ...lanes.map((l) => l.end));
  const columns = lanes.length;
  const each = columns > 1 ? Math.floor((width - 16) / 2) : width;
  if (!selected) return <section className="order-details" hidden aria-label="Order" />;
  return (
    <m.section
      className="order-details card"
      aria-labelledby="order-details-title"
      initial={{ opacity: 0, y: 16 }}
      animate={{ opacity: 1, y: 0 }}
      transition={{ duration: 0.2 }}
    >
      <header className="card-header">
        <h2 id="order-details-title" ref={heading} tabIndex={-1}>
          {columns > 1
            ? `Order #${selected.order}, both checkouts`
            : `Order #${selected.order}, ${MODE_TITLE[selected.mode].toLowerCase()} checkout`}
        </h2>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => select(null)}
          aria-label="Close the order’s timeline"
        >
          <Icon name="close" />
        </button>
      </header>
      <div ref={body} className={`order-waterfalls order-waterfalls-${columns}`}>
        {lanes.map((l) => (
          <Waterfall
            key={l.mode}
            trace={l.trace}
            nowMs={l.nowMs}
            width={each}
            {...(columns > 1 ? { label: MODE_TITLE[l.mode] } : {})}
            spanMs={span}
            marks={l.marks}
          />
        ))}
      </div>
    </m.section>
  );
}
