/** A node's title that fits its node in any language: measured as drawn, a title wider than its
 * room ("Consumidores" in the workers' 118-unit box) is set smaller, never under the diagram's
 * smallest text, rather than run into its neighbour. */
import { SMALLEST_TEXT, type Detail } from './detail.ts';
import { useTextWidth } from './useTextWidth.ts';

/** The title's size in diagram units at each level of detail (diagram.css, .node-title). */
const TITLE_UNITS: Record<Detail, number> = { full: 18, compact: 21 };

export function NodeTitle({
  text,
  x,
  y,
  room,
  detail,
  anchor,
}: {
  text: string;
  x: number;
  y: number;
  /** The width the title may take, in diagram units. */
  room: number;
  detail: Detail;
  anchor: 'start' | 'middle';
}) {
  const [ref, width] = useTextWidth(text, 0);
  const size = TITLE_UNITS[detail];
  const fitted = width > room ? Math.max(SMALLEST_TEXT[detail], (size * room) / width) : null;
  return (
    <text
      ref={ref}
      className="node-title"
      x={x}
      y={y}
      textAnchor={anchor}
      style={fitted === null ? undefined : { fontSize: `${fitted.toFixed(1)}px` }}
    >
      {text}
    </text>
  );
}
