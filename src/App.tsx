/** The page's layout: header, status, playback, the lanes, the analysis and the controls. */
import { MotionSwitch } from './components/a11y/MotionSwitch.tsx';
import { Narration } from './components/a11y/Narration.tsx';
import { OrdersTable } from './components/a11y/OrdersTable.tsx';
import { AnalysisArea } from './components/AnalysisArea.tsx';
import { ExportMenu } from './components/export/ExportMenu.tsx';
import { ControlsPanel } from './components/controls/ControlsPanel.tsx';
import { Header } from './components/Header.tsx';
import { JumpProgress } from './components/JumpProgress.tsx';
import { Legend } from './components/Legend.tsx';
import { LessonPanel } from './components/lessons/LessonPanel.tsx';
import { LessonSide } from './components/lessons/LessonSide.tsx';
import { SimulatorRoot } from './components/lessons/SimulatorRoot.tsx';
import { OrderDetails } from './components/OrderDetails.tsx';
import { PlaybackBar } from './components/PlaybackBar.tsx';
import { UrlNotices } from './components/share/UrlNotices.tsx';
import { Stage } from './components/Stage.tsx';
import { StatusSummary } from './components/StatusSummary.tsx';

export function App() {
  return (
    <SimulatorRoot>
      <a className="skip-link" href="#controls-title">
        Skip to the controls
      </a>
      <Header />
      <UrlNotices />
      <JumpProgress />
      <div className="layout">
        <main className="main-column">
          <StatusSummary />
          <Narration />
          <LessonPanel />
          <Legend />
          <PlaybackBar />
          <MotionSwitch />
          <Stage />
          <OrdersTable />
          <OrderDetails />
          <AnalysisArea />
          <ExportMenu />
        </main>
        <div className="side-column">
          <LessonSide />
          <ControlsPanel />
        </div>
      </div>
    </SimulatorRoot>
  );
}
