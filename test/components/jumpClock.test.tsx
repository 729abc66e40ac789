// @vitest-environment jsdom
// A link's moment is reached by a jump in slices, and the page's first screen may be drawn while
// it runs: the lanes then show the engine part of the way there, so the clock must say that
// moment, not the 0 s the jump left from.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/App.tsx';
import { formatTime } from '../../src/format/index.ts';
import { PageContext } from '../../src/components/share/pageContext.ts';
import { SimulatorProvider } from '../../src/store/react/SimulatorProvider.tsx';
import { createPageStore } from '../../src/store/pageStore.ts';
import { createSimulator } from '../../src/store/simulatorStore.ts';
import { DEFAULT_URL_STATE } from '../../src/url/urlState.ts';

/** Each reading of this clock finds 20 ms more gone: the engine's work takes wall time, so a
 * jump's slice ends after a few steps, as a long jump's does in a browser. */
function busyClock() {
  let now = 0;
  return { now: () => (now += 20), requestFrame: () => 1, cancelFrame: () => {} };
}

describe('the clock during a long jump', () => {
  it('shows the moment the lanes have reached, which the tallies count up to', () => {
    const simulator = createSimulator({
      clock: busyClock(),
      settings: { 'traffic.pattern': 'steady', 'traffic.rate': 200 },
    });
    expect(simulator.store.getState().jumpTo(120_000)).toBeUndefined();
    const jump = simulator.store.getState().jump;
    expect(jump).not.toBeNull();
    expect(jump!.reachedMs).toBeGreaterThan(0);
    expect(jump!.reachedMs).toBeLessThan(120_000);
    expect(simulator.store.getState().simMs).toBe(0);
    render(
      <SimulatorProvider handles={{ simulator, page: createPageStore() }}>
        <PageContext.Provider value={{ page: DEFAULT_URL_STATE, notices: [] }}>
          <App />
        </PageContext.Provider>
      </SimulatorProvider>,
    );
    expect(screen.getByTestId('sim-time')).toHaveTextContent(formatTime(jump!.reachedMs));
    expect(screen.getByTestId('sim-time').nextElementSibling).toHaveTextContent(
      `of ${formatTime(jump!.reachedMs)}`,
    );
    simulator.dispose();
  });
});
