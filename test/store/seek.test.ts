// Seeking through checkpoints: a seek restores the nearest checkpoint at or before its target and
// replays from there, and lands on the very state a replay from 0 s reaches, byte for byte: the
// engine's state and the analysis the collector publishes, at checkpoints, just either side of
// them, and around the user's timed changes.
import { describe, expect, it } from 'vitest';
import type { Mode, TimedChange } from '../../src/engine/index.ts';
import { Checkpoints } from '../../src/store/replay/checkpoints.ts';
import type { RunRecipe } from '../../src/store/lanes/lane.ts';
import { LanePair, MODES } from '../../src/store/lanes/lanePair.ts';
import { canonical } from './canonical.ts';

const script: TimedChange[] = [{ atMs: 20_000, key: 'email.failureRate', value: 0.3 }];
const recipe: RunRecipe = {
  settings: { 'traffic.pattern': 'steady', 'traffic.rate': 12, 'workers.count': 8 },
  seed: 3,
  durationMs: 600_000,
  changes: script,
};

/** Everything a moment shows, as text: each lane's engine state, the analysis its collector
 * publishes, and what the diagram draws from the log (customers' screens, flights, the DLQ). */
function moment(pair: LanePair): Record<Mode, { state: string; analysis: string; drawn: string }> {
  const of = (mode: Mode) => {
    const lane = pair.lanes[mode];
    return {
      state: canonical(lane.sim.checkpoint().state),
      analysis: canonical(lane.analysis.snapshot()),
      drawn: canonical([lane.book, lane.flights, lane.dlqOrders, lane.lastLoggedMs]),
    };
  };
  return { sync: of('sync'), async: of('async') };
}

/** The same moment reached by a fresh pair replaying the run's recipe from 0 s. */
function replayed(pair: LanePair, tMs: number): ReturnType<typeof moment> {
  const fresh = new LanePair(pair.currentRecipe, script.length, new Checkpoints(0, Infinity));
  fresh.runTo(tMs);
  return moment(fresh);
}

/** A pair that played to 120 s with checkpoints every 2,000 log entries (many, for the test), a
 * user's change at 50 s and another at 80 s. */
function played(): LanePair {
  const pair = new LanePair(recipe, script.length, new Checkpoints(200, 2_000));
  pair.runTo(50_000);
  expect(pair.change('workers.count', 3)).toBeUndefined();
  pair.runTo(80_000);
  expect(pair.change('latency.email', '900')).toBeUndefined();
  pair.runTo(120_000);
  return pair;
}

describe('a seek through checkpoints', () => {
  const pair = played();
  const cps = pair.checkpoints.all;

  it('has checkpoints spread over the run, before and after the user’s changes', () => {
    expect(cps.length).toBeGreaterThan(10);
    expect(cps.some((cp) => cp.atMs < 50_000)).toBe(true);
    expect(cps.some((cp) => cp.atMs > 80_000 && cp.applied.length === 2)).toBe(true);
  });

  const middle = cps[Math.floor(cps.length / 2)]!.atMs;
  const targets = [
    ['at a checkpoint', middle],
    ['just after a checkpoint', middle + 1],
    ['just before a checkpoint', middle - 1],
    ['just before the first change', 49_999],
    ['at the first change', 50_000],
    ['after the second change', 95_500],
    ['near the start', 700],
  ] as const;

  for (const [name, target] of targets) {
    it(`lands ${name} (${target} ms) on the state a replay from 0 s reaches`, () => {
      pair.runTo(120_000);
      const from = pair.startMsFor(target);
      expect(from).toBeLessThanOrEqual(target);
      if (target > 5_000) expect(from).toBeGreaterThan(0); // it did start from a checkpoint
      pair.runTo(target);
      expect(pair.nowMs).toBe(target);
      const sought = moment(pair);
      const expected = replayed(pair, target);
      for (const mode of MODES) {
        expect(sought[mode].state === expected[mode].state, `${mode} engine state`).toBe(true);
        expect(sought[mode].analysis === expected[mode].analysis, `${mode} analysis`).toBe(true);
        expect(sought[mode].drawn === expected[mode].drawn, `${mode} drawing`).toBe(true);
      }
    });
  }

  it('plays on after a seek exactly as the run did, the user’s later changes included', () => {
    pair.runTo(30_000);
    pair.runTo(110_000);
    const expected = replayed(pair, 110_000);
    const sought = moment(pair);
    for (const mode of MODES) expect(sought[mode].state === expected[mode].state).toBe(true);
    expect(pair.lanes.sync.sim.state.config.workers.count).toBe(3);
  });
});

describe('a change made after seeking back', () => {
  it('drops the checkpoints after it and keeps those before', () => {
    const pair = played();
    pair.runTo(60_000);
    pair.change('workers.count', 12);
    const cps = pair.checkpoints.all;
    expect(cps.length).toBeGreaterThan(0);
    expect(cps.every((cp) => cp.atMs <= 60_000)).toBe(true);
    pair.runTo(100_000);
    pair.runTo(70_000);
    const expected = replayed(pair, 70_000);
    const sought = moment(pair);
    for (const mode of MODES) expect(sought[mode].state === expected[mode].state).toBe(true);
  });
});

describe('the checkpoints’ memory', () => {
  it('stays within the cap over a long run, evenly spaced in work', () => {
    const pair = new LanePair(recipe, script.length, new Checkpoints(8, 500));
    pair.runTo(100_000);
    const works = pair.checkpoints.all.map((cp) => cp.work);
    expect(works.length).toBe(8); // thinned one at a time, the shelf stays full
    const gaps = [works[0]!, ...works.slice(1).map((w, i) => w - works[i]!)]; // 0 s is a start too
    const spacing = pair.checkpoints.spacingNow;
    expect(spacing).toBeGreaterThanOrEqual(500 * 4); // it grew with the thinning
    // The spacing is the shelf's mean gap; none is more than twice it, or much less than half.
    for (const gap of gaps) expect(gap / spacing).toBeGreaterThan(0.5);
    for (const gap of gaps) expect(gap / spacing).toBeLessThan(2);
  });
});
