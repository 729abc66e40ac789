// A run the engine stops (a budget ran out) halts the page's clock there and says why, instead of
// playing on with one lane frozen or spinning on it every frame. (One run serves every check.)
import { describe, expect, it } from 'vitest';
import { testSimulator } from '../support/simulator.ts';

/** Every email fails at once and is retried at once, for ever: simulated time stands still. */
const STORM = {
  'traffic.pattern': 'steady',
  'traffic.rate': '1',
  'email.failureRate': '1',
  'retry.backoff': 'none',
  'queue.deadLetter': 'false',
  'latency.email': '0',
};

describe('when the engine stops a run', () => {
  it('ends a jump at the stop, says which lane and why, will not play on, and resets', () => {
    const sim = testSimulator({ settings: STORM, lanesShown: 'async' });
    expect(sim.store.getState().stopped).toBeNull();
    // A jump past the stop lands at the stop instead of slicing towards it for ever.
    expect(sim.store.getState().jumpTo(60_000)).toBeUndefined();
    sim.clock.advance(2_000);
    const s = sim.store.getState();
    expect(s.jump).toBeNull();
    expect(s.stopped).toMatchObject({ mode: 'async', reason: 'no-progress' });
    expect(s.stopped!.message).toMatch(/events without simulated time moving/);
    const at = s.simMs;
    // The clock, and so the sync lane beside it, halt at the moment the stage names.
    expect(at).toBe(s.stopped!.atMs);
    // Play does nothing on a stopped run: the clock stays at the stop.
    s.play();
    sim.clock.advance(1_000);
    expect(sim.store.getState().playing).toBe(false);
    expect(sim.store.getState().simMs).toBe(at);
    // A rebuilt run has not stopped.
    sim.store.getState().restartWith({ settings: { 'latency.email': '1500' } });
    expect(sim.store.getState().stopped).toBeNull();
    sim.store.getState().play();
    sim.clock.advance(500);
    expect(sim.store.getState().playing).toBe(true);
    expect(sim.store.getState().simMs).toBeGreaterThan(0);
  });
});
