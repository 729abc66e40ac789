// The compact diagram's numbers on a node's title row: a number that would run into the title
// ("Queue1,037" at 1280x800) is drawn smaller, and the checkout's usual numbers keep their size.
import { describe, expect, it } from 'vitest';
import { fitsBeside } from '../../src/components/diagram/CompactStatus.tsx';
import { layoutFor } from '../../src/components/diagram/layouts.ts';

describe('a number beside its node title', () => {
  const queue = layoutFor('wide', 'async').nodes.queue;
  const payment = layoutFor('wide', 'async').nodes.payment;

  it('does not fit when four digits follow "Queue" (or the longest broker noun)', () => {
    expect(fitsBeside('Stream'.length, '1,037', queue.w)).toBe(false);
    expect(fitsBeside('Queue'.length, '1,037', queue.w)).toBe(false);
  });

  it('fits for the few jobs a queue holds in a calm run, and a payment step at 50', () => {
    expect(fitsBeside('Stream'.length, '37', queue.w)).toBe(true);
    expect(fitsBeside('Payment'.length, '50', payment.w)).toBe(true);
  });
});
