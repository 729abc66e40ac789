// How often a playing run hands React its coarse state: at most once in four frames however slow
// the frames are, and always in the frame a new caption shows, with the tallies of its moment.
import { describe, expect, it } from 'vitest';
import { beatIndexAt } from '../../src/scenarios/beats.ts';
import { createSimulator } from '../../src/store/simulatorStore.ts';
import { Checkpoints } from '../../src/store/replay/checkpoints.ts';
import type { RunRecipe } from '../../src/store/lanes/lane.ts';
import { LanePair } from '../../src/store/lanes/lanePair.ts';
import { testSimulator } from '../support/simulator.ts';

/** A frame clock whose frames come `frameMs` apart, as on a slow computer; with `tasks`, it
 * queues the tasks a frame asks to run once it is drawn (afterFrame), as a page does, and runs
 * them between frames, noting which frame each ran after. */
function slowClock(frameMs: number, tasks = false) {
  let now = 0;
  let frame = 0;
  let pending: ((wallMs: number) => void) | null = null;
  const queued: (() => void)[] = [];
  /** The frame after which each task ran. */
  const ranAfter: number[] = [];
  return {
    ranAfter,
    ...(tasks
      ? {
          afterFrame(callback: () => void) {
            queued.push(callback);
          },
        }
      : {}),
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
        frame++;
        const callback = pending;
        pending = null;
        callback?.(now);
        while (queued.length > 0) {
          queued.shift()!();
          ranAfter.push(frame);
        }
      }
    },
    get frame() {
      return frame;
    },
  };
}

