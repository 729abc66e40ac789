/** How response times moved over the run: p50, p95 and p99 of the latest responses, drawn as
 * lines told apart by dash pattern and named in a legend. One lane, or two (Compare mode). */
import '../../i18n/parts/analysis.ts';
import { useId } from 'react';
import type { PercentilePoint } from '../../analysis/collector.ts';
import { localTime } from '../../i18n/format.ts';
import { useT, type Translate } from '../../i18n/react.tsx';
import { EmptyState } from './EmptyState.tsx';
import { OKABE_ITO, PERCENTILE_MARKERS } from './palette.ts';
import { LanePlots, LegendLine } from './LanePlots.tsx';
import type { TimeSeries } from './TimePlot.tsx';
import './analysis.css';

export interface TrendLane {
  label: string;
  /** LaneAnalysis.percentiles */
  points: readonly PercentilePoint[];
}

export interface ResponseTrendChartProps {
  lanes: readonly TrendLane[];
  nowMs: number;
  width?: number;
}

const COLOUR = { p50: OKABE_ITO.blue, p95: OKABE_ITO.bluishGreen, p99: OKABE_ITO.vermillion };

export function ResponseTrendChart({ lanes, nowMs, width = 640 }: ResponseTrendChartProps) {
  const id = useId();
  const t = useT();
  const empty = lanes.every((lane) => lane.points.length === 0);
  let endMs = Number.isFinite(nowMs) ? nowMs : 0;
  let yMax = 1;
  for (const lane of lanes) {
    const last = lane.points[lane.points.length - 1];
    if (last) endMs = Math.max(endMs, last.tMs);
    for (const p of lane.points) yMax = Math.max(yMax, p.p99);
  }
  return (
    <figure className="an-chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <span id={`${id}-title`} className="an-title">
          {t('analysis.trend.title')}
        </span>
        <span className="an-description">{t('analysis.trend.description')}</span>
      </figcaption>
      {empty ? (
        <EmptyState>{t('analysis.response.empty')}</EmptyState>
      ) : (
        <>
          <p className="an-legend">
            {PERCENTILE_MARKERS.map((m) => (
              <span key={m.key}>
                <LegendLine colour={COLOUR[m.key]} dash={m.dash} /> {m.label}{' '}
              </span>
            ))}
          </p>
          <LanePlots<PercentilePoint>
            lanes={lanes.map((lane) => ({
              label: lane.label,
              series: seriesOf(lane.points),
              ariaLabel: describe(t, lane),
            }))}
            endMs={endMs}
            nowMs={nowMs}
            yMax={yMax}
            yKind="time"
            width={width}
          />
        </>
      )}
    </figure>
  );
}

function seriesOf(points: readonly PercentilePoint[]): TimeSeries<PercentilePoint>[] {
  return PERCENTILE_MARKERS.map((m) => ({
    key: m.key,
    points,
    value: (p: PercentilePoint) => p[m.key],
    kind: 'line' as const,
    colour: COLOUR[m.key],
    ...(m.dash ? { dash: m.dash } : {}),
  }));
}

function describe(t: Translate, lane: TrendLane): string {
  const last = lane.points[lane.points.length - 1];
  if (!last) return t('analysis.trend.ariaNone', { lane: lane.label });
  return t('analysis.trend.aria', {
    lane: lane.label,
    p50: localTime(t, last.p50),
    p95: localTime(t, last.p95),
    p99: localTime(t, last.p99),
  });
}
