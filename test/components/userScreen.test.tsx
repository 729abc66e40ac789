// @vitest-environment jsdom
// The customer's screen of an order that the page confirmed and a background step then failed
// for good, and of one whose server died after the save: what it says, by the order's story.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { UserScreen } from '../../src/components/UserScreen.tsx';
import { SimulatorProvider } from '../../src/store/react/SimulatorProvider.tsx';
import { IDLE_SCREEN, type ScreenState } from '../../src/store/publish/snapshot.ts';
import { testSimulator } from '../support/simulator.ts';

afterEach(cleanup);

/** The async lane's screen showing `story` (what the store publishes from the order book). */
function showing(story: Partial<ScreenState>) {
  const t = testSimulator();
  render(
    <SimulatorProvider handles={t.handles}>
      <UserScreen mode="async" />
    </SimulatorProvider>,
  );
  act(() => {
    const lanes = t.store.getState().lanes;
    const screen = { ...IDLE_SCREEN, order: 7, placedAt: 0, ...story };
    t.store.setState({ lanes: { ...lanes, async: { ...lanes.async, screen } } });
  });
  return screen.getByRole('group', { name: 'Asynchronous: the customer’s screen' });
}

describe('the customer’s screen', () => {
  it('says confirmed, then which step failed and that an apology went out', () => {
    const group = showing({
      phase: 'success',
      pageMs: 250,
      email: 'sent',
      emailMs: 1750,
      emailSends: 1,
      failedStep: 'charge',
    });
    expect(group).toHaveTextContent('Confirmed… then failed');
    // The step's label comes from the lane's own flow (the checkout's).
    expect(group).toHaveTextContent('“Charge the card” failed; apology sent');
    expect(group).not.toHaveTextContent('Order confirmed');
  });

  it('says order confirmed while nothing it needed has failed', () => {
    const group = showing({ phase: 'success', pageMs: 1050, email: 'pending' });
    expect(group).toHaveTextContent('Order confirmed');
    expect(group).not.toHaveTextContent('then failed');
  });

  it('names the crash on the error page, and whether the outbox kept the job', () => {
    const lost = showing({ phase: 'error', pageMs: 1050, reason: 'server crashed', email: 'lost' });
    expect(lost).toHaveTextContent('server crashed after 1.05 s');
    expect(lost).toHaveTextContent('server crashed before queueing it');
    cleanup();
    const kept = showing({
      phase: 'error',
      pageMs: 1050,
      reason: 'server crashed',
      email: 'pending',
    });
    expect(kept).toHaveTextContent('its job was saved with the order');
  });
});
