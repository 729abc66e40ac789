/** Where an order's timelines open over the stage. The timelines (OrderDetails.tsx, with the
 * waterfall drawing) load only when an order is first picked: the first screen never shows them,
 * and they weighed on its JavaScript (check:bundle). */
import { useSelectedOrder } from '../store/react/hooks.ts';
import type { SelectedOrder } from '../store/pageStore.ts';
import { deferred, useDeferred } from './deferred.ts';
import { useT } from '../i18n/react.tsx';
import { TimelinesOpening } from './TimelinesOpening.tsx';

export const TIMELINES = deferred(() => import('./OrderDetails.tsx'));

export function OrderDetailsSlot() {
  const selected = useSelectedOrder();
  const t = useT();
  if (!selected) return <section className="order-details" hidden aria-label={t('screen.order')} />;
  return <Timelines selected={selected} />;
}

function Timelines({ selected }: { selected: SelectedOrder }) {
  const module = useDeferred(TIMELINES);
  const t = useT();
  if (module instanceof Error) {
    return (
      <section className="order-details" aria-label={t('screen.order')}>
        <p>{t('screen.timelinesFailed', { reason: module.message })}</p>
      </section>
    );
  }
  // While its code loads (half a second and more on a slow phone), the card says what is coming
  // where the timelines will open, so the click is answered in the next frame.
  if (!module) return <TimelinesOpening selected={selected} />;
  return <module.OrderTimelines selected={selected} />;
}
