/** How many messages waited in the email queue over the run (and how many requests waited for a
 * server handler), with now marked: where a backlog builds up during a spike or an outage and
 * drains afterwards. One lane, or two (Compare mode) on shared axes. */
import { useId } from 'react';
import type { LevelPoint } from '../../analysis/collector.ts';
import { formatCount, formatTime } from '../../format/index.ts';
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
          Messages waiting in the queue
        </span>
        <span className="an-description">
          The filled area is the most email jobs waiting in the queue at once in each moment; the
          dashed line counts checkout requests waiting for a free server handler.
        </span>
      </figcaption>
      {empty ? (
        <EmptyState>Nothing to show yet: the queue is measured as the simulation runs.</EmptyState>
      ) : (
        <>
          <p className="an-legend">
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill={COLOURS.queue} stroke={OUTLINE} />
            </svg>{' '}
            Email jobs in the queue{'  '}
            <LegendLine colour={COLOURS.server} dash={SERVER_DASH} /> Requests waiting for a server
            handler
          </p>
          <LanePlots<LevelPoint>
            lanes={lanes.map((lane) => ({
              label: lane.label,
              series: seriesOf(lane.levels),
              ariaLabel: describe(lane),
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

function describe(lane: DepthLane): string {
  const last = lane.levels[lane.levels.length - 1];
  if (!last) return `${lane.label}: no measurements yet.`;
  let top = last;
  for (const p of lane.levels) if (p.queuePeak > top.queuePeak) top = p;
  const now = `${lane.label}: now ${formatCount(last.queue)} email jobs in the queue and ${formatCount(last.serverLine)} requests waiting for a handler`;
  if (top.queuePeak === 0) return `${now}; no job has had to wait in the queue.`;
  return `${now}; at most ${formatCount(top.queuePeak)} in the queue, around ${formatTime(top.tMs)}.`;
}
