/** The panel for the order the user picked: its waterfall, step by step (or a note when the
 * analysis has forgotten it). */
import { useEffect, useRef } from 'react';
import { useSelectedOrder, useViewState } from '../store/hooks.ts';
import { selectSelect } from '../store/selectors.ts';
import { MODE_TITLE } from './format.ts';
import { Icon } from './Icon.tsx';

export function OrderDetails() {
  const selected = useSelectedOrder();
  const select = useViewState(selectSelect);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (selected) heading.current?.focus();
  }, [selected]);
  if (!selected) return null;
  return (
    <section className="order-details card" aria-labelledby="order-details-title">
      <header className="card-header">
        <h2 id="order-details-title" ref={heading} tabIndex={-1}>
          Order #{selected.order}, {MODE_TITLE[selected.mode].toLowerCase()} checkout
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
      <p className="placeholder">The order’s waterfall appears here.</p>
    </section>
  );
}
