import { describe, expect, it } from 'vitest';
import { buildConfig, report, Simulation, type Mode } from '../../src/engine/index.ts';

function runOneOrder(mode: Mode) {
  const sim = new Simulation({ config: buildConfig(), mode, seed: 1, durationMs: 60_000 });
  expect(sim.runToSettle(600_000)).toBe(true);
  return report(sim.state, 'checkout');
}

describe('one order with the lesson’s latencies', () => {
  it('makes the sync user wait 2,550 ms, with the email sent at 2,550 ms', () => {
    const r = runOneOrder('sync');
    expect(r.responseMs.max).toBe(2550);
    expect(r.emailDelayMs.max).toBe(2550);
    expect(r.orders.succeeded).toBe(1);
    expect(r.emails.sent).toBe(1);
  });

  it('makes the async user wait 1,050 ms, and the email still goes out at 2,550 ms', () => {
    const r = runOneOrder('async');
    expect(r.responseMs.max).toBe(1050);
    expect(r.emailDelayMs.max).toBe(2550);
    expect(r.orders.succeeded).toBe(1);
    expect(r.emails.sent).toBe(1);
    expect(r.queue.enqueued).toBe(1);
  });
});
