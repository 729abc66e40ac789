/** One order's timeline as a waterfall: a row per step, wait, email attempt and event, on an axis
 * of time since the order was placed. Screen readers get a summary and the same rows as a table. */
import { scaleLinear } from 'd3-scale';
import { useId } from 'react';
import { formatTime } from '../../format/index.ts';
import type { OrderTrace, TraceRow } from '../../analysis/trace.ts';
import { axisTicks } from '../../analysis/ticks.ts';
import { AxisBottom } from './AxisBottom.tsx';
import { EmptyState } from './EmptyState.tsx';
import { COLOURS, OUTLINE, SURFACE } from './palette.ts';
import { VisuallyHidden } from './VisuallyHidden.tsx';
import './analysis.css';

export interface WaterfallProps {
  /** collector.trace(orderId), or null while no order is picked. */
  trace: OrderTrace | null;
  /** The current simulated time: unfinished rows are drawn up to it. */
  nowMs: number;
  width?: number;
  /** Rows drawn at most; the rest are counted in a note. */
  maxRows?: number;
  /** The lane's name in Compare mode, added to the title. */
  label?: string;
  /** A time span (ms since the order was placed) to share with another waterfall's axis. */
  spanMs?: number;
  /** Moments marked across the rows, e.g. "page shown" at 2,550 ms (since the order). */
  marks?: readonly { label: string; atMs: number }[];
}

const ROW = 34;
const MARGIN = { top: 34, right: 16, bottom: 44, left: 12 };
const STATUS_WORDS: Record<TraceRow['status'], string> = {
  running: 'in progress',
  ok: 'ok',
  failed: 'failed',
  crashed: 'crashed',
  duplicate: 'duplicate',
  info: '',
};

function fillOf(row: TraceRow): string {
  if (row.status === 'failed' || row.status === 'crashed' || row.status === 'duplicate')
    return COLOURS.bad;
  if (row.instant) return row.status === 'ok' ? COLOURS.ok : SURFACE;
  return COLOURS[row.where];
}

export function Waterfall({
  trace,
  nowMs,
  width = 640,
  maxRows = 40,
  label,
  spanMs = 0,
  marks = [],
}: WaterfallProps) {
  const id = useId();
  if (!trace) {
    return (
      <section className="an-panel" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} className="an-title">
          {label ? `Order timeline (${label})` : 'Order timeline'}
        </h3>
        <EmptyState>Pick an order to see its timeline.</EmptyState>
      </section>
    );
  }
  const origin = trace.placedAtMs;
  const now = Math.max(nowMs, origin);
  const rows = trace.rows.slice(0, maxRows);
  const endOf = (r: TraceRow) => Math.max(r.startMs, Math.min(r.endMs ?? now, now));
  let span = Math.max(1, spanMs);
  for (const r of rows) span = Math.max(span, endOf(r) - origin);
  const x = scaleLinear()
    .domain([0, span])
    .nice(6)
    .range([MARGIN.left, width - MARGIN.right]);
  const height = MARGIN.top + rows.length * ROW + MARGIN.bottom;
  const title = `Order ${trace.order} timeline${label ? ` (${label})` : ''}`;
  return (
    <section className="an-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="an-title">
        {title}
      </h3>
      <p className="an-description">{trace.summary}</p>
      <svg
        className="an-svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}: ${trace.summary}`}
      >
        {rows.map((r, i) => {
          const top = MARGIN.top + i * ROW;
          const x0 = x(r.startMs - origin);
          const x1 = x(endOf(r) - origin);
          const barY = top + 17;
          const anchorEnd = x0 > width * 0.6;
          return (
            <g key={i}>
              <text
                x={anchorEnd ? Math.min(x1, width - MARGIN.right) : x0}
                y={top + 12}
                textAnchor={anchorEnd ? 'end' : 'start'}
                fontSize={11}
                fill="currentColor"
              >
                {rowText(r, origin, now)}
              </text>
              {r.instant ? (
                <path
                  d={`M${x0},${barY} l6,6 l-6,6 l-6,-6 Z`}
                  style={{ fill: fillOf(r) }}
                  stroke={OUTLINE}
                  strokeWidth={1.25}
                />
              ) : (
                <rect
                  x={x0}
                  y={barY}
                  width={Math.max(2, x1 - x0)}
                  height={12}
                  style={{ fill: fillOf(r) }}
                  fillOpacity={r.status === 'running' ? 0.5 : 1}
                  stroke={OUTLINE}
                  strokeWidth={1}
                  strokeDasharray={r.status === 'running' ? '3 2' : undefined}
                />
              )}
            </g>
          );
        })}
        {marks.map((m, i) => (
          <g key={m.label} className="an-mark">
            <line
              x1={x(m.atMs)}
              x2={x(m.atMs)}
              y1={MARGIN.top - 4}
              y2={MARGIN.top + rows.length * ROW + 4}
              stroke="currentColor"
              strokeDasharray="4 3"
            />
            <text
              x={x(m.atMs)}
              y={MARGIN.top - 8 - 13 * i}
              textAnchor="middle"
              fontSize={11}
              fill="currentColor"
            >
              {`${m.label} ${formatTime(m.atMs)}`}
            </text>
          </g>
        ))}
        <AxisBottom
          ticks={axisTicks('time', [0, x.domain()[1]!], width - MARGIN.left - MARGIN.right, true)}
          x={x}
          y={MARGIN.top + rows.length * ROW + 4}
          range={[MARGIN.left, width - MARGIN.right]}
          label="time since the order was placed"
        />
      </svg>
      {trace.rows.length > rows.length ? (
        <p className="an-description">
          …and {trace.rows.length - rows.length} more rows not drawn.
        </p>
      ) : null}
      <VisuallyHidden>
        <table>
          <caption>{`${title}, times since the order was placed`}</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <th scope="row">{r.label}</th>
                <td>{formatTime(r.startMs - origin)}</td>
                <td>{r.endMs === null ? 'still going' : formatTime(r.endMs - origin)}</td>
                <td>{STATUS_WORDS[r.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </section>
  );
}

function rowText(r: TraceRow, origin: number, now: number): string {
  if (r.instant) return `${r.label} · at ${formatTime(r.startMs - origin)}`;
  if (r.endMs === null) return `${r.label} · ${formatTime(now - r.startMs)} so far`;
  return `${r.label} · ${formatTime(r.endMs - r.startMs)}`;
}
