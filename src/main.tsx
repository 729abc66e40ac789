/** The browser entry point: makes the simulator (playing at once unless the page is embedded or
 * the reader prefers less motion) and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { SimulatorProvider } from './store/SimulatorProvider.tsx';
import { createSimulator } from './store/simulatorStore.ts';
import { createViewStore } from './store/viewStore.ts';
import './styles/app.css';

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const embedded = window.self !== window.top;

const handles = {
  simulator: createSimulator({ autoplay: !reducedMotion && !embedded }),
  view: createViewStore({ reducedMotion }),
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SimulatorProvider handles={handles}>
      <App />
    </SimulatorProvider>
  </StrictMode>,
);
