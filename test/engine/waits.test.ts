/** The waits the view reports (what a message waits for, from when to when, and its try) against
 * what the engine then does: run on to the wait's end and the message is visible again, retried,
 * claimed, or the consumer has left its group, at that very moment. */
import { describe, expect, it } from 'vitest';
import {
  Simulation,
  type LogEntry,
  type RunRecipe,
  type SystemView,
  type WaitView,
} from '../../src/engine/index.ts';
import { findScenario, scenarioRecipe } from '../../src/scenarios/index.ts';
import { LOG_CAPACITY } from './support/trace.ts';

function run(recipe: RunRecipe, mode: 'sync' | 'async' = 'async'): Simulation {
  return Simulation.fromRecipe(recipe, mode, { logCapacity: LOG_CAPACITY });
}

function lesson(id: string): Simulation {
  return run(scenarioRecipe(findScenario(id)!));
}

function logOf(sim: Simulation): LogEntry[] {
  return sim.readLog(0).entries;
}

/** The first entry of `kind` for message `message` at or after `fromMs`. */
function nextEntry(sim: Simulation, kind: LogEntry['kind'], message: number, fromMs: number) {
  return logOf(sim).find(
    (e) => e.kind === kind && 'message' in e && e.message === message && e.t >= fromMs,
  );
}

function freePlay(settings: RunRecipe['settings'], durationMs = 60_000, seed = 3): Simulation {
  return run({ settings, seed, durationMs, changes: [] });
}

describe('a crashed worker’s message (worker-crash, SQS)', () => {
  const sim = lesson('worker-crash');
  sim.runUntil(12_000);
  const view: SystemView = sim.view();
  const held = view.waits.filter((w) => w.kind === 'lease' && w.worker === -1);

  it('is a lease nobody works on, one for each message the view counts as hidden', () => {
    expect(held.length).toBeGreaterThan(0);
    expect(held.length).toBe(view.hidden);
  });

  it('runs from its delivery for the 10 s visibility timeout, soonest first', () => {
    for (const w of held) {
      expect(w.endMs - w.startMs).toBeCloseTo(10_000, 6);
      expect(w.startMs).toBeLessThanOrEqual(view.now);
      expect(w.endMs).toBeGreaterThan(view.now);
    }
    const ends = view.waits.map((w) => w.endMs);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
  });

  it('ends when the engine makes the message visible again, and its next delivery is the try it said', () => {
    const sim2 = lesson('worker-crash');
    const first = held[0]!;
    sim2.runUntil(first.endMs);
    const expired = nextEntry(sim2, 'visibilityExpired', first.message, 12_000);
    expect(expired?.t).toBe(first.endMs);
    sim2.runUntil(60_000);
    const again = nextEntry(sim2, 'messageReceived', first.message, first.endMs);
    expect(again && again.kind === 'messageReceived' && again.receive).toBe(first.attempt);
    expect(first.attempt).toBe(first.receives + 1);
  });

  it('has busy workers’ deliveries counting down the same lease, each with its worker', () => {
    const busy = view.workers.filter((w) => w.state === 'busy');
    for (const w of busy) {
      expect(w.wait).not.toBeNull();
      expect(w.wait!.kind).toBe('lease');
      expect(w.wait!.worker).toBe(w.id);
      expect(w.wait!.order).toBe(w.order);
      expect(w.wait!.endMs - w.wait!.startMs).toBeCloseTo(10_000, 6);
      expect(w.wait!.attempt).toBe(w.receives);
    }
  });
});

describe('a slow email outliving its visibility timeout (slow-email, SQS)', () => {
  it('shows order 6’s lease running out at the moment the engine hands the message on', () => {
    const sim = lesson('slow-email');
    sim.runUntil(12_000);
    const lease = sim.view().waits.find((w) => w.order === 6);
    expect(lease).toMatchObject({ kind: 'lease', attempt: 1 });
    expect(lease!.worker).toBeGreaterThanOrEqual(0);
    expect(lease!.endMs - lease!.startMs).toBeCloseTo(5_000, 6);
    sim.runUntil(lease!.endMs);
    expect(nextEntry(sim, 'visibilityExpired', lease!.message, 12_000)?.t).toBe(lease!.endMs);
    // Its first worker is still sending: the broker's clock ran regardless.
    const first = sim.view().workers[lease!.worker]!;
    expect(first.state).toBe('busy');
    expect(first.order).toBe(6);
  });
});

