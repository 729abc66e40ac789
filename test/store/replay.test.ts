// The replay budget and long jumps: what a jump would cost in orders, the refusal past the
// budget, moments past the arrivals, and a long jump computed in slices that can be cancelled.
import { describe, expect, it } from 'vitest';
import type { TimedChange } from '../../src/engine/index.ts';
import { beatIndexAt } from '../../src/scenarios/beats.ts';
import { goToBeat } from '../../src/lessons/navigate.ts';
import { findScenario } from '../../src/scenarios/index.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';
import { JUMP_SLICE_MS } from '../../src/store/time/jump.ts';
import type { RunRecipe } from '../../src/store/lanes/lane.ts';
import { LanePair } from '../../src/store/lanes/lanePair.ts';
import {
  REPLAY_BUDGET_ORDERS,
  expectedOrders,
  latestWithinBudget,
  overBudget,
} from '../../src/store/time/replayBudget.ts';
import { createSimulator } from '../../src/store/simulatorStore.ts';
import type { FrameClock } from '../../src/store/simulatorTypes.ts';
import { testSimulator } from '../support/simulator.ts';

const recipe = (settings: RunRecipe['settings'], changes: RunRecipe['changes'] = []) => ({
  settings,
  seed: 1,
  durationMs: 600_000,
  changes,
});
const steady = (rate: number) => ({ 'traffic.pattern': 'steady', 'traffic.rate': rate });

describe('the cost of reaching a moment', () => {
  it('is rate × time for steady traffic, and the one order for the single pattern', () => {
    expect(expectedOrders(recipe(steady(50)), 60_000)).toBe(3000);
    expect(expectedOrders(recipe({}), 3_600_000)).toBe(1);
  });

  it('counts the spike at its own rate, and no arrivals after the run’s duration', () => {
    const spike = {
      'traffic.pattern': 'spike',
      'traffic.rate': 2,
      'traffic.spikeAt': 15,
      'traffic.spikeFor': 10,
      'traffic.spikeRate': 40,
    };
    expect(expectedOrders(recipe(spike), 60_000)).toBe(2 * 50 + 40 * 10);
    expect(expectedOrders(recipe(steady(10)), 3_600_000)).toBe(6000);
  });

  it('follows changes of rate and placed orders on the way', () => {
    const changes: TimedChange[] = [
      { atMs: 10_000, key: 'traffic.rate', value: 100 },
      { atMs: 20_000, key: 'orders.place', value: 5 },
    ];
    expect(expectedOrders(recipe(steady(1), changes), 30_000)).toBe(10 + 2000 + 5);
  });

  it('names the cost and the furthest reachable moment past the budget', () => {
    const heavy = recipe(steady(10_000));
    expect(latestWithinBudget(heavy)).toBe((REPLAY_BUDGET_ORDERS / 10_000) * 1000);
    expect(overBudget(heavy, 600_000)).toBe(
      'reaching 10:00.0 means simulating about 6,000,000 orders, more than the 100,000 a jump may; ' +
        'with these settings a jump reaches at most 10.0 s',
    );
    expect(overBudget(heavy, 10_000)).toBeUndefined();
  });
});

describe('a jump', () => {
  it('past the budget is refused and leaves the run where it was', () => {
    const t = testSimulator({ settings: steady(8_000) });
    expect(t.store.getState().jumpTo(600_000)).toMatch(/about 4,800,000 orders/);
    expect(t.store.getState().simMs).toBe(0);
    expect(t.store.getState().furthestMs).toBe(0);
  });

  it('past the arrivals is honoured: an hour into the lesson', () => {
    const t = testSimulator();
    t.store.getState().loadScenario('checkout');
    expect(t.store.getState().jumpTo(3_600_000)).toBeUndefined();
    expect(t.store.getState().simMs).toBe(3_600_000);
  });

  it('reaches every caption of every lesson, beats after the arrivals included', () => {
    for (const scenario of SCENARIOS) {
      const t = testSimulator();
      t.store.getState().loadScenario(scenario.id);
      let guard = 0;
      while (goToBeat(t.simulator, 1) && guard++ < 100);
      const { simMs } = t.store.getState();
      expect(beatIndexAt(scenario.beats, simMs), scenario.id).toBe(scenario.beats.length - 1);
    }
    const kafka = findScenario('kafka-poison')!;
    expect(kafka.beats.at(-1)!.atSec).toBeGreaterThan(kafka.durationSec);
  });
});

