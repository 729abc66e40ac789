/** SVG path strings for the time-series charts, computed with d3-shape so that components only
 * draw `<path d>`. Every function returns '' rather than a path with NaN in it. */
import { area, curveLinear, curveStepBefore, line } from 'd3-shape';

export type Scale = (value: number) => number;

interface Timed {
  tMs: number;
}

/** A step area from the baseline up to `value`, each point's value held over the interval that
 * ends at it (the series record what happened in the interval), starting from zero at time 0. */
export function stepAreaPath<P extends Timed>(
  points: readonly P[],
  value: (p: P) => number,
  x: Scale,
  y: Scale,
): string {
  if (points.length === 0) return '';
  const xs = [0, ...points.map((p) => p.tMs)];
  const ys = [0, ...points.map(value)];
  const path = area<number>()
    .x((i) => x(xs[i]!))
    .y0(y(0))
    .y1((i) => y(ys[i]!))
    .defined((i) => Number.isFinite(x(xs[i]!)) && Number.isFinite(y(ys[i]!)))
    .curve(curveStepBefore)(xs.map((_, i) => i));
  return path ?? '';
}

/** A line through the points, stepped like `stepAreaPath` or straight. */
export function linePath<P extends Timed>(
  points: readonly P[],
  value: (p: P) => number,
  x: Scale,
  y: Scale,
  stepped = false,
): string {
  if (points.length === 0) return '';
  const path = line<P>()
    .x((p) => x(p.tMs))
    .y((p) => y(value(p)))
    .defined((p) => Number.isFinite(x(p.tMs)) && Number.isFinite(y(value(p))))
    .curve(stepped ? curveStepBefore : curveLinear)(points);
  return path ?? '';
}
