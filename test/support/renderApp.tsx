// Renders the whole app on a test simulator (a hand-driven frame clock), for component tests; a
// test may give the page's link parameters (an embed) that the app reads from its context.
import { render } from '@testing-library/react';
import { App } from '../../src/App.tsx';
import { CLOSEUP } from '../../src/components/diagram/closeup/CloseupHost.tsx';
import { FLOW_LAYOUT } from '../../src/components/diagram/layouts.ts';
import { DIALOGS } from '../../src/components/lessons/LessonDialogs.tsx';
import { REVEAL } from '../../src/components/lessons/reveal.ts';
import { TIMELINES } from '../../src/components/OrderDetailsSlot.tsx';
import { PageContext } from '../../src/components/share/pageContext.ts';
import { EMBED } from '../../src/components/share/ShareControls.tsx';
import { CONTROLS } from '../../src/components/SidePanel.tsx';
import { STAGE_CHART } from '../../src/components/stageChart/StageChart.tsx';
import { STAGE_CHART_PLOT } from '../../src/components/stageChart/StageChartFigure.tsx';
import { SENTENCES } from '../../src/components/a11y/Narration.tsx';
import { WAIT_WORDS } from '../../src/components/a11y/WaitWords.tsx';
import { NOTICE_LIST } from '../../src/components/share/UrlNotices.tsx';
import { SUMMARY } from '../../src/components/StatusSummary.tsx';
import { RUN_NOTICES } from '../../src/components/EngineStopNotice.tsx';
import { SimulatorProvider } from '../../src/store/react/SimulatorProvider.tsx';
import type { SimulatorOptions } from '../../src/store/simulatorStore.ts';
import { DEFAULT_URL_STATE, type UrlState } from '../../src/url/urlState.ts';
import { testSimulator } from './simulator.ts';

// What the app loads after its first screen, loaded once here, so that React's lazy parts resolve
// at once rather than while a test is ending.
await Promise.all([
  import('../../src/components/AnalysisPanels.tsx'),
  import('../../src/components/export/ExportMenu.tsx'),
  CONTROLS.load(),
  EMBED.load(),
  CLOSEUP.load(),
  DIALOGS.load(),
  REVEAL.load(),
  FLOW_LAYOUT.load(),
  TIMELINES.load(),
  STAGE_CHART.load(),
  STAGE_CHART_PLOT.load(),
  NOTICE_LIST.load(),
  SENTENCES.load(),
  SUMMARY.load(),
  RUN_NOTICES.load(),
  WAIT_WORDS.load(),
]);

export function renderApp(options: SimulatorOptions = {}, page: Partial<UrlState> = {}) {
  const t = testSimulator(options);
  render(
    <SimulatorProvider handles={t.handles}>
      <PageContext.Provider value={{ page: { ...DEFAULT_URL_STATE, ...page }, notices: [] }}>
        <App />
      </PageContext.Provider>
    </SimulatorProvider>,
  );
  return t;
}
