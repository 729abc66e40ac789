/** Picking an order with the keyboard: in a focused diagram the arrow keys move through the orders
 * in view (in order id, wrapping round) and select one exactly as a click on its token does, in
 * both lanes; Esc lets go of it. Returns the key handler and the sentence to announce. */
import { useState, type KeyboardEvent } from 'react';
import type { Mode } from '../../engine/index.ts';
import { useHandles } from '../../store/react/hooks.ts';
import { ordersInView, stepOrder } from './ordersInView.ts';

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

export function useOrderKeys(mode: Mode) {
  const { simulator, page } = useHandles();
  const [announcement, setAnnouncement] = useState('');
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const v = page.getState();
    if (event.key === 'Escape' && v.selected !== null) {
      v.select(null);
      setAnnouncement('No order selected.');
      event.preventDefault();
      return;
    }
    const step = NEXT.has(event.key) ? 1 : PREVIOUS.has(event.key) ? -1 : 0;
    if (step === 0) return;
    // The diagram has the arrow keys while it has the focus: beats move with Page Up/Down there.
    event.preventDefault();
    const orders = ordersInView(simulator.view(mode));
    const current = v.selected?.order ?? 0;
    const next = stepOrder(orders, current, step);
    if (!next) {
      setAnnouncement('No orders in this lane right now.');
      return;
    }
    v.select({ mode, order: next.order, keepFocus: true });
    const at = orders.indexOf(next) + 1;
    setAnnouncement(
      `Order ${next.order} selected, ${at} of ${orders.length} in view: ${next.where}. Its timeline is open.`,
    );
  };
  return { onKeyDown, announcement };
}
