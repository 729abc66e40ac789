// The compact diagram's numbers on a node's title row: whether a number fits beside its title
// (the queue's count steps down a line when it does not: "Queue1,037" at 1280x800).
import { describe, expect, it } from 'vitest';
import { boldEms, fitsBeside } from '../../src/components/diagram/CompactStatus.tsx';
import { layoutFor } from '../../src/components/diagram/layouts.ts';

describe('a number beside its node title', () => {
  const queue = layoutFor('wide', 'async').nodes.queue;
  const payment = layoutFor('wide', 'async').nodes.payment;

  const dlq = layoutFor('wide', 'async').nodes.dlq;

  it('does not fit when four digits follow "Queue" or "Stream"', () => {
    expect(fitsBeside('Stream', '1,037', queue.w)).toBe(false);
    expect(fitsBeside('Queue', '1,037', queue.w)).toBe(false);
  });

  it('fits where the stage has room: a queue in the hundreds, a few payments, no dead letters', () => {
    expect(fitsBeside('Queue', '263', queue.w)).toBe(true);
    expect(fitsBeside('Payment', '5', payment.w)).toBe(true);
    // Two digits come within a few pixels of "Payment": the estimate keeps a margin.
    expect(fitsBeside('Payment', '27', payment.w)).toBe(false);
    expect(fitsBeside('Dead letters', '0', dlq.w)).toBe(true);
  });

  it('measures "Payment" and "Dead letters" within 10 % of their width in DejaVu Sans Bold', () => {
    // Measured in Chromium at 21 px: 104 and 143 px.
    expect(boldEms('Payment') * 21).toBeGreaterThan(104 * 0.95);
    expect(boldEms('Payment') * 21).toBeLessThan(104 * 1.1);
    expect(boldEms('Dead letters') * 21).toBeGreaterThan(143 * 0.95);
    expect(boldEms('Dead letters') * 21).toBeLessThan(143 * 1.1);
  });
});