/** A clock on which every reading costs 1 ms of wall time, as a slow engine would, and whose
 * frames run when the test says. */
function slowClock() {
  let now = 0;
  let pending: ((wallMs: number) => void) | null = null;
  const clock: FrameClock = {
    now: () => (now += 1),
    requestFrame(callback) {
      pending = callback;
      return 1;
    },
    cancelFrame() {
      pending = null;
    },
  };
  const frame = () => {
    const callback = pending;
    pending = null;
    callback?.(now);
    return callback !== null;
  };
  return { clock, frame };
}

describe('a long jump', () => {
  it('goes on in slices across frames, with its progress, and lands on the target', () => {
    const { clock, frame } = slowClock();
    const simulator = createSimulator({ clock, settings: steady(50) });
    const { store } = simulator;
    expect(store.getState().jumpTo(60_000)).toBeUndefined();
    const first = store.getState().jump!;
    expect(first).toMatchObject({ fromMs: 0, toMs: 60_000 });
    expect(first.reachedMs).toBeLessThan(60_000);
    let frames = 0;
    let last = first.reachedMs;
    while (frame()) {
      frames++;
      const jump = store.getState().jump;
      if (jump) {
        expect(jump.reachedMs).toBeGreaterThan(last);
        last = jump.reachedMs;
      }
    }
    expect(frames).toBeGreaterThan(1);
    expect(store.getState().jump).toBeNull();
    expect(store.getState().simMs).toBe(60_000);
    expect(store.getState().furthestMs).toBe(60_000);
    // Each slice stops at its first look at the clock past JUMP_SLICE_MS.
    expect(JUMP_SLICE_MS).toBeLessThanOrEqual(100);
  });

  it('can be cancelled, and then stays where it got to', () => {
    const { clock, frame } = slowClock();
    const { store } = createSimulator({ clock, settings: steady(50) });
    store.getState().jumpTo(60_000);
    frame();
    const reached = store.getState().jump!.reachedMs;
    store.getState().cancelJump();
    expect(store.getState().jump).toBeNull();
    expect(store.getState().simMs).toBe(reached);
    expect(frame()).toBe(false);
  });

  it('started while playing pauses meanwhile and plays on once it lands', () => {
    const { clock, frame } = slowClock();
    const { store } = createSimulator({ clock, settings: steady(50) });
    store.getState().play();
    store.getState().jumpTo(60_000);
    expect(store.getState().playing).toBe(false);
    while (store.getState().jump !== null) frame();
    expect(store.getState().simMs).toBe(60_000);
    expect(store.getState().playing).toBe(true);
  });

  it('is given up when another action takes over, such as a change of setting', () => {
    const { clock, frame } = slowClock();
    const { store } = createSimulator({ clock, settings: steady(50) });
    store.getState().jumpTo(60_000);
    expect(store.getState().change('workers.count', '9')).toBeUndefined();
    expect(store.getState().jump).toBeNull();
    expect(frame()).toBe(false);
    expect(store.getState().simMs).toBeLessThan(60_000);
  });
});

describe('a run under a deadline', () => {
  it('halves its step of simulated time after a step that took long, and grows it back', () => {
    const pair = new LanePair(recipe(steady(50)));
    let wall = 0;
    let cost = 10;
    const now = () => (wall += cost);
    // Each reading of the clock costs 10 ms: one step, then the deadline has passed.
    expect(pair.runTo(60_000, wall + 1, now)).toBe(250);
    expect(pair.runTo(60_000, wall + 1, now)).toBe(375);
    expect(pair.runTo(60_000, wall + 1, now)).toBe(437.5);
    // Quick steps (0.5 ms) double it again: 31.25, 62.5, 125 ms before the deadline passes.
    cost = 0.5;
    expect(pair.runTo(60_000, wall + 3, now)).toBe(437.5 + 31.25 + 62.5 + 125);
  });
});
