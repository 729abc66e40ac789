import { describe, expect, it } from 'vitest';
import { report, Simulation } from '../../src/engine/index.ts';
import { findScenario, scenarioChanges, scenarioConfig } from '../../src/scenarios/index.ts';
import { testSimulator } from '../support/simulator.ts';

describe('loading a preset scenario into the store', () => {
  it('starts it at 0 s, paused, with its seed, view and settings', () => {
    const sim = testSimulator();
    expect(sim.store.getState().loadScenario('worker-crash')).toBeUndefined();
    const s = sim.store.getState();
    expect(s).toMatchObject({
      scenarioId: 'worker-crash',
      seed: 5,
      lanesShown: 'async',
      playing: false,
    });
    expect(s.simMs).toBe(0);
    expect(s.durationMs).toBe(60_000);
    expect(s.values['workers.crashRate']).toBe('0.25');
  });

  it('replays the scenario’s script, and keeps it through a seek back', () => {
    const sim = testSimulator();
    sim.store.getState().loadScenario('too-few-workers');
    sim.store.getState().seek(0);
    const { store } = sim;
    store.setState({ furthestMs: 70_000 });
    store.getState().seek(70_000);
    expect(store.getState().values['workers.count']).toBe('8');
    expect(store.getState().changes).toEqual([]);
    store.getState().seek(30_000);
    expect(store.getState().values['workers.count']).toBe('2');
  });

  it('runs exactly as the scenario does headless', () => {
    const sim = testSimulator();
    sim.store.getState().loadScenario('flaky-email');
    sim.store.setState({ furthestMs: 80_000 });
    sim.store.getState().seek(80_000);
    const scenario = findScenario('flaky-email')!;
    const headless = new Simulation({
      config: scenarioConfig(scenario),
      mode: 'async',
      seed: scenario.seed,
      durationMs: scenario.durationSec * 1000,
      changes: scenarioChanges(scenario),
    });
    headless.runUntil(80_000);
    const live = sim.simulator.lane('async').report('x');
    expect(live.emails.failedAttempts).toBeGreaterThan(0);
    expect(live).toEqual(report(headless.state, 'x'));
  });

  it('refuses an unknown id with a sentence naming the known ones, and changes nothing', () => {
    const sim = testSimulator();
    expect(sim.store.getState().loadScenario('nope')).toMatch(
      /unknown scenario 'nope'; one of checkout/,
    );
    expect(sim.store.getState().scenarioId).toBeNull();
  });

  it('goes back to the free simulator on restoring the defaults', () => {
    const sim = testSimulator();
    sim.store.getState().loadScenario('traffic-spike');
    sim.store.getState().restoreDefaults();
    expect(sim.store.getState()).toMatchObject({
      scenarioId: null,
      script: [],
      durationMs: 600_000,
    });
  });
});
