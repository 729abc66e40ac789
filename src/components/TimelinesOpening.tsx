/** The card that answers a click on an order while its timelines are not drawn yet: their code
 * still loading (OrderDetailsSlot.tsx), or drawn once the click's frame is painted
 * (OrderDetails.tsx). A file of its own, which both import: the slot loads the timelines' chunk. */
import { useT } from '../i18n/react.tsx';
import type { SelectedOrder } from '../store/pageStore.ts';

export function TimelinesOpening({ selected }: { selected: SelectedOrder }) {
  const t = useT();
  return (
    <section className="order-details card" aria-label={t('screen.order')} aria-busy="true">
      <p className="order-details-loading">
        {t('screen.timelinesOpening', { order: selected.order })}
      </p>
    </section>
  );
}
