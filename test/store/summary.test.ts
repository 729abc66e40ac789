// The sentence a screen reader hears about each lane's customer: it names an order confirmed and
// then failed, and a crashed server's error page, as the screen shows them.
import { describe, expect, it } from 'vitest';
import { summaryOf } from '../../src/components/a11y/summary.ts';
import { IDLE_SCREEN, type ScreenState } from '../../src/store/publish/snapshot.ts';

const screen = (s: Partial<ScreenState>): ScreenState => ({
  ...IDLE_SCREEN,
  order: 4,
  placedAt: 0,
  ...s,
});

describe('the status sentence', () => {
  it('tells an order confirmed, then failed, with the step and the apology', () => {
    const async = screen({
      phase: 'success',
      pageMs: 250,
      email: 'sent',
      emailMs: 1750,
      emailSends: 1,
      failedStep: 'charge',
    });
    expect(summaryOf(['async'], { sync: IDLE_SCREEN, async })).toBe(
      'Order 4. Async: success page after 0.25 s, then its charge step failed and an apology was sent, email sent at 1.75 s.',
    );
  });

  it('tells a crashed server’s error page and the email it lost', () => {
    const async = screen({ phase: 'error', pageMs: 1050, reason: 'server crashed', email: 'lost' });
    expect(summaryOf(['async'], { sync: IDLE_SCREEN, async })).toBe(
      'Order 4. Async: error page after 1.05 s: the server crashed, email lost.',
    );
  });
});
