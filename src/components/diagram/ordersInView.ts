/** The orders a lane shows right now, each with where it is in words, for picking an order with
 * the keyboard (the arrow keys in a focused diagram) and saying which one was picked. A pure
 * function of the engine's view. */
import type { Step, SystemView } from '../../engine/index.ts';

export interface OrderInView {
  order: number;
  where: string;
}

const AT_STEP: Record<Step, string> = {
  validate: 'being validated by the server',
  charge: 'being charged',
  save: 'being saved',
  enqueue: 'having its email job queued',
  email: 'waiting while the server sends its email',
};

/** Every order with a token in the lane, in order id, where it first appears (a request before
 * its email job, a job before the worker sending it). */
export function ordersInView(view: SystemView): OrderInView[] {
  const found = new Map<number, string>();
  const add = (order: number, where: string) => {
    if (order > 0 && !found.has(order)) found.set(order, where);
  };
  for (const r of view.requests) {
    const at = AT_STEP[r.step as Step] ?? `at step ${r.step}`;
    add(r.order, r.step === 'waiting' ? 'waiting for a handler' : at);
  }
  for (const w of view.workers) {
    if (w.state === 'busy') add(w.order, `with worker ${w.id}, which is sending its email`);
  }
  for (const m of view.visible) add(m.order, 'its email job waits in the queue');
  for (const m of view.delayed) add(m.order, 'its email job waits to be retried');
  for (const w of view.waits) {
    if (w.worker < 0 && w.kind !== 'backoff' && w.kind !== 'session') {
      add(w.order, 'its email job waits for its lease to run out: nobody is working on it');
    }
  }
  return [...found].map(([order, where]) => ({ order, where })).sort((a, b) => a.order - b.order);
}

/** The order after (step 1) or before (step -1) `current` among those in view, wrapping round;
 * from no current order, the first or the last. Undefined when none is in view. */
export function stepOrder(
  orders: readonly OrderInView[],
  current: number,
  step: 1 | -1,
): OrderInView | undefined {
  if (orders.length === 0) return undefined;
  if (step === 1) return orders.find((o) => o.order > current) ?? orders[0];
  const before = orders.filter((o) => current <= 0 || o.order < current);
  return before[before.length - 1] ?? orders[orders.length - 1];
}
