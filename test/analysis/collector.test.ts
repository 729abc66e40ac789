import { describe, expect, it } from 'vitest';
import { Collector, type LaneAnalysis } from '../../src/analysis/collector.ts';
import { eventLine } from '../../src/analysis/narrate.ts';
import { orderTrace } from '../../src/analysis/trace.ts';
import {
  buildConfig,
  Simulation,
  viewOf,
  type LogEntry,
  type Mode,
  type SettingValue,
} from '../../src/engine/index.ts';
import { run } from './runs.ts';

function analyse(entries: readonly LogEntry[], nowMs = Infinity): LaneAnalysis {
  const c = new Collector();
  c.ingest(entries, nowMs);
  return c.snapshot();
}

/** Runs a lane frame by frame as the store does, calling `check` after every frame. */
function frameByFrame(
  mode: Mode,
  settings: Record<string, SettingValue>,
  untilMs: number,
  frameMs: number,
  check: (c: Collector, sim: Simulation) => void = () => {},
): Collector {
  const sim = new Simulation({
    config: buildConfig(settings),
    mode,
    seed: 1,
    durationMs: untilMs,
    logCapacity: 100_000,
  });
  const c = new Collector();
  let cursor = 0;
  for (let t = frameMs; t <= untilMs; t += frameMs) {
    sim.runUntil(t);
    const page = sim.readLog(cursor);
    cursor = page.next;
    c.ingest(page.entries, sim.now, page.dropped);
    check(c, sim);
  }
  return c;
}

describe('the lesson’s single order', () => {
  it('waits 2.55 s for a page in sync mode and gets its email at 2.55 s', () => {
    const a = analyse(run('sync').entries);
    expect(a.responses).toEqual({ samples: [2550], errors: [] });
    expect(a.emailDelays).toEqual([2550]);
    expect(a.events[0] && eventLine(a.events[0]).text).toBe(
      'Order 1: the customer saw the success page after 2.55 s',
    );
  });

  it('waits 1.05 s in async mode and still gets its email at 2.55 s', () => {
    const a = analyse(run('async').entries);
    expect(a.responses.samples).toEqual([1050]);
    expect(a.emailDelays).toEqual([2550]);
    expect(a.queue.meanEmailCallMs).toBe(1500);
    expect(a.recentOrders).toEqual([1]);
  });
});

describe('when the email service is down for the first 5 seconds', () => {
  const settings = { 'traffic.pattern': 'steady', 'email.outage': '0-5' };

  it('shows sync customers error pages although their cards were charged', () => {
    const r = run('sync', settings, { durationMs: 20_000 });
    const a = analyse(r.entries);
    expect(a.responses.errors.length).toBe(r.report.orders.failed);
    expect(a.responses.errors.length).toBeGreaterThan(0);
    for (const ms of a.responses.errors) expect(ms).toBeCloseTo(2550, 6);
    expect(r.report.orders.chargedButSawError).toBe(a.responses.errors.length);
  });

  it('still shows every async customer the success page, and sends their emails later', () => {
    const r = run('async', settings, { durationMs: 20_000 });
    const c = new Collector();
    c.ingest(r.entries, Infinity);
    const a = c.snapshot();
    expect(a.responses.errors).toEqual([]);
    for (const ms of a.responses.samples) expect(ms).toBeCloseTo(1050, 6);
    expect(a.emailDelays.length).toBe(r.report.orders.arrived);
    expect(Math.max(...a.emailDelays)).toBeGreaterThan(5000);
    const first = orderTrace(c, 1)!;
    expect(first.rows.some((row) => row.kind === 'emailAttempt' && row.status === 'failed')).toBe(
      true,
    );
    expect(first.rows.some((row) => row.kind === 'backoff')).toBe(true);
    expect(first.emailAtMs).toBeGreaterThan(5000);
  });
});

