import { describe, expect, it } from 'vitest';
import { buildConfig, MAX_BUCKETS, Simulation, timelineAt } from '../../src/engine/index.ts';
import { createTimeline, recordLevel } from '../../src/engine/timeline.ts';

describe('the timeline of levels', () => {
  it('keeps the peak of each second and carries the level through quiet seconds', () => {
    const tl = createTimeline(1000);
    recordLevel(tl, 'queueDepth', 200, 3);
    recordLevel(tl, 'queueDepth', 700, 1);
    recordLevel(tl, 'queueDepth', 3500, 0);
    expect(tl.queueDepth).toEqual([3, 1, 1, 1]);
    expect(timelineAt(tl, 5200).queueDepth).toEqual([3, 1, 1, 1, 0, 0]);
  });

  it('stays within its bucket budget however long the run, by doubling the buckets', () => {
    const tl = createTimeline(1000);
    for (let t = 0; t < 5_000_000; t += 997) recordLevel(tl, 'queueDepth', t, (t / 997) % 7);
    expect(tl.queueDepth.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(tl.bucketMs).toBe(16_000);
    expect(Math.max(...tl.queueDepth)).toBe(6);
  });

  it('shows a backlog building when too few workers serve the queue', () => {
    const config = buildConfig({
      'traffic.pattern': 'steady',
      'traffic.rate': 5,
      'workers.count': 2,
    });
    const sim = new Simulation({ config, mode: 'async', seed: 4, durationMs: 60_000 });
    sim.runUntil(60_000);
    const depth = timelineAt(sim.state.metrics.timeline, sim.now).queueDepth;
    expect(depth).toHaveLength(61);
    // Two workers send 1.33 emails a second against 5 arriving: the queue grows about 3.7 a second.
    expect(depth[59]!).toBeGreaterThan(150);
    expect(depth[59]!).toBeLessThan(290);
    expect(depth[30]!).toBeLessThan(depth[59]!);
  });
});
