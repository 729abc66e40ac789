/** The browser entry point: makes the simulator (playing at once unless the page is embedded or
 * the reader prefers less motion) and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { PageContext } from './components/share/pageContext.ts';
import { SimulatorProvider } from './store/SimulatorProvider.tsx';
import { createSimulator } from './store/simulatorStore.ts';
import { createViewStore } from './store/viewStore.ts';
import { readPage, startPage } from './url/startPage.ts';
import './styles/app.css';
import './styles/embed.css';

const { state: page, notices } = readPage(window);

const reducedMotion =
  page.reducedMotion || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const embedded = window.self !== window.top;

const handles = {
  simulator: createSimulator({ autoplay: false }),
  view: createViewStore({ reducedMotion }),
};

// The link's state first, then play: a framed page waits for autoplay=1 (WCAG 2.2.2).
startPage(window, handles, page, page.autoplay ?? (!reducedMotion && !embedded));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SimulatorProvider handles={handles}>
      <PageContext.Provider value={{ page, notices }}>
        <App />
      </PageContext.Provider>
    </SimulatorProvider>
  </StrictMode>,
);
