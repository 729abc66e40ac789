/** A horizontal axis drawn by React from ticks computed by axisTicks (src/analysis/ticks.ts). */
import type { Tick } from '../../analysis/ticks.ts';

export interface AxisBottomProps {
  ticks: readonly Tick[];
  x: (value: number) => number;
  /** Where the axis line sits, in SVG units. */
  y: number;
  /** The left and right ends of the axis line. */
  range: readonly [number, number];
  /** A caption under the ticks, e.g. "time since the order was placed". */
  label?: string;
}

export function AxisBottom({ ticks, x, y, range, label }: AxisBottomProps) {
  return (
    <g className="an-axis" aria-hidden="true">
      <line x1={range[0]} x2={range[1]} y1={y} y2={y} stroke="currentColor" />
      {ticks.map((t) => (
        <g key={t.value} transform={`translate(${x(t.value)},${y})`}>
          <line y2={5} stroke="currentColor" />
          <text y={17} textAnchor="middle" fontSize={11} fill="currentColor">
            {t.label}
          </text>
        </g>
      ))}
      {label ? (
        <text
          x={(range[0] + range[1]) / 2}
          y={y + 32}
          textAnchor="middle"
          fontSize={11}
          fill="currentColor"
        >
          {label}
        </text>
      ) : null}
    </g>
  );
}
