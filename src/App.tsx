/** The page's layout: header, status, playback, the lanes, the analysis and the controls. */
import { MotionSwitch } from './components/a11y/MotionSwitch.tsx';
import { Narration } from './components/a11y/Narration.tsx';
import { OrdersTable } from './components/a11y/OrdersTable.tsx';
import { AnalysisArea } from './components/AnalysisArea.tsx';
import { ExportMenu } from './components/export/ExportMenu.tsx';
import { ControlsPanel } from './components/controls/ControlsPanel.tsx';
import { Header } from './components/Header.tsx';
import { Legend } from './components/Legend.tsx';
import { OrderDetails } from './components/OrderDetails.tsx';
import { PlaybackBar } from './components/PlaybackBar.tsx';
import { UrlNotices } from './components/share/UrlNotices.tsx';
import { Stage } from './components/Stage.tsx';
import { StatusSummary } from './components/StatusSummary.tsx';

export function App() {
  return (
    <div className="app">
      <a className="skip-link" href="#controls-title">
        Skip to the controls
      </a>
      <Header />
      <UrlNotices />
      <div className="layout">
        <main className="main-column">
          <StatusSummary />
          <Narration />
          <Legend />
          <PlaybackBar />
          <MotionSwitch />
          <Stage />
          <OrdersTable />
          <OrderDetails />
          <AnalysisArea />
          <ExportMenu />
        </main>
        <ControlsPanel />
      </div>
    </div>
  );
}
