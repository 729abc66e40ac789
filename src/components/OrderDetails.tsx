/** The panel for the order the user picked: its waterfall, step by step, from the lane's
 * analysis (refreshed with the charts, not every frame). */
import { useEffect, useMemo, useRef } from 'react';
import { Waterfall } from './analysis/index.ts';
import { useSelectedOrder, useSim, useSimulator, useViewState } from '../store/hooks.ts';
import { selectAnalysisVersion, selectGeneration, selectSelect } from '../store/selectors.ts';
import { MODE_TITLE } from './format.ts';
import { Icon } from './Icon.tsx';
import { useElementWidth } from './useElementWidth.ts';

export function OrderDetails() {
  const selected = useSelectedOrder();
  const select = useViewState(selectSelect);
  const simulator = useSimulator();
  const version = useSim(selectAnalysisVersion);
  const generation = useSim(selectGeneration);
  const heading = useRef<HTMLHeadingElement>(null);
  const [body, width] = useElementWidth<HTMLDivElement>(640);
  useEffect(() => {
    if (selected) heading.current?.focus();
  }, [selected]);
  const data = useMemo(() => {
    if (!selected) return null;
    const lane = simulator.lane(selected.mode);
    return { trace: lane.analysis.trace(selected.order), nowMs: lane.nowMs, version, generation };
  }, [simulator, selected, version, generation]);
  return (
    <section
      className="order-details card"
      aria-labelledby="order-details-title"
      hidden={!selected}
    >
      <header className="card-header">
        <h2 id="order-details-title" ref={heading} tabIndex={-1}>
          {selected
            ? `Order #${selected.order}, ${MODE_TITLE[selected.mode].toLowerCase()} checkout`
            : 'Order'}
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
      <div ref={body}>
        {data && <Waterfall trace={data.trace} nowMs={data.nowMs} width={width} />}
      </div>
    </section>
  );
}