describe('publishing while playing', () => {
  /** Plays the spike on frames `frameMs` apart; after the frame interval has settled, the
   * moments published over `frames` frames. */
  function publishes(frameMs: number, frames: number): number {
    const clock = slowClock(frameMs);
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
    clock.frames(frames);
    expect(store.getState().playing).toBe(true);
    return published;
  }

  it('hands React the moment at most once in four frames when frames take 100 ms', () => {
    const published = publishes(100, 100);
    // One in four frames, and one more for each new caption in these 10 s.
    expect(published).toBeGreaterThanOrEqual(20);
    expect(published).toBeLessThanOrEqual(28);
  });

  it('hands React the moment five times a second at most while frames come two vsyncs apart', () => {
    // Five seconds of frames.
    const published = publishes(1000 / 30, 150);
    // Five a second, and one more for each new caption in these 5 s (at most two).
    expect(published).toBeGreaterThanOrEqual(20);
    expect(published).toBeLessThanOrEqual(27);
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

  it('moves the clock every frame without waking the subscribers, who hear of it at publishes', () => {
    const clock = slowClock(1000 / 60);
    const { store } = createSimulator({ clock });
    store.getState().loadScenario('traffic-spike');
    store.getState().play();
    clock.frames(20);
    let heard = 0;
    store.subscribe(() => heard++);
    const seen: number[] = [];
    for (let i = 0; i < 60; i++) {
      clock.frames(1);
      seen.push(store.getState().simMs);
    }
    // The clock read every frame moves every frame...
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
    expect(store.getState().furthestMs).toBe(store.getState().simMs);
    // ...while the subscribers hear of a publish a few times a second (one in four frames at
    // most, and each new caption), not every frame.
    expect(heard).toBeGreaterThan(5);
    expect(heard).toBeLessThanOrEqual(20);
  });

  it('hands the charts their update a frame after the moment, never in the same task', () => {
    const clock = slowClock(1000 / 60, true);
    const { store } = createSimulator({ clock });
    store.getState().loadScenario('traffic-spike');
    store.getState().play();
    clock.frames(20);
    /** For each change the subscribers hear: the frame, and what changed. */
    const heard: { frame: number; lanes: boolean; charts: boolean }[] = [];
    store.subscribe((s, prev) => {
      heard.push({
        frame: clock.frame,
        lanes: s.lanes !== prev.lanes,
        charts: s.analysisVersion !== prev.analysisVersion,
      });
    });
    clock.frames(240);
    const charts = heard.filter((h) => h.charts);
    // About four times a second over these four seconds, none of them with a new moment.
    expect(charts.length).toBeGreaterThanOrEqual(12);
    expect(charts.length).toBeLessThanOrEqual(20);
    for (const h of charts) expect(h.lanes).toBe(false);
    // Each follows a moment's publish by a frame, not in that frame's task.
    const moments = new Set(heard.filter((h) => h.lanes).map((h) => h.frame));
    for (const h of charts) {
      expect(moments.has(h.frame)).toBe(false);
      expect(moments.has(h.frame - 1)).toBe(true);
    }
  });
});

describe('frame listeners while playing', () => {
  /** Plays the spike on frames `frameMs` apart; counts the frames, the calls of a listener of
   * each pace, and the moments published (the lanes' state handed to React). */
  function count(frameMs: number) {
    const clock = slowClock(frameMs, true);
    const simulator = createSimulator({ clock });
    simulator.store.getState().loadScenario('traffic-spike');
    simulator.store.getState().play();
    // The frame interval is smoothed over several frames: let it settle first.
    clock.frames(20);
    const calls = { every: 0, thinned: 0, moments: 0 };
    simulator.onFrame(() => calls.every++);
    simulator.onFrame(() => calls.thinned++, true);
    simulator.store.subscribe((s, prev) => {
      if (s.lanes !== prev.lanes) calls.moments++;
    });
    clock.frames(100);
    expect(simulator.store.getState().playing).toBe(true);
    return calls;
  }

  it('calls both paces every frame while frames come on time', () => {
    const calls = count(1000 / 60);
    expect(calls.every).toBeGreaterThanOrEqual(100);
    expect(calls.thinned).toBe(calls.every);
  });

  it('calls the thinned ones only with the moments while frames run late, the others every frame', () => {
    const calls = count(100);
    expect(calls.every).toBeGreaterThanOrEqual(100);
    // One in four frames (and each new caption): each publish of a moment calls them once.
    expect(calls.moments).toBeGreaterThanOrEqual(20);
    expect(calls.thinned).toBe(calls.moments);
  });
});

describe('what a playing run leaves for when it stops', () => {
  const recipe: RunRecipe = {
    settings: { 'traffic.pattern': 'steady', 'traffic.rate': 12, 'workers.count': 8 },
    seed: 3,
    durationMs: 600_000,
    changes: [],
  };
  /** The log entries both lanes have written: where a checkpoint now would sit in replay work. */
  const workOf = (pair: LanePair) => pair.lanes.sync.logged + pair.lanes.async.logged;
  /** A wall clock that moves `stepMs` each time it is read: each checkpoint seems to take that. */
  const skewed = (stepMs: number) => {
    let wall = 0;
    return () => (wall += stepMs);
  };
  /** Runs the pair to `toMs` as the frame loop does: slices of 100 ms of simulated time, each
   * with a frame's deadline. */
  const play = (pair: LanePair, toMs: number, now: () => number) => {
    for (let frame = 0; frame < 100_000 && pair.nowMs < toMs; frame++) {
      pair.runTo(Math.min(toMs, pair.nowMs + 100), now() + 1_000, now);
    }
    expect(pair.nowMs).toBe(toMs);
  };

  it('takes no checkpoint in a frame while the lanes hold many orders, and takes it on pausing', () => {
    // One worker for a steady 40 orders a second: the email jobs pile up in the queue.
    const piling: RunRecipe = {
      ...recipe,
      settings: { ...recipe.settings, 'traffic.rate': 40, 'workers.count': 1 },
    };
    const held = (pair: LanePair) => pair.lanes.sync.sim.held + pair.lanes.async.sim.held;
    const pair = new LanePair(piling, 0, new Checkpoints(200, 2_000));
    pair.playing = true;
    const now = skewed(0.01);
    let t = 0;
    // Played on until the lanes hold more than 1,000 and a checkpoint is due but put off.
    for (; t < 300_000 && !(held(pair) > 1_000 && pair.checkpoints.due(workOf(pair)));) {
      t += 1_000;
      play(pair, t, now);
    }
    expect(held(pair)).toBeGreaterThan(1_000);
    expect(held(pair)).toBeLessThanOrEqual(3_000);
    const before = pair.checkpoints.all.length;
    // Not playing (a seek, a page's first run), the same run takes it.
    const seeking = new LanePair(piling, 0, new Checkpoints(200, 2_000));
    play(seeking, t, skewed(0.01));
    expect(seeking.checkpoints.all.length).toBeGreaterThan(before);
    // Once it pauses, the checkpoint it put off is taken, at the moment it paused.
    pair.playing = false;
    pair.idleWork(now);
    expect(pair.checkpoints.all.length).toBe(before + 1);
    expect(pair.checkpoints.all.at(-1)!.atMs).toBe(pair.nowMs);
  });

  it('keeps taking them in frames while they are quick, as a run not playing does', () => {
    const quick = new LanePair(recipe, 0, new Checkpoints(200, 2_000));
    quick.playing = true;
    play(quick, 60_000, skewed(0.01));
    const unplayed = new LanePair(recipe, 0, new Checkpoints(200, 2_000));
    play(unplayed, 60_000, skewed(0.01));
    expect(quick.checkpoints.all.length).toBeGreaterThan(5);
    expect(quick.checkpoints.all.map((cp) => cp.atMs)).toEqual(
      unplayed.checkpoints.all.map((cp) => cp.atMs),
    );
  });
});
