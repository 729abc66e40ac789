// How often a playing run hands React its coarse state: at most once in four frames however slow
// the frames are, and always in the frame a new caption shows, with the tallies of its moment.
import { describe, expect, it } from 'vitest';
import { beatIndexAt } from '../../src/scenarios/beats.ts';
import { createSimulator } from '../../src/store/simulatorStore.ts';
import { testSimulator } from '../support/simulator.ts';

/** A frame clock whose frames come `frameMs` apart, as on a slow computer. */
function slowClock(frameMs: number) {
  let now = 0;
  let pending: ((wallMs: number) => void) | null = null;
  return {
    now: () => now,
    requestFrame(callback: (wallMs: number) => void) {
      pending = callback;
      return 1;
    },
    cancelFrame() {
      pending = null;
    },
    frames(n: number) {
      for (let i = 0; i < n; i++) {
        now += frameMs;
        const callback = pending;
        pending = null;
        callback?.(now);
      }
    },
  };
}

describe('publishing while playing', () => {
  it('hands React the moment at most once in four frames when frames take 100 ms', () => {
    const clock = slowClock(100);
    const { store } = createSimulator({ clock });
    store.getState().loadScenario('traffic-spike');
    let published = 0;
    store.subscribe((s, prev) => {
      if (s.lanes !== prev.lanes) published++;
    });
    store.getState().play();
    // The frame interval is smoothed over several frames: let it settle first.
    clock.frames(20);
    published = 0;
    clock.frames(100);
    expect(store.getState().playing).toBe(true);
    // One in four frames, and one more for each new caption in these 10 s.
    expect(published).toBeGreaterThanOrEqual(20);
    expect(published).toBeLessThanOrEqual(28);
  });

  it('publishes the tallies and charts in the very frame each new caption shows', () => {
    const t = testSimulator();
    t.store.getState().loadScenario('traffic-spike');
    const { beats } = t.store.getState();
    let checked = 0;
    t.store.getState().play();
    for (let frame = 0; frame < 5000 && checked < beats.length; frame++) {
      const before = t.store.getState();
      const shown = beatIndexAt(beats, before.simMs);
      if (!before.playing) before.play();
      t.clock.advance(16);
      const after = t.store.getState();
      if (beatIndexAt(beats, after.simMs) === shown) continue;
      checked++;
      expect(after.analysisVersion, `caption ${shown + 1}`).toBeGreaterThan(before.analysisVersion);
      expect(after.lanes).not.toBe(before.lanes);
    }
    expect(checked).toBe(beats.length);
  });
});
