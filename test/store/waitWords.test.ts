/** The lane's countdowns in words: each kind of wait as a phrase, the soonest few of a real moment
 * of a lesson, and the rest counted. */
import { describe, expect, it } from 'vitest';
import { Simulation, type WaitView } from '../../src/engine/index.ts';
import { findScenario, scenarioRecipe } from '../../src/scenarios/index.ts';
import { waitPhrase, waitWords } from '../../src/components/a11y/waitWords.ts';

function wait(parts: Partial<WaitView>): WaitView {
  return {
    kind: 'backoff',
    order: 12,
    message: 12,
    worker: -1,
    startMs: 0,
    endMs: 10_000,
    receives: 2,
    attempt: 3,
    ...parts,
  };
}

describe('a wait in words', () => {
  it('says which try a backoff leads to and when', () => {
    expect(waitPhrase(wait({ endMs: 10_000 }), 8_000)).toBe('order 12: try 3 in 2.0 s');
  });

  it('says a lease in hand ends unless its worker deletes (SQS) or acks (Redis) the message', () => {
    const lease = wait({ kind: 'lease', order: 8, worker: 3, endMs: 9_200, attempt: 1 });
    expect(waitPhrase(lease, 5_000)).toBe(
      'order 8: visible again in 4.2 s unless worker 3 deletes it',
    );
    expect(waitPhrase({ ...lease, kind: 'minIdle' }, 5_000)).toBe(
      'order 8: claimable in 4.2 s unless worker 3 acks it',
    );
  });

  it('says a lease nobody works on brings the message back for its next try', () => {
    const held = wait({
      kind: 'lease',
      order: 9,
      worker: -1,
      endMs: 16_790,
      receives: 1,
      attempt: 2,
    });
    expect(waitPhrase(held, 12_000)).toBe(
      'order 9: nobody is on it, visible again in 4.8 s for try 2',
    );
    expect(waitPhrase({ ...held, kind: 'minIdle' }, 12_000)).toBe(
      'order 9: nobody is on it, claimed in 4.8 s for try 2',
    );
  });

  it('says when a crashed Kafka consumer leaves its group', () => {
    const session = wait({ kind: 'session', order: -1, message: -1, worker: 2, endMs: 3_100 });
    expect(waitPhrase(session, 0)).toBe('worker 2: leaves the consumer group in 3.1 s');
  });

  it('writes minutes as the rest of the app does, and never a negative time', () => {
    expect(waitPhrase(wait({ endMs: 95_000 }), 0)).toBe('order 12: try 3 in 1:35.0');
    expect(waitPhrase(wait({ endMs: 1_000 }), 2_000)).toBe('order 12: try 3 in 0.0 s');
  });
});

describe('the lane’s sentence', () => {
  it('says the soonest three and counts the rest, and skips waits already over', () => {
    const waits = [0, 1, 2, 3, 4].map((i) => wait({ order: 10 + i, endMs: 1_000 * (i + 1) }));
    expect(waitWords(waits, 1_000)).toBe(
      'Waiting: order 11: try 3 in 1.0 s; order 12: try 3 in 2.0 s; order 13: try 3 in 3.0 s; and 1 more.',
    );
  });

  it('says so when nothing waits', () => {
    expect(waitWords([], 0)).toBe('Nothing is waiting on a timer.');
  });

  it('at worker-crash’s pause (12 s) names the three crashed workers’ messages coming back', () => {
    const sim = Simulation.fromRecipe(scenarioRecipe(findScenario('worker-crash')!), 'async');
    sim.runUntil(12_000);
    const view = sim.view();
    expect(waitWords(view.waits, 12_000)).toBe(
      'Waiting: order 9: nobody is on it, visible again in 4.8 s for try 2; ' +
        'order 13: nobody is on it, visible again in 6.3 s for try 2; ' +
        'order 15: nobody is on it, visible again in 7.6 s for try 2; and 1 more.',
    );
    // The one more is the delivery worker 2 has in hand.
    expect(view.waits[3]).toMatchObject({ order: 16, worker: 2, kind: 'lease' });
  });
});
