// A step's `where` from the page: it reshapes the run (which steps the request waits for), so the
// store starts the run again with it, as it does for the broker, and the lanes run the new design.
import { describe, expect, it } from 'vitest';
import { testSimulator } from '../support/simulator.ts';

describe('a step moved between the request and the background', () => {
  it('restarts the run with the step where it was put, and a step the flow lacks is refused', () => {
    const { store, simulator } = testSimulator();
    store.getState().seek(5_000);
    expect(store.getState().change('steps.charge.where', 'background')).toBeUndefined();
    const s = store.getState();
    expect(s.simMs).toBe(0);
    const charge = simulator.lane('async').config.flow.steps.find((x) => x.id === 'charge');
    expect(charge?.where).toBe('background');
    expect(simulator.lane('sync').config.flow.steps.find((x) => x.id === 'charge')?.where).toBe(
      'background',
    );
    expect(store.getState().change('steps.transcode.where', 'background')).toMatch(
      /validate, charge, save, email/,
    );
  });
});
