/** The stage chart's drawing: d3-scale and d3-shape compute, React draws. The async queue is an
 * area, each lane's tally a stepped line, all on one time axis from 0 s, with the captions'
 * moments as numbered lines and the current moment as a line that follows the clock. */
import { memo, useLayoutEffect, useRef } from 'react';
import { formatCount, formatTime } from '../../format/index.ts';
import { scaleLinear } from 'd3-scale';
import { linePath, stepAreaPath } from '../../analysis/paths.ts';
import { useFrame, useHandles } from '../../store/react/hooks.ts';
import { axisTicks, labelWidth, type Tick } from '../../analysis/ticks.ts';
import {
  envelope,
  type ChartPoint,
  type ChartSeries,
  type StageChartData,
} from './stageChartModel.ts';

export interface StageChartPlotProps {
  data: StageChartData;
  /** The captions' moments, in ms, in caption order. */
  beatsMs: readonly number[];
  width: number;
  height: number;
  /** The axis text's size in px (larger when presenting). */
  fontPx: number;
}

const value = (p: ChartPoint) => p.value;
const AXIS_FONT = 11; // the size axisTicks estimates label widths at

export const StageChartPlot = memo(function StageChartPlot(props: StageChartPlotProps) {
  const { data, beatsMs, width, height, fontPx } = props;
  // A low plot (a row below the lanes) writes the captions' numbers inside its top edge, on a
  // halo, instead of above it.
  const low = height < 110;
  const y = scaleLinear()
    .domain([0, Math.max(1, data.yMax)])
    .nice(4)
    .range([height - (fontPx + 12), low ? 6 : fontPx + 8]);
  const [y0, y1] = y.domain() as [number, number];
  const [bottom, top] = y.range() as [number, number];
  // Tick labels are estimated at 11 px: scale the axis length down for larger text.
  const k = fontPx / AXIS_FONT;
  // About one count per 70 px (axisTicks spaces them 24 px apart): a few round numbers read
  // better from afar than many.
  const yTicks = bothEnds(axisTicks('count', [y0, y1], ((bottom - top) * 24) / 70, false), {
    value: y1,
    label: formatCount(y1),
  });
  const left = 10 + Math.max(0, ...yTicks.map((t) => labelWidth(t.label) * k));
  // Room for half of the widest time label, centred on the axis' end ("1:00", "2:00").
  const right = width - Math.max(8, (labelWidth('0:00') * k) / 2 + 2);
  const x = scaleLinear().domain([0, data.endMs]).range([left, right]);
  const xTicks = withEnd(
    axisTicks('time', [0, data.endMs], (right - left) / k, true),
    {
      value: data.endMs,
      label: formatTime(data.endMs, 0),
    },
    (t) => x(t),
    k,
  );
  // About one point per 2 px.
  const bins = Math.floor((right - left) / 2);
  if (!(right - left > 20) || !(bottom - top > 20)) return null;
  return (
    <svg
      className="sc-svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      fontSize={fontPx}
    >
      {yTicks.map((t) => (
        <g key={t.value} transform={`translate(0,${y(t.value)})`}>
          <line className="sc-grid" x1={left} x2={right} />
          <text className="sc-tick" x={left - 6} dy="0.32em" textAnchor="end">
            {t.label}
          </text>
        </g>
      ))}
      {beatsMs.map((t, i) =>
        t <= data.endMs ? (
          <g key={i} className="sc-beat" transform={`translate(${x(t)},0)`}>
            <line y1={low ? top : top - 2} y2={bottom} />
            <text
              className={low ? 'sc-halo' : undefined}
              x={low ? 3 : 0}
              y={low ? top + fontPx - 2 : top - 6}
              textAnchor={low ? 'start' : 'middle'}
              fontSize={fontPx - 1}
            >
              {i + 1}
            </text>
          </g>
        ) : null,
      )}
      <line className="sc-axis" x1={left} x2={right} y1={bottom} y2={bottom} />
      {data.series.map((s) => (
        <SeriesPath key={s.id} series={s} endMs={data.endMs} bins={bins} x={x} y={y} />
      ))}
      {xTicks.map((t) => (
        <g key={t.value} transform={`translate(${x(t.value)},${bottom})`}>
          <line className="sc-axis" y2={4} />
          <text className="sc-tick" y={fontPx + 5} textAnchor="middle">
            {t.label}
          </text>
        </g>
      ))}
      <NowLine x={x} top={top - 2} bottom={bottom} endMs={data.endMs} />
    </svg>
  );
});

type Scale = (v: number) => number;

/** One series' path, a component of its own: the chart renders in a deferred (interruptible)
 * render, and React can yield to a frame only between components, so the paths, each a pass over
 * the series, are not one long piece of work with the axes (bench:ui). */
const SeriesPath = memo(function SeriesPath(props: {
  series: ChartSeries;
  endMs: number;
  bins: number;
  x: Scale;
  y: Scale;
}) {
  const { series, endMs, bins, x, y } = props;
  const points = envelope(series.points, endMs, bins);
  return series.id === 'queue' ? (
    <path className="sc-queue" d={stepAreaPath(points, value, x, y)} />
  ) : (
    <path className={`sc-line sc-${series.lane}`} d={linePath(points, value, x, y, true)} />
  );
});

/** The time axis says where it ends (the lesson's length) when that label has room. */
function withEnd(ticks: Tick[], end: Tick, x: (t: number) => number, k: number): Tick[] {
  const last = ticks[ticks.length - 1];
  if (!last) return [end];
  if (last.value >= end.value) return ticks;
  const room = x(end.value) - x(last.value);
  const needed = ((labelWidth(last.label) + labelWidth(end.label)) / 2) * k + 10;
  return room >= needed ? [...ticks, end] : ticks;
}

/** A short axis whose ticks came down to one (0) also gets a label at its far end. */
function bothEnds(ticks: Tick[], end: Tick): Tick[] {
  if (ticks.length >= 2) return ticks;
  return ticks[0] && ticks[0].value !== end.value ? [ticks[0], end] : [end];
}

/** The current moment: the only part that follows the clock between the analysis' redraws. It
 * moves in the frame callback, not through React: rendered with every frame's clock, it was a
 * React render in every frame of a playing lesson, which a slow computer could not afford. */
function NowLine(props: { x: (t: number) => number; top: number; bottom: number; endMs: number }) {
  const { simulator } = useHandles();
  const line = useRef<SVGLineElement>(null);
  const place = () => {
    const el = line.current;
    if (!el) return;
    const simMs = simulator.store.getState().simMs;
    const at = props.x(Math.min(Math.max(simMs, 0), props.endMs));
    // Written only when it moves a tenth of a pixel: a paused frame or a slow clock writes nothing.
    const shown = Number.isFinite(at) ? at.toFixed(1) : '';
    if (el.dataset.at === shown) return;
    el.dataset.at = shown;
    if (shown === '') {
      el.setAttribute('visibility', 'hidden');
      return;
    }
    el.removeAttribute('visibility');
    el.setAttribute('x1', shown);
    el.setAttribute('x2', shown);
  };
  // Thinned: while frames run late it moves with the chart's area, a few times a second.
  useFrame(place, true);
  // A new scale (a resize, a longer run) places it at once, paused or not.
  useLayoutEffect(place);
  return <line ref={line} className="sc-now" y1={props.top} y2={props.bottom} />;
}
