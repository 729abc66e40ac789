/** The page: one viewport-high stage (the header, the lesson's caption, playback and the lanes)
 * with the side panel beside it, and the analysis below it. Nothing pushes a lane off screen. */
import { Narration } from './components/a11y/Narration.tsx';
import { OrdersTable } from './components/a11y/OrdersTable.tsx';
import { AnalysisArea } from './components/AnalysisArea.tsx';
import { Header } from './components/Header.tsx';
import { JumpProgress } from './components/JumpProgress.tsx';
import { EngineStopNotice, RUN_NOTICES } from './components/EngineStopNotice.tsx';
import { Legend } from './components/Legend.tsx';
import { LessonPanel } from './components/lessons/LessonPanel.tsx';
import { PredictionOverlay } from './components/lessons/PredictionOverlay.tsx';
import { SidePanel } from './components/SidePanel.tsx';
import { SimulatorRoot } from './components/lessons/SimulatorRoot.tsx';
import { StageReveal } from './components/lessons/StageReveal.tsx';
import { REVEAL } from './components/lessons/reveal.ts';
import { OrderDetailsSlot, TIMELINES } from './components/OrderDetailsSlot.tsx';
import { PlaybackBar } from './components/PlaybackBar.tsx';
import { UrlNotices } from './components/share/UrlNotices.tsx';
import { Stage } from './components/Stage.tsx';
import { StatusSummary } from './components/StatusSummary.tsx';
import { WhatIfPanel } from './components/whatif/WhatIfPanel.tsx';
import { STAGE_CHART } from './components/stageChart/StageChart.tsx';
import { canLayOut, FLOW_LAYOUT } from './components/diagram/layouts.ts';
import type { Flow } from './engine/index.ts';
import { useT } from './i18n/react.tsx';
import { CLOSEUP } from './components/diagram/closeup/CloseupHost.tsx';
import { CONTROLS } from './components/SidePanel.tsx';
import { DIALOGS } from './components/lessons/LessonDialogs.tsx';
import { PreloadNextLesson } from './components/lessons/PreloadNextLesson.tsx';
import { lessonEntry } from './scenarios/index.ts';
import { PageContext, type PageInfo } from './components/share/pageContext.ts';
import type { SimulatorHandles } from './store/react/hooks.ts';
import { SimulatorProvider } from './store/react/SimulatorProvider.tsx';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { provideVideoMaker } from './embed/videoRequest.ts';
import { markFirstScreenPainted, onNextPaint } from './components/afterPaint.ts';

/** The page holds its first render's parts until that screen has painted (main.tsx). */
export { holdPartsForFirstPaint } from './components/afterPaint.ts';

/** Its children once the first screen has painted: below the stage, out of sight at start
 * (hidden in an embed and when presenting), they were a third of the first render's task on a
 * slow phone (docs/architecture-ui.md, "The first screen"). A plain update, not a transition: a
 * playing run's frame updates kept putting off a transition, and on a 4x slower CPU the analysis
 * was still missing seconds after the first screen. Their render is one task of 50-100 ms at 4x
 * (their heavy parts, the charts and the exporters, load on demand after it). */
function AfterFirstScreen({ children, wait }: { children: ReactNode; wait: boolean }) {
  const [shown, setShown] = useState(!wait);
  useEffect(() => {
    if (shown) return;
    return onNextPaint(() => {
      markFirstScreenPainted();
      setShown(true);
      // So that a lesson picked later opens its close-up at once, and a dialog opens at once.
      void CLOSEUP.load();
      void DIALOGS.load();
      void REVEAL.load();
      void STAGE_CHART.load();
      void FLOW_LAYOUT.load();
      // So that an order's timelines answer a click without fetching their code in it.
      void TIMELINES.load();
    });
  }, [shown]);
  return shown ? children : null;
}

/** The first link a keyboard reaches: past the stage, to the controls. */
function SkipLink() {
  const t = useT();
  return (
    <a className="skip-link" href="#controls-title">
      {t('app.skipToControls')}
    </a>
  );
}

