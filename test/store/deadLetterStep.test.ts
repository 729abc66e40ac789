// A job given up on is the email's only if it was the email's job: with the charge in the
// background (the Design it lesson), order 6's declined charge is dead-lettered while its
// confirmation email is still on its way, and the customer's screen must not say "never".
import { describe, expect, it } from 'vitest';
import { testSimulator } from '../support/simulator.ts';

describe('a charge job dead-lettered in the Design it lesson', () => {
  it('leaves the order’s email pending, then sent, and names the charge as what failed', () => {
    const t = testSimulator();
    expect(t.store.getState().loadScenario('design-it')).toBeUndefined();
    t.store.getState().jumpTo(5_600);
    t.clock.advance(5_000);
    const story = (order: number) => t.simulator.lane('async').story(order);
    expect(t.simulator.lane('async').report('x').orders.confirmedThenFailed).toBe(1);
    expect(story(6)).toMatchObject({
      page: 'success',
      failedStep: 'charge',
      email: 'pending',
    });
    t.store.getState().jumpTo(7_000);
    t.clock.advance(5_000);
    expect(story(6)).toMatchObject({ email: 'sent', failedStep: 'charge' });
  });
});
