// @vitest-environment jsdom
// The "Email service outage" switch agrees with the diagram during a scheduled outage: it stays
// off (the user has not switched anything) and says the service is down until the window ends.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/App.tsx';
import { CONTROLS } from '../../src/components/SidePanel.tsx';
import { scheduledOutageEnd } from '../../src/store/changes/outage.ts';
import { SimulatorProvider } from '../../src/store/react/SimulatorProvider.tsx';
import { testSimulator } from '../support/simulator.ts';

afterEach(cleanup);

// The side panel's controls load after the first screen; loaded here, they render at once.
await CONTROLS.load();

describe('scheduledOutageEnd', () => {
  it('gives the end of the window that holds now, from included and to not, as the engine', () => {
    expect(scheduledOutageEnd('20-50,70-80', 19_999)).toBeNull();
    expect(scheduledOutageEnd('20-50,70-80', 20_000)).toBe(50_000);
    expect(scheduledOutageEnd('20-50,70-80', 75_000)).toBe(80_000);
    expect(scheduledOutageEnd('20-50,70-80', 50_000)).toBeNull();
    expect(scheduledOutageEnd('none', 30_000)).toBeNull();
  });
});

describe('the outage switch in the email-outage lesson', () => {
  it('reads Off before the outage and "Down until 50.0 s, scheduled" during it', () => {
    const t = testSimulator();
    render(
      <SimulatorProvider handles={t.handles}>
        <App />
      </SimulatorProvider>,
    );
    act(() => t.store.getState().loadScenario('email-outage'));
    const toggle = () =>
      screen.getByRole<HTMLInputElement>('switch', { name: 'Email service outage' });
    const label = () => toggle().labels![0];
    expect(toggle()).not.toBeChecked();
    expect(label()).toHaveTextContent(/Off$/);
    act(() => t.store.getState().jumpTo(30_000));
    expect(toggle()).not.toBeChecked();
    expect(label()).toHaveTextContent('Down until 50.0 s, scheduled');
    expect(toggle()).toHaveAccessibleDescription(/^Down until 50\.0 s, scheduled/);
    expect(screen.getAllByText('Down').length).toBeGreaterThan(0);
    act(() => t.store.getState().jumpTo(55_000));
    expect(label()).toHaveTextContent(/Off$/);
  });
});
