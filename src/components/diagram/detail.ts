/** The diagram's level of detail. At full detail each node shows its status lines; when the
 * diagram is drawn too small for them to read, each node shows its title and one big number. */

export type Detail = 'full' | 'compact';

/** The smallest text of each level, in diagram units (diagram.css keeps to these). */
export const SMALLEST_TEXT: Record<Detail, number> = { full: 13, compact: 21 };

/** The smallest text we let a diagram show, in CSS pixels. */
export const READABLE_PX = 12;

/** Full detail while its smallest text stays readable at this drawn width of a layout `layoutW`
 * units wide; else compact. */
export function detailFor(drawnWidthPx: number, layoutW: number): Detail {
  return (drawnWidthPx / layoutW) * SMALLEST_TEXT.full >= READABLE_PX ? 'full' : 'compact';
}
