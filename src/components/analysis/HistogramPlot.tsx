/** One lane's histogram: bars of how many values fell in each bin, the error part of each bar
 * hatched, and p50/p95/p99 markers told apart by dash pattern and label. */
import '../../i18n/parts/analysis.ts';
import { scaleLinear } from 'd3-scale';
import { localTime } from '../../i18n/format.ts';
import { localTicks } from '../../i18n/numbers.ts';
import { useT, type Translate } from '../../i18n/react.tsx';
import type { LaneHistogram } from '../../analysis/histogram.ts';
import { axisTicks } from '../../analysis/ticks.ts';
import { NOUN_IDS, type Noun } from './nouns.ts';
import { AxisBottom } from './AxisBottom.tsx';
import { AxisLeft } from './AxisLeft.tsx';
import { COLOURS, OKABE_ITO, OUTLINE, PERCENTILE_MARKERS } from './palette.ts';

export interface HistogramPlotProps {
  lane: LaneHistogram;
  domain: readonly [number, number];
  maxCount: number;
  width: number;
  height: number;
  /** What one value is: a response or an email. */
  noun: Noun;
  /** What the hatched part is: "error pages". */
  errorLabel: string;
  /** The id of the hatch pattern defined by the chart. */
  hatchId: string;
}

const MARGIN = { top: 40, right: 16, bottom: 40, left: 44 };

export function HistogramPlot(props: HistogramPlotProps) {
  const { lane, domain, maxCount, width, height, noun, errorLabel, hatchId } = props;
  const t = useT();
  const x = scaleLinear()
    .domain(domain)
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, maxCount)])
    .nice(4)
    .range([height - MARGIN.bottom, MARGIN.top]);
  const base = y(0);
  const [y0, y1] = y.domain();
  const yDomain = [y0!, y1!] as const;
  const errors = lane.bins.reduce((sum, b) => sum + b.errors, 0);
  return (
    <svg
      className="an-svg"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={describe(t, lane, noun, errors, errorLabel)}
    >
      <AxisLeft
        ticks={localTicks(
          t,
          axisTicks('count', yDomain, height - MARGIN.top - MARGIN.bottom, false),
        )}
        y={y}
        x={MARGIN.left}
        gridTo={width - MARGIN.right}
      />
      {lane.bins.map((b) =>
        b.count === 0 ? null : (
          <g key={b.x0}>
            <rect
              x={x(b.x0) + 0.5}
              width={Math.max(1, x(b.x1) - x(b.x0) - 1)}
              y={y(b.count)}
              height={base - y(b.count)}
              fill={COLOURS.worker}
              stroke={OUTLINE}
              strokeWidth={0.75}
            />
            {b.errors > 0 ? (
              <rect
                x={x(b.x0) + 0.5}
                width={Math.max(1, x(b.x1) - x(b.x0) - 1)}
                y={y(b.errors)}
                height={base - y(b.errors)}
                fill={`url(#${hatchId})`}
                stroke={OUTLINE}
                strokeWidth={0.75}
              />
            ) : null}
          </g>
        ),
      )}
      {lane.percentiles
        ? PERCENTILE_MARKERS.map((m, i) => {
            const at = x(lane.percentiles![m.key]);
            const nearRight = at > width - MARGIN.right - 90;
            return (
              <g key={m.key}>
                <line
                  x1={at}
                  x2={at}
                  y1={MARGIN.top - 30 + i * 11}
                  y2={base}
                  stroke={OKABE_ITO.vermillion}
                  strokeWidth={1.5}
                  strokeDasharray={m.dash}
                />
                <text
                  x={nearRight ? at - 4 : at + 4}
                  y={MARGIN.top - 22 + i * 11}
                  textAnchor={nearRight ? 'end' : 'start'}
                  fontSize={11}
                  fill="currentColor"
                >
                  {`${m.label} ${localTime(t, lane.percentiles![m.key])}`}
                </text>
              </g>
            );
          })
        : null}
      <AxisBottom
        ticks={localTicks(t, axisTicks('time', domain, width - MARGIN.left - MARGIN.right, true))}
        x={x}
        y={base}
        range={[MARGIN.left, width - MARGIN.right]}
      />
    </svg>
  );
}

function describe(
  t: Translate,
  lane: LaneHistogram,
  noun: Noun,
  errors: number,
  errorLabel: string,
): string {
  const p = lane.percentiles;
  return t('analysis.histogram.aria', {
    lane: lane.label,
    counted: t(NOUN_IDS[noun], { count: lane.count }),
    percentiles: p ? 'yes' : 'no',
    p50: p ? localTime(t, p.p50) : '',
    p95: p ? localTime(t, p.p95) : '',
    p99: p ? localTime(t, p.p99) : '',
    errors,
    errorLabel,
  });
}
