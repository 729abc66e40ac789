/** A small live chart on the stage, for the lessons about things piling up (their scenario's
 * `chart`): the async queue's depth and the lesson's tally for each lane over time, on one time
 * axis, with the captions' moments and now marked. It redraws when the analysis does (a few times
 * a second, and at once after a jump), from the lanes' collectors, so a seek redraws it right. */
import type { CSSProperties, RefObject } from 'react';
import type { Mode } from '../../engine/index.ts';
import { useT } from '../../i18n/react.tsx';
import { lessonEntry, type StageChart as ChartSpec } from '../../scenarios/index.ts';
import { selectPresenting, selectScenarioId } from '../../lessons/selectors.ts';
import { useSim, usePageState } from '../../store/react/hooks.ts';
import { usePage } from '../share/pageContext.ts';
import { deferred, useDeferred } from '../deferred.ts';
import { useChartPlacement } from './useChartPlacement.ts';
import './stageChart.css';

/** The loaded lesson's chart, or null: no lesson, a lesson without one, or an embed (a slide's
 * frame leaves no room for it beside two legible diagrams; see docs/architecture-ui.md). */
export function useStageChart(): ChartSpec | null {
  const scenarioId = useSim(selectScenarioId);
  const { embed } = usePage().page;
  if (embed || scenarioId === null) return null;
  return lessonEntry(scenarioId)?.chart ?? null;
}

const selectCloseup = (s: { closeup: boolean }) => s.closeup;

export interface StageChartLayout {
  /** The chart to draw, or null: none for this page, or no room for one. */
  chart: ChartSpec | null;
  /** Classes for the stage (with a leading space), and the sizes they read. */
  className: string;
  style: CSSProperties | undefined;
  /** The chart's width where it stands beside the lanes, in px; null where it does not. */
  besidePx: number | null;
}

/** The stage's layout with its chart: measured, placed beside or below the lanes, or left out
 * where the diagrams have no room to spare. */
export function useStageChartLayout(
  modes: readonly Mode[],
): [RefObject<HTMLDivElement | null>, StageChartLayout] {
  const spec = useStageChart();
  // A chart of the queue alone has nothing to draw when the async lane is not shown.
  const chart = spec && (spec.tally !== undefined || modes.includes('async')) ? spec : null;
  const lanes = modes.length;
  const presenting = usePageState(selectPresenting);
  const closeup = usePageState(selectCloseup);
  const [ref, placement] = useChartPlacement(chart !== null, lanes, presenting, closeup);
  if (chart === null || placement.kind === 'none') {
    return [ref, { chart: null, className: '', style: undefined, besidePx: null }];
  }
  const style = {
    '--chart-size': `${placement.sizePx}px`,
    ...(placement.kind === 'below' && placement.diagramMinPx > 0
      ? { '--chart-diagram-min': `${placement.diagramMinPx}px` }
      : {}),
  } as CSSProperties;
  const besidePx = placement.kind === 'side' ? placement.sizePx : null;
  return [
    ref,
    { chart, className: ` stage-charted stage-chart-${placement.kind}`, style, besidePx },
  ];
}

/** The figure loads on demand: only the lessons with a chart draw it, and it was part of the
 * initial JavaScript (check:bundle). The page loads it before its first screen when the link's
 * lesson has a chart, else after that screen, so that a lesson picked later draws it at once.
 * Its place on the stage is decided here, at once, so the lanes never move when it comes. */
export const STAGE_CHART = deferred(() => import('./StageChartFigure.tsx'));

export function StageChart({ chart }: { chart: ChartSpec }) {
  const figure = useDeferred(STAGE_CHART);
  const t = useT();
  if (figure instanceof Error) {
    return (
      <figure className="stage-chart" data-testid="stage-chart">
        <p className="sc-error">{t('stageChart.failed', { reason: figure.message })}</p>
      </figure>
    );
  }
  // While it loads, its place on the stage stays empty.
  if (figure === undefined) return <div className="stage-chart" aria-hidden="true" />;
  return <figure.StageChartFigure chart={chart} />;
}
