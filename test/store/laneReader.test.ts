// The lane leaves the store only as a reader: the engine, the order book and the analysis are not
// reachable through it (a type error, and absent at run time too), and the reader a caller keeps
// reads the lanes a seek put in place, not the ones it replaced.
import { describe, expect, it } from 'vitest';
import type { LaneReader } from '../../src/store/simulatorStore.ts';
import { testSimulator } from '../support/simulator.ts';

/** Never called: tsc checks that a reader's lists and stories cannot be written through (the
 * types are read-only; at run time they are the store's own objects, shared, not copied). */
export function mutations(reader: LaneReader): void {
  // @ts-expect-error the flights are a read-only list
  reader.flights.push(reader.flights[0]!);
  // @ts-expect-error the dead-letter queue's orders too
  reader.dlqOrders.pop();
  // @ts-expect-error a story is read-only
  reader.story(1)!.page = null;
  // @ts-expect-error so is the lane's clock
  reader.nowMs = 0;
}

describe('simulator.lane(mode), the read-only lane', () => {
  it('does not hand out the engine, the order book or the analysis', () => {
    const { simulator } = testSimulator();
    const reader = simulator.lane('async');
    // @ts-expect-error the engine is private to the store
    expect(reader.sim).toBeUndefined();
    // @ts-expect-error the order book is private to the store
    expect(reader.book).toBeUndefined();
    // @ts-expect-error the Collector is private to the store; `analysis()` is its snapshot
    expect(reader.analysis.snapshot).toBeUndefined();
    // @ts-expect-error the store's actions are the only way to change a run
    expect(reader.change).toBeUndefined();
    expect(Object.keys(reader).sort()).not.toContain('sim');
  });

  it('reads whichever lanes are current, the same object across a seek back', () => {
    const { store, simulator, clock } = testSimulator();
    store.getState().change('traffic.rate', '20');
    store.getState().play();
    clock.advance(2000);
    store.getState().pause();
    const reader = simulator.lane('sync');
    const at = store.getState().simMs;
    const placedThen = reader.report('x').orders.arrived;
    expect(reader.nowMs).toBe(at);
    expect(placedThen).toBeGreaterThan(10);

    store.getState().seek(500);
    expect(simulator.lane('sync')).toBe(reader);
    expect(reader.nowMs).toBe(500);
    expect(reader.report('x').orders.arrived).toBeLessThan(placedThen);
    // The analysis is the restored lane's: nothing in it after 0.5 s.
    expect(reader.analysis().recentOrders.every((o) => reader.story(o)!.placedAt <= 500)).toBe(
      true,
    );
  });

  it('gives the analysis as a stable value: the same object until the lane moves', () => {
    const { store, simulator, clock } = testSimulator();
    store.getState().change('traffic.rate', '20');
    const reader = simulator.lane('async');
    const first = reader.analysis();
    expect(reader.analysis()).toBe(first);
    store.getState().play();
    clock.advance(1000);
    expect(reader.analysis()).not.toBe(first);
  });
});
