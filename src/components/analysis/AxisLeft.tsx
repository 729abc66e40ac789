/** A vertical axis drawn by React from ticks computed by axisTicks (src/analysis/ticks.ts), with
 * faint grid lines. */
import type { Tick } from '../../analysis/ticks.ts';

export interface AxisLeftProps {
  ticks: readonly Tick[];
  y: (value: number) => number;
  /** Where the axis line sits, in SVG units. */
  x: number;
  /** How far right the grid lines reach. */
  gridTo: number;
}

export function AxisLeft({ ticks, y, x, gridTo }: AxisLeftProps) {
  return (
    <g className="an-axis" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t.value} transform={`translate(0,${y(t.value)})`}>
          <line x1={x} x2={gridTo} stroke="currentColor" strokeOpacity={0.15} />
          <text x={x - 6} dy="0.32em" textAnchor="end" fontSize={11} fill="currentColor">
            {t.label}
          </text>
        </g>
      ))}
    </g>
  );
}
