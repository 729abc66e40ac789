// The order book keeps the latest 4,096 stories; in a heavy run the first customer's order, still
// open, is let go once 4,096 more came after it. Its screen then says it is not known, never
// "No order yet" beside thousands of orders placed.
import { describe, expect, it } from 'vitest';
import { testSimulator } from '../support/simulator.ts';

describe('a customer whose story the order book let go', () => {
  it('is shown as not known, not as no order yet', () => {
    const sim = testSimulator({
      settings: { 'traffic.pattern': 'steady', 'traffic.rate': '10000' },
      lanesShown: 'sync',
    });
    // 0.8 s: about 8,000 orders placed, the first still in its checkout (its page comes at 1.05 s
    // at the earliest).
    sim.store.getState().jumpTo(800);
    sim.clock.advance(5_000);
    const s = sim.store.getState();
    expect(s.jump).toBeNull();
    expect(s.simMs).toBe(800);
    const screen = s.lanes.sync!.screen;
    expect(screen.phase).toBe('unknown');
    expect(screen.order).toBeGreaterThan(0);
  });
});
