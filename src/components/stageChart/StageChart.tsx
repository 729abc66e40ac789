/** A small live chart on the stage, for the lessons about things piling up (their scenario's
 * `chart`): the async queue's depth and the lesson's tally for each lane over time, on one time
 * axis, with the captions' moments and now marked. It redraws when the analysis does (a few times
 * a second, and at once after a jump), from the lanes' collectors, so a seek redraws it right. */
import { useDeferredValue, useId, useMemo, type CSSProperties, type RefObject } from 'react';
import type { Mode } from '../../engine/index.ts';
import { useT } from '../../i18n/react.tsx';
import { lessonEntry, type StageChart as ChartSpec } from '../../scenarios/index.ts';
import { beatMs } from '../../scenarios/beats.ts';
import { selectPresenting, selectScenarioId } from '../../lessons/selectors.ts';
import { useLaneReads, useSim, usePageState } from '../../store/react/hooks.ts';
import type { SimulatorStore } from '../../store/simulatorStore.ts';
import { selectLanesShown, shownModes } from '../../store/react/selectors.ts';
import { useQuestionOpen } from '../lessons/useQuestionOpen.ts';
import { usePage } from '../share/pageContext.ts';
import { deferred, useDeferred } from '../deferred.ts';
import { stageChartModel, type ChartSeries } from './stageChartModel.ts';
import { useChartPlacement } from './useChartPlacement.ts';
import { useElementSize } from './useElementSize.ts';
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

/** The plot (d3's scales and shapes, some 12 KB of the initial JavaScript) loads after the first
 * screen: only the lessons with a chart draw it, and its frame (title, legend, place on the stage)
 * is there at once. */
export const STAGE_CHART_PLOT = deferred(() => import('./StageChartPlot.tsx'));

const selectDuration = (s: SimulatorStore) => s.durationMs;
const selectBeats = (s: SimulatorStore) => s.beats;

export function StageChart({ chart }: { chart: ChartSpec }) {
  const t = useT();
  const id = useId();
  const scenarioId = useSim(selectScenarioId) ?? '';
  // Deferred, as the analysis panels do: the chart redraws in a background render.
  const reads = useDeferredValue(useLaneReads());
  const lanesShown = useDeferredValue(useSim(selectLanesShown));
  const durationMs = useSim(selectDuration);
  const beats = useSim(selectBeats);
  const asking = useQuestionOpen(scenarioId);
  const presenting = usePageState(selectPresenting);
  const beatsMs = useMemo(() => beats.map(beatMs), [beats]);
  const data = useMemo(
    () =>
      stageChartModel({
        chart,
        lanes: shownModes(lanesShown).map((mode) => ({
          mode,
          analysis: reads.lane(mode).analysis(),
        })),
        durationMs,
        lastBeatMs: beatsMs[beatsMs.length - 1] ?? 0,
        asking,
        t,
      }),
    [reads, chart, lanesShown, durationMs, beatsMs, asking, t],
  );
  const [box, size] = useElementSize<HTMLDivElement>({ width: 320, height: 200 });
  const plot = useDeferred(STAGE_CHART_PLOT);
  // Tallies first, in lane order, then the queue.
  const legend = [...data.series].sort(
    (a, b) => Number(a.id === 'queue') - Number(b.id === 'queue'),
  );
  return (
    <figure className="stage-chart" aria-labelledby={`${id}-title`} data-testid="stage-chart">
      <figcaption className="sc-caption">
        <span id={`${id}-title`} className="sc-title">
          {t('stageChart.title')}
        </span>
        <ul className="sc-legend">
          {legend.map((s) => (
            <li key={s.id}>
              <Swatch series={s} />
              <span>{s.label}</span>
            </li>
          ))}
          {beatsMs.length > 0 && (
            <li className="sc-legend-beats">
              <svg width="22" height="14" aria-hidden="true">
                <line className="sc-beat-key" x1="11" x2="11" y1="0" y2="14" />
              </svg>
              <span>{t('stageChart.beats', { count: beatsMs.length })}</span>
            </li>
          )}
        </ul>
      </figcaption>
      <div ref={box} className="sc-plot" role="img" aria-label={data.description}>
        {plot instanceof Error && (
          <p className="sc-error">{t('stageChart.failed', { reason: plot.message })}</p>
        )}
        {plot && !(plot instanceof Error) && size.width > 0 && size.height > 0 && (
          <plot.StageChartPlot
            data={data}
            beatsMs={beatsMs}
            width={size.width}
            height={size.height}
            fontPx={presenting ? 16 : 12}
          />
        )}
      </div>
    </figure>
  );
}

function Swatch({ series }: { series: ChartSeries }) {
  return (
    <svg width="22" height="14" aria-hidden="true">
      {series.id === 'queue' ? (
        <rect className="sc-queue" x="1" y="2" width="20" height="11" />
      ) : (
        <line className={`sc-line sc-${series.lane}`} x1="1" x2="21" y1="7" y2="7" />
      )}
    </svg>
  );
}
