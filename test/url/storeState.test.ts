// Applying a link to a fresh store, and the link for the store's state: one round trip.
import { describe, expect, it } from 'vitest';
import { parseParams } from '../../src/url/parseParams.ts';
import { serializeState } from '../../src/url/serializeState.ts';
import { applyUrlState, urlStateOf } from '../../src/url/storeState.ts';
import { DEFAULT_URL_STATE } from '../../src/url/urlState.ts';
import { testSimulator } from '../support/simulator.ts';

describe('a link applied to a fresh store', () => {
  const search = '?v=1&scenario=email-outage&mode=sync&seed=8&speed=2&t=12.5&workers.count=8';

  it('loads the scenario, then the seed and settings as the base, view, speed and moment', () => {
    const { store } = testSimulator();
    applyUrlState(store, parseParams(search).state);
    const s = store.getState();
    expect(s.scenarioId).toBe('email-outage');
    expect(s.seed).toBe(8);
    expect(s.base['workers.count']).toBe('8');
    expect(s.values['workers.count']).toBe('8');
    expect(s.changes).toEqual([]);
    expect(s.lanesShown).toBe('sync');
    expect(s.speed).toBe(2);
    expect(s.simMs).toBe(12_500);
    expect(s.playing).toBe(false);
  });

  it('gives its settings to the very first order (they are the base, not changes at 0 s)', () => {
    const { store } = testSimulator();
    applyUrlState(store, parseParams('?latency.validate=500').state);
    store.getState().stepEvent();
    expect(store.getState().simMs).toBe(500);
  });

  it('gives back the same link', () => {
    const { store } = testSimulator();
    applyUrlState(store, parseParams(search).state);
    expect(serializeState(urlStateOf(store.getState(), DEFAULT_URL_STATE))).toBe(search);
  });

  it('folds a change the user made into the link as a starting setting', () => {
    const { store } = testSimulator();
    store.getState().change('email.failureRate', '0.25');
    const state = urlStateOf(store.getState(), DEFAULT_URL_STATE);
    expect(state.settings).toEqual({ 'email.failureRate': '0.25' });
    expect(state.scenario).toBeNull();
    expect(serializeState(state)).toBe('?v=1&email.failureRate=0.25');
  });

  it('leaves out the scenario’s own view and seed', () => {
    const { store } = testSimulator();
    store.getState().loadScenario('email-outage');
    expect(serializeState(urlStateOf(store.getState(), DEFAULT_URL_STATE))).toBe(
      '?v=1&scenario=email-outage',
    );
  });

  it('keeps its moment within the replay budget, so the link opens without a refusal', () => {
    const { store } = testSimulator({
      settings: { 'traffic.pattern': 'steady', 'traffic.rate': 1 },
    });
    expect(store.getState().jumpTo(500_000)).toBeUndefined();
    expect(store.getState().change('traffic.rate', '500')).toBeUndefined();
    const state = urlStateOf(store.getState(), DEFAULT_URL_STATE);
    // 500 orders a second from 0 s reach the 100,000-order budget at 200 s.
    expect(state.t).toBe(200);
    const link = serializeState(state);
    expect(link).toContain('traffic.rate=500');
    expect(parseParams(link).notices).toEqual([]);
  });
});

/** A frame clock on a slow machine: every reading of the clock costs 2 ms of wall time, so a
 * jump of any length is computed in slices across frames, as on a busy laptop. */
function slowMachine() {
  let now = 0;
  let pending: ((wallMs: number) => void) | null = null;
  let id = 0;
  return {
    now: () => (now += 2),
    requestFrame(callback: (wallMs: number) => void) {
      pending = callback;
      return ++id;
    },
    cancelFrame() {
      pending = null;
    },
    /** Runs up to `count` frames; returns how many ran. */
    frames(count: number): number {
      let ran = 0;
      for (; ran < count && pending; ran++) {
        const callback = pending;
        pending = null;
        callback(now);
      }
      return ran;
    },
  };
}

describe('a link to a moment on a slow machine', () => {
  const search = '?scenario=too-few-workers&t=100';

  it('lands paused exactly at its moment, in slices, and stays there', () => {
    const clock = slowMachine();
    const { store } = testSimulator({ clock });
    expect(applyUrlState(store, parseParams(search).state)).toEqual([]);
    expect(store.getState().jump).not.toBeNull(); // sliced: the first slice did not get there
    clock.frames(10_000);
    expect(store.getState().jump).toBeNull();
    expect(store.getState().simMs).toBe(100_000);
    expect(store.getState().playing).toBe(false);
    expect(clock.frames(100)).toBe(0); // nothing left running: it stays put
    expect(store.getState().simMs).toBe(100_000);
  });

  it('with play, plays only once the jump has landed, from its moment', () => {
    const clock = slowMachine();
    const { store } = testSimulator({ clock });
    applyUrlState(store, parseParams(search).state, { play: true });
    expect(store.getState().playing).toBe(false);
    let slices = 0;
    while (store.getState().jump !== null && slices < 10_000) slices += clock.frames(1);
    expect(slices).toBeGreaterThan(0);
    const landed = store.getState();
    expect(landed.simMs).toBe(100_000);
    expect(landed.playing).toBe(true);
  });
});