describe('a failed email waiting for its backoff (flaky-email, SQS)', () => {
  const sim = lesson('flaky-email');
  sim.runUntil(15_000);
  const backoffs = sim.view().waits.filter((w) => w.kind === 'backoff');

  it('is a backoff of base × 2^(tries − 1), capped, from the failure the log records', () => {
    expect(backoffs.length).toBeGreaterThan(0);
    for (const w of backoffs) {
      const failedTries = w.attempt - 1;
      expect(failedTries).toBe(w.receives);
      expect(w.endMs - w.startMs).toBeCloseTo(Math.min(16_000, 1000 * 2 ** (failedTries - 1)), 6);
      const retry = logOf(sim)
        .filter((e) => e.kind === 'messageRetryLater' && e.message === w.message)
        .at(-1);
      expect(retry?.t).toBe(w.startMs);
      expect(retry && retry.kind === 'messageRetryLater' && retry.visibleAtMs).toBe(w.endMs);
    }
  });

  it('ends when the message is queued again, and its next delivery is the try it said', () => {
    const w = backoffs.find((b) => b.attempt >= 3) ?? backoffs[0]!;
    const sim2 = lesson('flaky-email');
    sim2.runUntil(w.endMs);
    expect(nextEntry(sim2, 'messageQueued', w.message, 15_000)?.t).toBe(w.endMs);
    sim2.runUntil(w.endMs + 30_000);
    const again = nextEntry(sim2, 'messageReceived', w.message, w.endMs);
    expect(again && again.kind === 'messageReceived' && again.receive).toBe(w.attempt);
  });
});

describe('a lease set before a change of the visibility timeout', () => {
  it('keeps the end it had when it was delivered, as SQS does, and new deliveries take the new one', () => {
    const sim = freePlay({
      'traffic.pattern': 'steady',
      'traffic.rate': 2,
      'workers.crashRate': 0.5,
      'queue.visibilityTimeout': 8000,
    });
    sim.runUntil(10_000);
    const before = sim.view().waits.filter((w) => w.kind === 'lease');
    expect(before.length).toBeGreaterThan(0);
    sim.change('queue.visibilityTimeout', 2000);
    const after = sim.view().waits.filter((w) => w.kind === 'lease');
    for (const w of before) {
      expect(after.find((a) => a.message === w.message)?.endMs).toBe(w.endMs);
    }
    sim.runUntil(20_000);
    const fresh = sim.view().waits.filter((w) => w.kind === 'lease' && w.startMs > 10_000);
    expect(fresh.length).toBeGreaterThan(0);
    for (const w of fresh) expect(w.endMs - w.startMs).toBeCloseTo(2000, 6);
  });
});

describe('Redis Streams: a pending entry’s min-idle time', () => {
  it('ends when another consumer claims the entry', () => {
    const sim = freePlay({
      'queue.broker': 'redis',
      'traffic.pattern': 'steady',
      'traffic.rate': 2,
      'email.failureRate': 0.3,
      'queue.minIdle': 3000,
    });
    sim.runUntil(20_000);
    const idle = sim.view().waits.filter((w) => w.kind === 'minIdle' && w.worker === -1);
    expect(idle.length).toBeGreaterThan(0);
    const w = idle[0]!;
    expect(w.endMs - w.startMs).toBeCloseTo(3000, 6);
    sim.runUntil(w.endMs);
    expect(nextEntry(sim, 'visibilityExpired', w.message, 20_000)?.t).toBe(w.endMs);
  });
});

describe('Kafka: a crashed consumer’s session timeout', () => {
  it('ends when the group drops the consumer, and names the worker', () => {
    const sim = freePlay({
      'queue.broker': 'kafka',
      'traffic.pattern': 'steady',
      'traffic.rate': 2,
      'workers.crashRate': 0.3,
      'workers.restart': 20_000,
      'queue.sessionTimeout': 6000,
    });
    let session: WaitView | undefined;
    for (let t = 1000; t <= 60_000 && !session; t += 500) {
      sim.runUntil(t);
      session = sim.view().waits.find((w) => w.kind === 'session');
    }
    expect(session).toBeDefined();
    const worker = sim.view().workers[session!.worker]!;
    expect(worker.state).toBe('crashed');
    expect(worker.wait).toEqual(session);
    expect(session!.endMs - session!.startMs).toBeCloseTo(6000, 6);
    expect(sim.state.workers[session!.worker]!.left).toBe(false);
    sim.runUntil(session!.endMs);
    expect(sim.state.workers[session!.worker]!.left).toBe(true);
  });
});

describe('runs with nothing to wait for', () => {
  it('the sync lane has no waits at all', () => {
    const sim = run(scenarioRecipe(findScenario('flaky-email')!), 'sync');
    sim.runUntil(15_000);
    expect(sim.view().waits).toEqual([]);
  });

  it('the ideal broker keeps no lease, so its busy workers wait for nothing', () => {
    const sim = freePlay({ 'queue.broker': 'ideal', 'traffic.pattern': 'steady' });
    sim.runUntil(5_000);
    expect(sim.view().workers.every((w) => w.wait === undefined)).toBe(true);
  });
});
