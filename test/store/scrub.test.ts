// A drag of the timeline's thumb: its moves aim one seek, which runs from the next frame on in
// slices, is retargeted by later moves, and lands where the thumb was let go. Work is counted
// (the lanes' runs), never timed.
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { Checkpoints } from '../../src/store/replay/checkpoints.ts';
import { LanePair } from '../../src/store/lanes/lanePair.ts';
import { DEFAULT_DURATION_MS, simulatorState } from '../../src/store/simulatorState.ts';
import { manualClock } from '../support/simulator.ts';
import { canonical } from './canonical.ts';

const busy = { 'traffic.pattern': 'steady', 'traffic.rate': 20 };

/** A store over lanes that count the runs asked of them, played to 60 s. */
function played() {
  const clock = manualClock();
  const recipe = { settings: busy, seed: 3, durationMs: DEFAULT_DURATION_MS, changes: [] };
  const pair = new LanePair(recipe, 0, new Checkpoints(64, 2_000));
  pair.runTo(0);
  const store = createStore(simulatorState({ pair, clock }));
  store.getState().jumpTo(60_000);
  clock.advance(16);
  expect(store.getState().simMs).toBe(60_000);
  const runs: number[] = [];
  const runTo = pair.runTo.bind(pair);
  pair.runTo = (tMs, deadline, now) => (runs.push(tMs), runTo(tMs, deadline, now));
  return { clock, pair, store, runs };
}

describe('dragging the timeline', () => {
  it('does no work on a move: the seek runs from the next frame on', () => {
    const { pair, store, runs } = played();
    store.getState().scrub(20_000);
    expect(runs).toEqual([]);
    expect(pair.nowMs).toBe(60_000);
    expect(store.getState().simMs).toBe(60_000);
  });

  it('merges the moves of a frame into one seek, to the latest, shown the frame after', () => {
    const { clock, pair, store, runs } = played();
    for (let t = 50_000; t >= 41_000; t -= 1_000) store.getState().scrub(t);
    clock.advance(16);
    expect(runs).toEqual([41_000]);
    expect(pair.nowMs).toBe(41_000);
    clock.advance(16);
    expect(store.getState()).toMatchObject({ simMs: 41_000, jump: null });
    expect(runs).toEqual([41_000]);
  });

  it('retargets the seek in flight, so a long drag has one seek at a time and lands at the end', () => {
    const { clock, store, runs } = played();
    const targets = Array.from({ length: 30 }, (_, i) => 59_000 - i * 1_500);
    for (const t of targets) {
      store.getState().scrub(t);
      clock.advance(16);
    }
    // One run per frame at most, each to the latest target of its frame.
    expect(runs.length).toBeLessThanOrEqual(targets.length);
    expect(runs.every((t) => targets.includes(t))).toBe(true);
    clock.advance(1_000);
    expect(store.getState()).toMatchObject({ simMs: targets.at(-1), jump: null });
  });

  it('lets a target behind the lanes wait for the jump in flight, so restores do not pile up', () => {
    const { clock, pair, store, runs } = played();
    // A clock that moves 5 ms each time it is read: each frame's slice ends after a few steps.
    const wall = clock.now;
    let skew = 0;
    clock.now = () => wall() + (skew += 5);
    const restoresFrom = pair.generation;
    let landings = 0;
    store.subscribe((s, prev) => {
      if (prev.jump !== null && s.jump === null) landings++;
    });
    for (let i = 0; i < 30; i++) {
      store.getState().scrub(59_000 - i * 1_900);
      clock.advance(16);
    }
    clock.advance(5_000);
    expect(store.getState()).toMatchObject({ simMs: 59_000 - 29 * 1_900, jump: null });
    // Each restore starts a jump that then lands: none is thrown away half run.
    expect(pair.generation - restoresFrom).toBeLessThanOrEqual(landings + 1);
    expect(runs.length).toBeGreaterThan(1);
  });

  it('lands on what a seek to the same moment shows', () => {
    const dragged = played();
    for (const t of [30_000, 45_000, 12_345]) {
      dragged.store.getState().scrub(t);
      dragged.clock.advance(16);
    }
    dragged.clock.advance(1_000);
    const sought = played();
    sought.store.getState().seek(12_345);
    sought.clock.advance(16);
    const shown = (s: typeof dragged) => {
      const { simMs, lanes, tracked } = s.store.getState();
      return { simMs, lanes, tracked, engine: canonical(s.pair.lanes.async.sim.state) };
    };
    expect(shown(dragged)).toEqual(shown(sought));
  });

  it('pauses while the seek runs when playing, and plays on once it lands', () => {
    const { clock, store } = played();
    store.getState().play();
    clock.advance(100);
    store.getState().scrub(10_000);
    expect(store.getState().playing).toBe(false);
    clock.advance(2_000);
    const s = store.getState();
    expect(s.playing).toBe(true);
    expect(s.simMs).toBeGreaterThan(10_000);
    expect(s.simMs).toBeLessThan(13_000);
  });
});
