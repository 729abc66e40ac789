/** A vertical axis drawn by React from ticks that a d3 scale computed, with faint grid lines. */
export interface AxisLeftProps {
  ticks: readonly number[];
  y: (value: number) => number;
  /** Where the axis line sits, in SVG units. */
  x: number;
  /** How far right the grid lines reach. */
  gridTo: number;
  format: (value: number) => string;
}

export function AxisLeft({ ticks, y, x, gridTo, format }: AxisLeftProps) {
  return (
    <g className="an-axis" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t} transform={`translate(0,${y(t)})`}>
          <line x1={x} x2={gridTo} stroke="currentColor" strokeOpacity={0.15} />
          <text x={x - 6} dy="0.32em" textAnchor="end" fontSize={11} fill="currentColor">
            {format(t)}
          </text>
        </g>
      ))}
    </g>
  );
}
