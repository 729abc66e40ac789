// Renders the whole app on a test simulator (a hand-driven frame clock), for component tests.
import { render } from '@testing-library/react';
import { App } from '../../src/App.tsx';
import { SimulatorProvider } from '../../src/store/SimulatorProvider.tsx';
import type { SimulatorOptions } from '../../src/store/simulatorStore.ts';
import { testSimulator } from './simulator.ts';

export function renderApp(options: SimulatorOptions = {}) {
  const t = testSimulator(options);
  render(
    <SimulatorProvider handles={t.handles}>
      <App />
    </SimulatorProvider>,
  );
  return t;
}
