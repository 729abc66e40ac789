/** The rendered width of an SVG text, for pills that fit their words whatever the font; jsdom
 * cannot measure, and then the estimate stands. */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { afterFirstScreen } from '../afterPaint.ts';

export function useTextWidth(
  text: string,
  estimate: number,
): [RefObject<SVGTextElement | null>, number] {
  const ref = useRef<SVGTextElement>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      const w =
        el && typeof el.getComputedTextLength === 'function' ? el.getComputedTextLength() : 0;
      setMeasured(w > 0 ? w : null);
    };
    // In the page's first render, measured once that render is on screen: measuring forced the
    // page's first layout inside the commit, and the widths it set laid the diagrams out again,
    // all before a slow phone painted anything (about a fifth of its first paint's time). The
    // first frames show the estimate.
    return afterFirstScreen(measure);
  }, [text]);
  return [ref, measured ?? estimate];
}
