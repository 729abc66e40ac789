/** How many of the close-up's rows are out of sight below (its list, or the close-up itself, is
 * scrolled or cut short by a small window), kept up to date as it scrolls, resizes and changes;
 * a list of rows that scrolls is made focusable (axe: scrollable-region-focusable). */
import { useEffect, useRef, useState } from 'react';

/** Rows that end past the bottom of what shows them (cut, or out of sight altogether). A list
 * that scrolls takes the keyboard's focus, so that its rows can be scrolled to without a mouse. */
function countBelow(root: HTMLElement): number {
  const bottom = root.getBoundingClientRect().bottom;
  let hidden = 0;
  for (const list of root.querySelectorAll<HTMLElement>('.closeup-rows')) {
    const scrolls = list.scrollHeight > list.clientHeight + 1;
    if (scrolls && list.tabIndex !== 0) list.tabIndex = 0;
    if (!scrolls && list.hasAttribute('tabindex')) list.removeAttribute('tabindex');
    const shown = Math.min(bottom, list.getBoundingClientRect().bottom);
    for (const row of list.children) {
      if (row.getBoundingClientRect().bottom > shown + 1) hidden++;
    }
  }
  return hidden;
}

export function useRowsBelow<T extends HTMLElement>(version: unknown) {
  const ref = useRef<T>(null);
  const [below, setBelow] = useState(0);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const update = () => setBelow(countBelow(root));
    update();
    // Once more after the frame: the rows settle after the close-up's first render.
    const frame = requestAnimationFrame(update);
    root.addEventListener('scroll', update, { capture: true, passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    observer?.observe(root);
    for (const list of root.querySelectorAll('.closeup-rows')) observer?.observe(list);
    return () => {
      cancelAnimationFrame(frame);
      root.removeEventListener('scroll', update, { capture: true });
      observer?.disconnect();
    };
  }, [version]);
  return [ref, below] as const;
}
