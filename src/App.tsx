/** The page's layout: header, status, playback, the lanes, the analysis and the controls. */
import { AnalysisArea } from './components/AnalysisArea.tsx';
import { ControlsPanel } from './components/controls/ControlsPanel.tsx';
import { Header } from './components/Header.tsx';
import { Legend } from './components/Legend.tsx';
import { OrderDetails } from './components/OrderDetails.tsx';
import { PlaybackBar } from './components/PlaybackBar.tsx';
import { Stage } from './components/Stage.tsx';
import { StatusSummary } from './components/StatusSummary.tsx';

export function App() {
  return (
    <div className="app">
      <a className="skip-link" href="#controls-title">
        Skip to the controls
      </a>
      <Header />
      <div className="layout">
        <main className="main-column">
          <StatusSummary />
          <Legend />
          <PlaybackBar />
          <Stage />
          <OrderDetails />
          <AnalysisArea />
        </main>
        <ControlsPanel />
      </div>
    </div>
  );
}
