/** One order's timeline as a waterfall: a row per step, wait, email attempt and event, on an axis
 * of time since the order was placed. Screen readers get a summary and the same rows as a table.
 * Two of them given one `spanMs` draw one scale, so a step is as long in both. */
import '../../i18n/parts/analysis.ts';
import { scaleLinear } from 'd3-scale';
import { useId } from 'react';
import { localTime } from '../../i18n/format.ts';
import { localTicks } from '../../i18n/numbers.ts';
import { useT, type Translate } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import type { OrderTrace, TraceRow } from '../../analysis/trace.ts';
import { axisTicks } from '../../analysis/ticks.ts';
import { AxisBottom } from './AxisBottom.tsx';
import { EmptyState } from './EmptyState.tsx';
import { localRowLabel, localSummary } from './localNarrate.ts';
import { COLOURS, OUTLINE, SURFACE } from './palette.ts';
import { VisuallyHidden } from './VisuallyHidden.tsx';
import { LABEL_PX, placeLabel, rowEndMs, textWidth } from './waterfallLayout.ts';
import './analysis.css';

export interface WaterfallProps {
  /** orderTrace(collector, orderId), or null while no order is picked. */
  trace: OrderTrace | null;
  /** The current simulated time: unfinished rows are drawn up to it. */
  nowMs: number;
  width?: number;
  /** Rows drawn at most; the rest are counted in a note. */
  maxRows?: number;
  /** The lane's name in Compare mode, added to the title. */
  label?: string;
  /** A time span (ms since the order was placed) to share with another waterfall's axis: at
   * least the end of every row of both (`traceEndMs`), so that both draw exactly this span. */
  spanMs?: number;
  /** Moments marked across the rows, e.g. "error page" at 2,550 ms (since the order). */
  marks?: readonly { label: string; atMs: number }[];
}

/** A row: its label's line (or two) above a 12-unit bar. */
const LINE = 15;
const ROW_GAP = 20;
const MARGIN = { right: 16, bottom: 44, left: 12 };
const STATUS_WORDS: Record<TraceRow['status'], MessageId | null> = {
  running: 'waterfall.status.running',
  ok: 'waterfall.status.ok',
  failed: 'waterfall.status.failed',
  crashed: 'waterfall.status.crashed',
  duplicate: 'waterfall.status.duplicate',
  info: null,
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
  const t = useT();
  if (!trace) {
    return (
      <section className="an-panel" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} className="an-title">
          {label ? t('waterfall.titleOf', { lane: label }) : t('waterfall.title')}
        </h3>
        <EmptyState>{t('waterfall.empty')}</EmptyState>
      </section>
    );
  }
  const origin = trace.placedAtMs;
  const now = Math.max(nowMs, origin);
  const rows = trace.rows.slice(0, maxRows);
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  let span = Math.max(1, spanMs);
  for (const r of rows) span = Math.max(span, rowEndMs(r, now) - origin);
  const x = scaleLinear().domain([0, span]).nice(6).range([left, right]);
  // The marks' labels stack above the rows, one line each.
  const top = 8 + LINE * Math.max(1, marks.length) + 6;
  const placed = rows.map((r) =>
    placeLabel(rowText(t, r, origin, now), x(r.startMs - origin), left, right),
  );
  const tops: number[] = [];
  let y = top;
  for (const p of placed) {
    tops.push(y);
    y += ROW_GAP + LINE * p.lines.length;
  }
  const bottom = y;
  const height = bottom + MARGIN.bottom;
  const title = label
    ? t('waterfall.orderTitleOf', { order: trace.order, lane: label })
    : t('waterfall.orderTitle', { order: trace.order });
  const summary = localSummary(t, trace);
  return (
    <section className="an-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="an-title">
        {title}
      </h3>
      <p className="an-description">{summary}</p>
      <svg
        className="an-svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('waterfall.aria', { title, summary })}
      >
        {/* The marks first, so that the rows' labels and bars lie over their lines. */}
        {marks.map((m, i) => {
          const at = x(m.atMs);
          const text = `${m.label} ${localTime(t, m.atMs)}`;
          const placedMark = placeLabel(text, at - textWidth(text) / 2, left, right);
          return (
            <g key={m.label} className="an-mark">
              <line
                x1={at}
                x2={at}
                y1={top - 4}
                y2={bottom}
                stroke="currentColor"
                strokeDasharray="4 3"
              />
              <text
                className="an-wf-label"
                x={placedMark.x}
                y={8 + LINE * (i + 1) - 3}
                fontSize={LABEL_PX}
                fill="currentColor"
              >
                {placedMark.lines.join(' ')}
              </text>
            </g>
          );
        })}
        {rows.map((r, i) => {
          const x0 = x(r.startMs - origin);
          const x1 = x(rowEndMs(r, now) - origin);
          const text = placed[i]!;
          const barY = tops[i]! + LINE * text.lines.length + 3;
          return (
            <g key={i} data-row={r.kind}>
              <text
                className="an-wf-label"
                x={text.x}
                y={tops[i]! + LINE - 3}
                fontSize={LABEL_PX}
                fill="currentColor"
              >
                {text.lines.map((line, k) => (
                  <tspan key={k} x={text.x} dy={k === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
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
        <AxisBottom
          ticks={localTicks(t, axisTicks('time', [0, x.domain()[1]!], right - left, true))}
          x={x}
          y={bottom}
          range={[left, right]}
          label={t('waterfall.axis')}
        />
      </svg>
      {trace.rows.length > rows.length ? (
        <p className="an-description">
          {t('waterfall.moreRows', { count: trace.rows.length - rows.length })}
        </p>
      ) : null}
      <VisuallyHidden>
        <table>
          <caption>{t('waterfall.caption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('waterfall.what')}</th>
              <th scope="col">{t('waterfall.from')}</th>
              <th scope="col">{t('waterfall.to')}</th>
              <th scope="col">{t('waterfall.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <th scope="row">{localRowLabel(t, r)}</th>
                <td>{localTime(t, r.startMs - origin)}</td>
                <td>
                  {r.endMs === null ? t('waterfall.stillGoing') : localTime(t, r.endMs - origin)}
                </td>
                <td>{statusWord(t, r.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </section>
  );
}

function statusWord(t: Translate, status: TraceRow['status']): string {
  const word = STATUS_WORDS[status];
  return word ? t(word) : '';
}

function rowText(t: Translate, r: TraceRow, origin: number, now: number): string {
  const what = localRowLabel(t, r);
  if (r.instant) {
    return t('waterfall.rowAt', { what, at: localTime(t, r.startMs - origin) });
  }
  if (r.endMs === null) {
    return t('waterfall.rowSoFar', { what, time: localTime(t, now - r.startMs) });
  }
  return t('waterfall.row', { what, time: localTime(t, r.endMs - r.startMs) });
}