describe('when workers crash on half of their jobs', () => {
  const settings = { 'traffic.pattern': 'steady', 'workers.crashRate': 0.5 };

  it('tracks the queue, busy and crashed workers exactly as the engine’s view has them', () => {
    let frames = 0;
    frameByFrame('async', settings, 30_000, 250, (c, sim) => {
      const q = c.snapshot().queue;
      const view = viewOf(sim.state);
      expect(q.depth).toBe(view.visible.length);
      expect(q.busyWorkers).toBe(view.workers.filter((w) => w.state === 'busy').length);
      expect(q.crashedWorkers).toBe(view.workers.filter((w) => w.state === 'crashed').length);
      expect(q.serverLine).toBe(view.handlers.waiting);
      frames++;
    });
    expect(frames).toBe(120);
  });

  it('tells the crashes and shows crashed workers in the series', () => {
    const r = run('async', settings, { durationMs: 20_000 });
    const a = analyse(r.entries);
    expect(a.levels.some((p) => p.crashedWorkers > 0)).toBe(true);
    expect(r.report.workers.crashes).toBeGreaterThan(0);
    const c = new Collector();
    c.ingest(r.entries, Infinity);
    const crashed = a.recentOrders.filter((o) =>
      orderTrace(c, o)?.rows.some((row) => row.kind === 'crash'),
    );
    expect(crashed.length).toBeGreaterThan(0);
  });
});

describe('replaying from zero after a seek', () => {
  const settings = {
    'traffic.pattern': 'steady',
    'email.failureRate': 0.3,
    'workers.crashRate': 0.1,
  };

  it('rebuilds exactly what frame-by-frame ingestion built', () => {
    const live = frameByFrame('async', settings, 20_000, 16.7);
    const sim = new Simulation({
      config: buildConfig(settings),
      mode: 'async',
      seed: 1,
      durationMs: 20_000,
      logCapacity: 100_000,
    });
    sim.runUntil(live.snapshot().nowMs);
    const replayed = new Collector();
    replayed.ingest(sim.readLog(0).entries, sim.now);
    expect(replayed.snapshot()).toEqual(live.snapshot());
  });

  it('forgets everything on reset, and rebuilds the same analysis afterwards', () => {
    const entries = run('async', settings, { durationMs: 10_000 }).entries;
    const c = new Collector();
    c.ingest(entries, Infinity);
    const before = c.snapshot();
    c.reset();
    const empty = c.snapshot();
    expect(empty.events).toEqual([]);
    expect(empty.levels).toEqual([]);
    expect(empty.recentOrders).toEqual([]);
    expect(empty.responses.samples).toEqual([]);
    expect(empty.queue.depth).toBe(0);
    c.ingest(entries, Infinity);
    expect(c.snapshot()).toEqual(before);
  });
});

describe('snapshots for React', () => {
  it('are the same object while nothing changes, and reuse arrays that did not change', () => {
    const entries = run('async').entries;
    const c = new Collector();
    c.ingest(entries, 5_000);
    const first = c.snapshot();
    c.ingest([], 5_000);
    expect(c.snapshot()).toBe(first);
    c.ingest([], 6_000);
    const later = c.snapshot();
    expect(later).not.toBe(first);
    expect(later.nowMs).toBe(6_000);
    expect(later.events).toBe(first.events);
    expect(later.responses).toBe(first.responses);
  });

  it('count entries the engine’s log lost before they were read', () => {
    const c = new Collector();
    c.ingest([], 1_000, 7);
    expect(c.snapshot().dropped).toBe(7);
  });
});

describe('with 100,000 entries', () => {
  const sim = new Simulation({
    config: buildConfig({
      'traffic.pattern': 'steady',
      'traffic.rate': 50,
      'workers.count': 80,
      'email.failureRate': 0.2,
      'workers.crashRate': 0.05,
    }),
    mode: 'async',
    seed: 1,
    durationMs: 600_000,
    logCapacity: 100_000,
  });
  let t = 0;
  while (sim.readLog(0).entries.length < 100_000) sim.runUntil((t += 10_000));
  const entries = sim.readLog(0).entries;

  it('keeps every derived structure within its bounds', () => {
    const c = new Collector();
    c.ingest(entries, sim.now);
    const a = c.snapshot();
    expect(a.ingested).toBe(100_000);
    expect(a.events.length).toBe(200);
    expect(a.recentOrders.length).toBeGreaterThanOrEqual(500);
    expect(a.recentOrders.length).toBeLessThanOrEqual(625);
    expect(a.responses.samples.length).toBe(5_000);
    expect(a.emailDelays.length).toBeGreaterThan(4_000);
    expect(a.emailDelays.length).toBeLessThanOrEqual(5_000);
    expect(a.levels.length).toBeLessThan(480);
    expect(a.percentiles.length).toBeLessThan(480);
    expect(a.levels.at(-1)?.tMs).toBe(sim.now);
    expect(orderTrace(c, a.recentOrders[0]!)).not.toBeNull();
  });

  // How fast it ingests them is wall time, which no unit test asserts: bench:seek times the seeks
  // that replay it (README, Speed).
});
