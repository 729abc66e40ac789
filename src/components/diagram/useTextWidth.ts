/** The rendered width of an SVG text, for pills that fit their words whatever the font; jsdom
 * cannot measure, and then the estimate stands. */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

export function useTextWidth(
  text: string,
  estimate: number,
): [RefObject<SVGTextElement | null>, number] {
  const ref = useRef<SVGTextElement>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const w = el && typeof el.getComputedTextLength === 'function' ? el.getComputedTextLength() : 0;
    setMeasured(w > 0 ? w : null);
  }, [text]);
  return [ref, measured ?? estimate];
}
