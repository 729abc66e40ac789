// The store shows the lesson's captions bound to the run it plays: each at the moment its fact
// holds, and only those whose claims hold, anew after every change the user records.
import { describe, expect, it } from 'vitest';
import { beatIndexAt, beatMs } from '../../src/scenarios/beats.ts';
import { findScenario, scenarioRecipe } from '../../src/scenarios/index.ts';
import { resolveScript } from '../../src/scenarios/script.ts';
import { testSimulator } from '../support/simulator.ts';

describe('the captions of a loaded lesson', () => {
  it('are the lesson’s script resolved against its own run, none left out', () => {
    const sim = testSimulator();
    sim.store.getState().loadScenario('traffic-spike');
    const spike = findScenario('traffic-spike')!;
    const s = sim.store.getState();
    expect(s.beats).toEqual(resolveScript(spike, scenarioRecipe(spike)).beats);
    expect(s.captionsLeftOut).toEqual([]);
    // The give-up caption waits for the first give-up, after its old clock time of 27 s.
    expect(beatMs(s.beats[3]!)).toBeGreaterThan(27_000);
  });

  it('show the give-up caption when the first sync customer has given up, not before', () => {
    const sim = testSimulator();
    sim.store.getState().loadScenario('traffic-spike');
    const { beats } = sim.store.getState();
    const at = beatMs(beats[3]!);
    sim.store.setState({ furthestMs: at });
    sim.store.getState().seek(at - 50);
    expect(beatIndexAt(sim.store.getState().beats, sim.store.getState().simMs)).toBe(2);
    expect(sim.simulator.lane('sync').report('x').orders.timedOut).toBe(0);
    sim.store.getState().seek(at);
    expect(beatIndexAt(sim.store.getState().beats, sim.store.getState().simMs)).toBe(3);
    expect(sim.simulator.lane('sync').report('x').orders.timedOut).toBeGreaterThan(0);
  });

  it('leave out what a change makes false, say why, and come back on reset', () => {
    const sim = testSimulator();
    sim.store.getState().loadScenario('traffic-spike');
    expect(sim.store.getState().change('server.handlers', '400')).toBeUndefined();
    const s = sim.store.getState();
    expect(s.captionsLeftOut.map((l) => l.index)).toEqual([3, 4]);
    expect(s.captionsLeftOut[1]!.why).toMatch(/^it never happens in this run/);
    expect(s.beats).toHaveLength(3);
    s.reset();
    expect(sim.store.getState().captionsLeftOut).toEqual([]);
    expect(sim.store.getState().beats).toHaveLength(5);
  });

  it('are none in free play', () => {
    const sim = testSimulator();
    sim.store.getState().loadScenario('checkout');
    sim.store.getState().restoreDefaults();
    expect(sim.store.getState().beats).toEqual([]);
  });
});
