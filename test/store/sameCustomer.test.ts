// The customers' screens follow one customer in both lanes: the order placed at the same moment
// in each (a lane's ids run ahead by the second clicks it has seen), and a second click that only
// the sync lane has is named, never shown as "no order yet".
import { describe, expect, it } from 'vitest';
import { testSimulator } from '../support/simulator.ts';

describe('the customers’ screens in double-charge, where sync customers click again', () => {
  it('show the same customer in both lanes, or name the sync lane’s second click', () => {
    const sim = testSimulator();
    sim.store.getState().loadScenario('double-charge');
    // Without its captions, whose focus on order 9 would hold the screens on one customer.
    sim.store.setState({ furthestMs: 60_000, beats: [] });
    let seconds = 0;
    let sameMoment = 0;
    let differentIds = 0;
    for (let t = 2_000; t <= 60_000; t += 250) {
      sim.store.getState().seek(t);
      const { lanes, simMs } = sim.store.getState();
      expect(simMs).toBe(t);
      const sync = lanes.sync.screen;
      const async = lanes.async.screen;
      if (sync.order === 0) continue;
      if (async.elsewhere > 0) {
        // A second click: the sync order is one, and async has no order for it.
        seconds++;
        expect(async.elsewhere).toBe(sync.order);
        expect(async.order).toBe(0);
        expect(sim.simulator.lane('sync').story(sync.order)!.retry).toBe(true);
        continue;
      }
      expect(async.order, `at ${t / 1000} s`).toBeGreaterThan(0);
      expect(async.placedAt, `at ${t / 1000} s`).toBe(sync.placedAt);
      sameMoment++;
      if (async.order !== sync.order) differentIds++;
    }
    // The walk met all three cases: a second click, the same customer under another id once the
    // lanes' ids have drifted apart, and plenty of matching customers.
    expect(seconds).toBeGreaterThan(0);
    expect(differentIds).toBeGreaterThan(0);
    expect(sameMoment).toBeGreaterThan(20);
  });
});
