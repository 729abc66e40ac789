/** A time chart from the start of the run to now: areas and lines over a shared time axis, with
 * the current moment marked by a labelled line. The charts over time build on it. */
import '../../i18n/parts/analysis.ts';
import { scaleLinear } from 'd3-scale';
import { localTime } from '../../i18n/format.ts';
import { localTicks } from '../../i18n/numbers.ts';
import { useT } from '../../i18n/react.tsx';
import { axisTicks, type AxisKind } from '../../analysis/ticks.ts';
import { linePath, stepAreaPath } from '../../analysis/paths.ts';
import { AxisBottom } from './AxisBottom.tsx';
import { AxisLeft } from './AxisLeft.tsx';
import { OUTLINE } from './palette.ts';

export interface TimeSeries<P extends { tMs: number }> {
  key: string;
  points: readonly P[];
  value: (p: P) => number;
  /** An area is filled under a stepped outline; a line is drawn stepped or straight. */
  kind: 'area' | 'line';
  colour: string;
  dash?: string;
  stepped?: boolean;
}

export interface TimePlotProps<P extends { tMs: number }> {
  series: readonly TimeSeries<P>[];
  /** The right end of the time axis, in simulated ms. */
  endMs: number;
  nowMs: number;
  /** The top of the value axis (rounded up to a nice number). */
  yMax: number;
  /** What the value axis counts: whole numbers, or times. */
  yKind: AxisKind;
  width: number;
  height: number;
  /** What the chart shows, in words, for screen readers. */
  ariaLabel: string;
}

const MARGIN = { top: 22, right: 16, bottom: 40, left: 48 };

export function TimePlot<P extends { tMs: number }>(props: TimePlotProps<P>) {
  const { series, endMs, nowMs, yMax, yKind, width, height, ariaLabel } = props;
  const t = useT();
  const x = scaleLinear()
    .domain([0, endMs > 0 ? endMs : 1])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, yMax > 0 ? yMax : 1])
    .nice(4)
    .range([height - MARGIN.bottom, MARGIN.top]);
  const [y0, y1] = y.domain();
  const yDomain = [y0!, y1!] as const;
  const [x0, x1] = x.domain();
  const nowX = x(Math.min(Math.max(nowMs, 0), x.domain()[1]!));
  const nearRight = nowX > width - MARGIN.right - 90;
  return (
    <svg className="an-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={ariaLabel}>
      <AxisLeft
        ticks={localTicks(t, axisTicks(yKind, yDomain, height - MARGIN.top - MARGIN.bottom, false))}
        y={y}
        x={MARGIN.left}
        gridTo={width - MARGIN.right}
      />
      {series.map((s) =>
        s.kind === 'area' ? (
          <path
            key={s.key}
            d={stepAreaPath(s.points, s.value, x, y)}
            fill={s.colour}
            fillOpacity={0.85}
            stroke={OUTLINE}
            strokeWidth={1}
          />
        ) : (
          <path
            key={s.key}
            d={linePath(s.points, s.value, x, y, s.stepped)}
            fill="none"
            stroke={s.colour}
            strokeWidth={2}
            strokeDasharray={s.dash}
          />
        ),
      )}
      <line
        x1={nowX}
        x2={nowX}
        y1={MARGIN.top - 8}
        y2={height - MARGIN.bottom}
        stroke="currentColor"
        strokeWidth={1.5}
      />
      <text
        x={nearRight ? nowX - 4 : nowX + 4}
        y={MARGIN.top - 10}
        textAnchor={nearRight ? 'end' : 'start'}
        fontSize={11}
        fill="currentColor"
      >
        {t('analysis.now', { time: localTime(t, nowMs) })}
      </text>
      <AxisBottom
        ticks={localTicks(
          t,
          axisTicks('time', [x0!, x1!], width - MARGIN.left - MARGIN.right, true),
        )}
        x={x}
        y={height - MARGIN.bottom}
        range={[MARGIN.left, width - MARGIN.right]}
        label={t('analysis.simulatedTime')}
      />
    </svg>
  );
}
