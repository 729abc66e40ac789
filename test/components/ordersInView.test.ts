/** Picking orders with the keyboard: which orders a lane shows, and how the arrow keys step
 * through them. Built on a real run's view. */
import { describe, expect, it } from 'vitest';
import { Simulation, viewOf } from '../../src/engine/index.ts';
import { ordersInView, stepOrder } from '../../src/components/diagram/ordersInView.ts';
import { findScenario, scenarioConfig } from '../../src/scenarios/index.ts';

function slowEmailAt(ms: number) {
  const scenario = findScenario('slow-email')!;
  const sim = new Simulation({
    config: scenarioConfig(scenario),
    mode: 'async',
    seed: scenario.seed,
    durationMs: scenario.durationSec * 1000,
  });
  sim.runUntil(ms);
  return viewOf(sim.state);
}

describe('the orders in view', () => {
  const view = slowEmailAt(13_100);
  const orders = ordersInView(view);

  it('lists every order with a request, a message or a worker on it, once, in id order', () => {
    const expected = new Set([
      ...view.requests.map((r) => r.order),
      ...view.visible.map((m) => m.order),
      ...view.delayed.map((m) => m.order),
      ...view.workers.filter((w) => w.state === 'busy').map((w) => w.order),
    ]);
    expect(orders.map((o) => o.order)).toEqual([...expected].sort((a, b) => a - b));
  });

  it('says where each is: order 6 with the worker still sending it', () => {
    const worker = view.workers.find((w) => w.order === 6)!;
    expect(orders.find((o) => o.order === 6)?.where).toBe(
      `with worker ${worker.id}, which is sending its email`,
    );
  });
});

describe('stepping through the orders with the arrow keys', () => {
  const orders = [3, 6, 8].map((order) => ({ order, where: '' }));

  it('goes to the next id up, and from the last back to the first', () => {
    expect(stepOrder(orders, 0, 1)?.order).toBe(3);
    expect(stepOrder(orders, 3, 1)?.order).toBe(6);
    expect(stepOrder(orders, 8, 1)?.order).toBe(3);
    // An order no longer in view steps to the next one that is.
    expect(stepOrder(orders, 7, 1)?.order).toBe(8);
  });

  it('goes to the next id down, and from the first round to the last', () => {
    expect(stepOrder(orders, 0, -1)?.order).toBe(8);
    expect(stepOrder(orders, 6, -1)?.order).toBe(3);
    expect(stepOrder(orders, 3, -1)?.order).toBe(8);
  });

  it('finds nothing when no order is in view', () => {
    expect(stepOrder([], 5, 1)).toBeUndefined();
  });
});
