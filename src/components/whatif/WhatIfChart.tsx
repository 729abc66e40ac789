/** The "What if?" plot: one line per lane over the setting's values, the current value marked by
 * a dashed rule, and one button per value (a column the height of the plot) that sets it. */
import '../../i18n/parts/analysis.ts';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Mode } from '../../engine/index.ts';
import type { WhatIfResult } from '../../analysis/whatif.ts';
import { axisTicks, type AxisKind } from '../../analysis/ticks.ts';
import { AxisBottom } from '../analysis/AxisBottom.tsx';
import { AxisLeft } from '../analysis/AxisLeft.tsx';
import { LegendLine } from '../analysis/LanePlots.tsx';
import { OKABE_ITO } from '../analysis/palette.ts';
import { localTicks } from '../../i18n/numbers.ts';
import { useT } from '../../i18n/react.tsx';

/** Each lane's line, and its name: `mode.sync`, `mode.async`. */
export const LANE_STYLE: Record<
  Mode,
  { label: 'mode.sync' | 'mode.async'; colour: string; dash?: string }
> = {
  sync: { label: 'mode.sync', colour: OKABE_ITO.vermillion },
  async: { label: 'mode.async', colour: OKABE_ITO.blue, dash: '6 3' },
};

export interface WhatIfChartProps {
  results: readonly WhatIfResult[];
  metric: string;
  modes: readonly Mode[];
  currentX: number;
  width: number;
  formatX(x: number): string;
  formatY(y: number): string;
  /** What the metric is, for its axis: counts get whole-number ticks, times seconds. */
  yKind: AxisKind;
  settingLabel: string;
  /** The setting's name inside a sentence ("the mean time to charge the card"). */
  settingPhrase?: string;
  metricLabel: string;
  onPick(result: WhatIfResult): void;
}

const HEIGHT = 220;
const MARGIN = { top: 12, right: 16, bottom: 34, left: 64 };

export function WhatIfChart(props: WhatIfChartProps) {
  const { results, metric, modes, currentX, width, formatX, formatY } = props;
  const t = useT();
  const phrase = props.settingPhrase ?? props.settingLabel.toLowerCase();
  const laneName = (m: Mode) => t(LANE_STYLE[m].label);
  const xs = results.map((r) => r.x);
  const xMin = Math.min(...xs, currentX);
  const xMax = Math.max(...xs, currentX);
  let yMax = 0;
  for (const r of results) for (const m of modes) yMax = Math.max(yMax, r.metrics[m][metric] ?? 0);
  const x = scaleLinear()
    .domain([xMin, xMax === xMin ? xMin + 1 : xMax])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, yMax > 0 ? yMax : 1])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const columnWidth = Math.max(
    4,
    (width - MARGIN.left - MARGIN.right) / Math.max(1, results.length),
  );
  return (
    <div className="whatif-chart">
      <p className="an-legend">
        {modes.map((m) => (
          <span key={m}>
            <LegendLine colour={LANE_STYLE[m].colour} dash={LANE_STYLE[m].dash} />{' '}
            {laneName(m)}{' '}
          </span>
        ))}
        <span>
          <LegendLine colour="currentColor" dash="2 3" /> {t('whatif.now')}
        </span>
      </p>
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="group"
        aria-label={t('whatif.chartAria', { metric: props.metricLabel, setting: phrase })}
      >
        <AxisLeft
          ticks={localTicks(
            t,
            axisTicks(props.yKind, [0, y.domain()[1]!], HEIGHT - MARGIN.top - MARGIN.bottom, false),
          )}
          y={y}
          x={MARGIN.left}
          gridTo={width - MARGIN.right}
        />
        <AxisBottom
          ticks={x.ticks(6).map((value) => ({ value, label: formatX(value) }))}
          x={x}
          y={HEIGHT - MARGIN.bottom}
          range={[MARGIN.left, width - MARGIN.right]}
        />
        <line
          className="whatif-now"
          x1={x(currentX)}
          x2={x(currentX)}
          y1={MARGIN.top}
          y2={HEIGHT - MARGIN.bottom}
          stroke="currentColor"
          strokeDasharray="2 3"
        />
        {modes.map((m) => {
          const path = line<WhatIfResult>()
            .x((r) => x(r.x))
            .y((r) => y(r.metrics[m][metric] ?? 0))(results);
          return (
            <g key={m} data-lane={m}>
              <path
                className="whatif-curve"
                d={path ?? ''}
                fill="none"
                stroke={LANE_STYLE[m].colour}
                strokeWidth={2}
                strokeDasharray={LANE_STYLE[m].dash}
              />
              {results.map((r) => (
                <circle
                  key={r.x}
                  cx={x(r.x)}
                  cy={y(r.metrics[m][metric] ?? 0)}
                  r={r.x === currentX ? 5 : 3}
                  fill={LANE_STYLE[m].colour}
                  stroke="#1b2a38"
                />
              ))}
            </g>
          );
        })}
        {results.map((r) => {
          // Each lane's value at this point, in a list the language punctuates.
          const values = modes
            .map((m) =>
              t('whatif.laneValue', {
                lane: laneName(m),
                value: formatY(r.metrics[m][metric] ?? 0),
              }),
            )
            .join(t('whatif.listSeparator'));
          return (
            <rect
              key={r.x}
              className="whatif-pick"
              role="button"
              tabIndex={0}
              aria-label={t('whatif.pickAria', {
                setting: phrase,
                value: formatX(r.x),
                values,
              })}
              data-x={r.x}
              x={x(r.x) - columnWidth / 2}
              y={MARGIN.top}
              width={columnWidth}
              height={HEIGHT - MARGIN.top - MARGIN.bottom}
              onClick={() => props.onPick(r)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  props.onPick(r);
                }
              }}
            >
              <title>
                {t('whatif.pointTitle', {
                  value: formatX(r.x),
                  values,
                })}
              </title>
            </rect>
          );
        })}
      </svg>
    </div>
  );
}
