// The store's state creator on its own, as zustand's testing guide has it: each test makes a
// fresh store from the creator (`createStore(simulatorState(parts))`) over its own lanes and a
// frame clock it drives by hand, so no state leaks between tests and no React is involved.
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { findScenario } from '../../src/scenarios/index.ts';
import { Checkpoints } from '../../src/store/replay/checkpoints.ts';
import { LanePair, MODES } from '../../src/store/lanes/lanePair.ts';
import { DEFAULT_DURATION_MS, simulatorState } from '../../src/store/simulatorState.ts';
import type { SimulatorOptions } from '../../src/store/simulatorTypes.ts';
import { manualClock } from '../support/simulator.ts';
import { canonical } from './canonical.ts';

const busy = { 'traffic.pattern': 'steady', 'traffic.rate': 20, 'workers.count': 12 };

function fresh(options: SimulatorOptions = {}, checkpoints = new Checkpoints(64, 2_000)) {
  const clock = manualClock();
  const recipe = {
    settings: options.settings ?? {},
    seed: options.seed ?? 1,
    durationMs: options.durationMs ?? DEFAULT_DURATION_MS,
    changes: [],
  };
  const pair = new LanePair(recipe, 0, checkpoints);
  pair.runTo(0);
  const store = createStore(simulatorState({ pair, clock, options }));
  return { clock, pair, store };
}

describe('the state creator, on its own', () => {
  it('starts paused at 0 s with the values in force published', () => {
    const { store } = fresh({ settings: busy });
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.simMs).toBe(0);
    expect(s.values['traffic.rate']).toBe('20');
    expect(s.durationMs).toBe(DEFAULT_DURATION_MS);
  });

  it('plays by the clock it is given, and pauses', () => {
    const { clock, store } = fresh({ settings: busy, speed: 2 });
    store.getState().play();
    clock.advance(1000);
    expect(store.getState().simMs).toBeGreaterThan(1800);
    expect(store.getState().simMs).toBeLessThanOrEqual(2000);
    store.getState().pause();
    const paused = store.getState().simMs;
    clock.advance(500);
    expect(store.getState().simMs).toBe(paused);
  });
});

describe('the run’s length', () => {
  it('lives in the state: a lesson sets it, the defaults restore it, the lanes replay with it', () => {
    const { pair, store } = fresh({ durationMs: 90_000 });
    store.getState().loadScenario('checkout');
    const lesson = findScenario('checkout')!;
    expect(store.getState().durationMs).toBe(lesson.durationSec * 1000);
    expect(pair.currentRecipe.durationMs).toBe(lesson.durationSec * 1000);
    store.getState().restoreDefaults();
    expect(store.getState().durationMs).toBe(90_000);
    expect(pair.currentRecipe.durationMs).toBe(90_000);
  });
});

describe('recording changes', () => {
  it('keeps a change as a timed change at the moment it was made', () => {
    const { store } = fresh({ settings: busy });
    store.getState().jumpTo(12_000);
    expect(store.getState().change('workers.count', '3')).toBeUndefined();
    expect(store.getState().changes).toEqual([{ atMs: 12_000, key: 'workers.count', value: '3' }]);
    expect(store.getState().values['workers.count']).toBe('3');
  });

  it('drops the later changes when one is made in the past', () => {
    const { store } = fresh({ settings: busy });
    store.getState().jumpTo(10_000);
    store.getState().change('workers.count', '3');
    store.getState().jumpTo(20_000);
    store.getState().change('workers.count', '5');
    store.getState().seek(15_000);
    store.getState().change('workers.count', '8');
    expect(store.getState().changes.map((c) => [c.atMs, c.value])).toEqual([
      [10_000, '3'],
      [15_000, '8'],
    ]);
  });

  it('refuses a bad value with a sentence and records nothing', () => {
    const { store } = fresh();
    const problem = store.getState().change('workers.count', 'many');
    expect(problem).toMatch(/workers\.count/);
    expect(store.getState().errors['workers.count']).toBe(problem);
    expect(store.getState().changes).toEqual([]);
  });
});

describe('seeking through checkpoints', () => {
  it('publishes the moment a replay from 0 s publishes, after the user’s changes', () => {
    const { pair, store } = fresh({ settings: busy });
    store.getState().jumpTo(30_000);
    store.getState().change('workers.count', '4');
    store.getState().jumpTo(90_000);
    expect(pair.startMsFor(41_000)).toBeGreaterThan(30_000); // a checkpoint after the change
    store.getState().seek(41_000);
    const sought = store.getState();
    expect(sought.simMs).toBe(41_000);
    expect(sought.jump).toBeNull();

    const replay = fresh({ settings: busy }, new Checkpoints(0, Infinity));
    replay.store.getState().jumpTo(30_000);
    replay.store.getState().change('workers.count', '4');
    replay.store.getState().jumpTo(41_000);
    const expected = replay.store.getState();
    expect(sought.values).toEqual(expected.values);
    expect(sought.tracked).toBe(expected.tracked);
    for (const mode of MODES) {
      expect(canonical(sought.lanes[mode])).toBe(canonical(expected.lanes[mode]));
      expect(canonical(pair.lanes[mode].analysis.snapshot())).toBe(
        canonical(replay.pair.lanes[mode].analysis.snapshot()),
      );
    }
  });
});
