/** How many messages waited in the email queue over the run (and how many requests waited for a
 * server handler), with now marked: where a backlog builds up during a spike or an outage and
 * drains afterwards. One lane, or two (Compare mode) on shared axes. */
import '../../i18n/parts/analysis.ts';
import { useId } from 'react';
import type { LevelPoint } from '../../analysis/collector.ts';
import { localTime } from '../../i18n/format.ts';
import { localCount } from '../../i18n/numbers.ts';
import { useT, type Translate } from '../../i18n/react.tsx';
import { EmptyState } from './EmptyState.tsx';
import { COLOURS, OUTLINE } from './palette.ts';
import { LanePlots, LegendLine } from './LanePlots.tsx';
import type { TimeSeries } from './TimePlot.tsx';
import './analysis.css';

export interface DepthLane {
  label: string;
  /** LaneAnalysis.levels */
  levels: readonly LevelPoint[];
}

export interface QueueDepthChartProps {
  lanes: readonly DepthLane[];
  /** The current simulated time, ms. */
  nowMs: number;
  width?: number;
}

const SERVER_DASH = '5 3';

export function QueueDepthChart({ lanes, nowMs, width = 640 }: QueueDepthChartProps) {
  const id = useId();
  const t = useT();
  const empty = lanes.every((lane) => lane.levels.length === 0);
  let endMs = Number.isFinite(nowMs) ? nowMs : 0;
  let yMax = 1;
  for (const lane of lanes) {
    const last = lane.levels[lane.levels.length - 1];
    if (last) endMs = Math.max(endMs, last.tMs);
    for (const p of lane.levels) yMax = Math.max(yMax, p.queuePeak, p.serverLine);
  }
  return (
    <figure className="an-chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <span id={`${id}-title`} className="an-title">
          {t('analysis.depth.title')}
        </span>
        <span className="an-description">{t('analysis.depth.description')}</span>
      </figcaption>
      {empty ? (
        <EmptyState>{t('analysis.depth.empty')}</EmptyState>
      ) : (
        <>
          <p className="an-legend">
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill={COLOURS.queue} stroke={OUTLINE} />
            </svg>{' '}
            {t('analysis.depth.legendQueue')}
            {'  '}
            <LegendLine colour={COLOURS.server} dash={SERVER_DASH} />{' '}
            {t('analysis.depth.legendServer')}
          </p>
          <LanePlots<LevelPoint>
            lanes={lanes.map((lane) => ({
              label: lane.label,
              series: seriesOf(lane.levels),
              ariaLabel: describe(t, lane),
            }))}
            endMs={endMs}
            nowMs={nowMs}
            yMax={yMax}
            yKind="count"
            width={width}
          />
        </>
      )}
    </figure>
  );
}

function seriesOf(levels: readonly LevelPoint[]): TimeSeries<LevelPoint>[] {
  return [
    {
      key: 'queue',
      points: levels,
      value: (p) => p.queuePeak,
      kind: 'area',
      colour: COLOURS.queue,
    },
    {
      key: 'server',
      points: levels,
      value: (p) => p.serverLine,
      kind: 'line',
      colour: COLOURS.server,
      dash: SERVER_DASH,
      stepped: true,
    },
  ];
}

function describe(t: Translate, lane: DepthLane): string {
  const last = lane.levels[lane.levels.length - 1];
  if (!last) return t('analysis.depth.ariaNone', { lane: lane.label });
  let top = last;
  for (const p of lane.levels) if (p.queuePeak > top.queuePeak) top = p;
  const values = { lane: lane.label, queue: last.queue, waiting: last.serverLine };
  if (top.queuePeak === 0) return t('analysis.depth.ariaNoWait', values);
  return t('analysis.depth.aria', {
    ...values,
    peak: localCount(t, top.queuePeak),
    at: localTime(t, top.tMs),
  });
}
