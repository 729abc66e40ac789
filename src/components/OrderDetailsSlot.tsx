/** Where an order's timelines open over the stage. The timelines (OrderDetails.tsx, with the
 * waterfall drawing) load only when an order is first picked: the first screen never shows them,
 * and they weighed on its JavaScript (check:bundle). */
import { useSelectedOrder } from '../store/react/hooks.ts';
import type { SelectedOrder } from '../store/pageStore.ts';
import { deferred, useDeferred } from './deferred.ts';

export const TIMELINES = deferred(() => import('./OrderDetails.tsx'));

export function OrderDetailsSlot() {
  const selected = useSelectedOrder();
  if (!selected) return <section className="order-details" hidden aria-label="Order" />;
  return <Timelines selected={selected} />;
}

function Timelines({ selected }: { selected: SelectedOrder }) {
  const module = useDeferred(TIMELINES);
  if (module instanceof Error) {
    return (
      <section className="order-details" aria-label="Order">
        <p>The timelines: {module.message}</p>
      </section>
    );
  }
  // While its code loads (half a second and more on a slow phone), the card says what is coming
  // where the timelines will open, so the click is answered in the next frame.
  if (!module) {
    return (
      <section className="order-details card" aria-label="Order" aria-busy="true">
        <p className="order-details-loading">Opening the timelines of order #{selected.order}…</p>
      </section>
    );
  }
  return <module.OrderTimelines selected={selected} />;
}
