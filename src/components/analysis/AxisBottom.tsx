/** A horizontal axis drawn by React from ticks that a d3 scale computed. */
export interface AxisBottomProps {
  ticks: readonly number[];
  x: (value: number) => number;
  /** Where the axis line sits, in SVG units. */
  y: number;
  /** The left and right ends of the axis line. */
  range: readonly [number, number];
  format: (value: number) => string;
  /** A caption under the ticks, e.g. "time since the order was placed". */
  label?: string;
}

export function AxisBottom({ ticks, x, y, range, format, label }: AxisBottomProps) {
  return (
    <g className="an-axis" aria-hidden="true">
      <line x1={range[0]} x2={range[1]} y1={y} y2={y} stroke="currentColor" />
      {ticks.map((t) => (
        <g key={t} transform={`translate(${x(t)},${y})`}>
          <line y2={5} stroke="currentColor" />
          <text y={17} textAnchor="middle" fontSize={11} fill="currentColor">
            {format(t)}
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
