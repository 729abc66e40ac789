// @vitest-environment jsdom
// Once the first screen is painted, a click on the order's timeline is answered by a light frame
// (the card saying the timelines open), and the heavy part fills it after that frame, with what
// it would have shown at once. (The flag is the page's, for the whole
// file: every test here runs as after the first screen.)
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { markFirstScreenPainted } from '../../src/components/afterPaint.ts';
import { renderApp } from '../support/renderApp.tsx';

afterEach(cleanup);
markFirstScreenPainted();

function outageAt40s() {
  const t = renderApp();
  act(() => {
    t.store.getState().loadScenario('email-outage');
    t.store.setState({ furthestMs: 40_000 });
    t.store.getState().seek(40_000);
  });
  return t;
}

describe("an order's timelines opened by a click", () => {
  it('say they are opening in the first frame, then show both lanes', async () => {
    outageAt40s();
    fireEvent.click(screen.getAllByRole('button', { name: 'Timeline of order #47' })[0]!);
    const opening = screen.getByText('Opening the timelines of order #47…');
    expect(opening.closest('section')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('region', { name: /Order #47, both checkouts/ })).toBeNull();
    // The machine may be busy: the frame and the drawing can take seconds in a test run.
    const region = await screen.findByRole(
      'region',
      { name: /Order #47, both checkouts/ },
      { timeout: 15_000 },
    );
    expect(within(region).getAllByRole('img', { name: /^Order 47 timeline/ })).toHaveLength(2);
    expect(screen.queryByText('Opening the timelines of order #47…')).toBeNull();
  });
});
