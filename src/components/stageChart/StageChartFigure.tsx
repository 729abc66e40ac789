/** The stage chart's figure: its title, legend and plot, drawn from the lanes' collectors. Loaded on
 * demand (StageChart.tsx's STAGE_CHART): only the lessons with a chart draw it. */
import { useDeferredValue, useId, useMemo } from 'react';
import { useT } from '../../i18n/react.tsx';
import type { StageChart as ChartSpec } from '../../scenarios/index.ts';
import { beatMs } from '../../scenarios/beats.ts';
import { selectPresenting, selectScenarioId } from '../../lessons/selectors.ts';
import { useLaneReads, useSim, usePageState } from '../../store/react/hooks.ts';
import type { SimulatorStore } from '../../store/simulatorStore.ts';
import { selectLanesShown, shownModes } from '../../store/react/selectors.ts';
import { useQuestionOpen } from '../lessons/useQuestionOpen.ts';
import { deferred, useDeferred } from '../deferred.ts';
import { stageChartModel, type ChartSeries } from './stageChartModel.ts';
import { useElementSize } from './useElementSize.ts';

/** The plot (d3's scales and shapes, some 12 KB of the initial JavaScript) loads after the first
 * screen: only the lessons with a chart draw it, and its frame (title, legend, place on the stage)
 * is there at once. */
export const STAGE_CHART_PLOT = deferred(() => import('./StageChartPlot.tsx'));

const selectDuration = (s: SimulatorStore) => s.durationMs;
const selectBeats = (s: SimulatorStore) => s.beats;

export function StageChartFigure({ chart }: { chart: ChartSpec }) {
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