/** The page. `deferBelowStage`: what sits below the stage mounts after the first paint (the
 * page does this; component tests render everything at once). */
export function App({ deferBelowStage = false }: { deferBelowStage?: boolean }) {
  return (
    <SimulatorRoot>
      <SkipLink />
      <div className="shell">
        <div className="stage-area">
          <Header />
          <UrlNotices />
          <JumpProgress />
          <EngineStopNotice />
          <main className="stage-main">
            <StatusSummary />
            <Narration />
            <LessonPanel />
            <PlaybackBar />
            <Legend />
            <div className="stage-frame">
              {/* Before the lanes: on a phone, where the lanes stack, the answer comes first. */}
              <StageReveal />
              <Stage />
              <PredictionOverlay />
              <OrderDetailsSlot />
            </div>
          </main>
        </div>
        <SidePanel />
      </div>
      <div className="below-stage">
        <AfterFirstScreen wait={deferBelowStage}>
          <PreloadNextLesson />
          <OrdersTable />
          <AnalysisArea />
          <WhatIfPanel />
          {/* Below the first screen: its exporters (the poster, SVG and PNG) load after it. */}
          <Suspense fallback={null}>
            <ExportMenu />
          </Suspense>
        </AfterFirstScreen>
      </div>
    </SimulatorRoot>
  );
}

/** Loads what the first screen shows of the parts that load on demand, so that the page renders
 * them at once instead of a gap that fills a moment later: the broker's close-up when the link's
 * lesson opens with it, the controls when the side panel starts open, the stage's chart when the
 * lesson has one (embeds draw none), the layout of a flow other than the checkout when the link
 * runs one, and the lesson's answer when the link opens a lesson at a moment (which may be its
 * end). (The lesson's own content
 * loads before the link is applied: main.tsx.) */
export function loadFirstScreen(start: {
  scenarioId: string | null;
  panelOpen: boolean;
  atMoment: boolean;
  embed: boolean;
  /** The flow the link runs; undefined for the checkout. */
  flow: Flow | undefined;
}): Promise<unknown> {
  const scenario = start.scenarioId === null ? undefined : lessonEntry(start.scenarioId);
  return Promise.all([
    scenario?.closeup ? CLOSEUP.load() : null,
    start.panelOpen ? CONTROLS.load() : null,
    scenario && start.atMoment ? REVEAL.load() : null,
    // A link to a moment may open on a long jump, whose progress box is in the first screen.
    start.atMoment ? RUN_NOTICES.load() : null,
    scenario?.chart && !start.embed ? STAGE_CHART.load() : null,
    canLayOut(start.flow) ? null : FLOW_LAYOUT.load(),
  ]);
}

/** The app with what it reads from: the page's stores and its link. The entry point (main.tsx)
 * mounts this, so that nothing but this file imports a component. */
export function AppRoot({ handles, page }: { handles: SimulatorHandles; page: PageInfo }) {
  return (
    <SimulatorProvider handles={handles}>
      <PageContext.Provider value={page}>
        <App deferBelowStage />
      </PageContext.Provider>
    </SimulatorProvider>
  );
}

// A host's exportVideo draws with the components' code, which the embed layer cannot import.
provideVideoMaker(() =>
  import('./components/export/video/hostVideo.ts').then((m) => m.makeForHost),
);

const HandoutPage = lazy(() => import('./components/handout/HandoutPage.tsx'));
const ExportMenu = lazy(() =>
  import('./components/export/ExportMenu.tsx').then((m) => ({ default: m.ExportMenu })),
);

/** A lesson's printable handout (`?handout=<id>`), in place of the simulator: loaded on demand,
 * so that neither it nor its QR code library weighs on the simulator's first screen. */
export function HandoutRoot({ id }: { id: string }) {
  return (
    <Suspense fallback={<p className="handout-loading">Preparing the handout…</p>}>
      <HandoutPage id={id} />
    </Suspense>
  );
}
