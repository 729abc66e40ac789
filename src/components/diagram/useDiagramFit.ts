/** Which layout a lane's diagram draws and at what level of detail, kept up to date as the window
 * and the diagram resize. A phone (a window under 600 px wide, not an embed, whose frame is a
 * slide's fixed box) draws the tall layout; everything else the wide one. The drawing's scale
 * (CSS px per layout unit) is also written on the lane as `--diagram-k`, so that what sits beside
 * the diagram (its name, the tallies) scales with it in CSS without a React render; none of them
 * changes the diagram's size (fit.css), so this never feeds back into itself. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Mode } from '../../engine/index.ts';
import { usePage } from '../share/pageContext.ts';
import { detailFor, type Detail } from './detail.ts';
import type { DiagramLayout } from './geometry.ts';
import { layoutFor } from './layouts.ts';

/** Below this width the steps are stacked (the tall layout). */
export const PHONE_QUERY = '(max-width: 599px)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function narrowNow(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.(PHONE_QUERY).matches;
}

export function useDiagramFit(mode: Mode) {
  const { embed } = usePage().page;
  const narrow = useSyncExternalStore(subscribe, narrowNow, () => false);
  const layout: DiagramLayout = layoutFor(narrow && !embed ? 'tall' : 'wide', mode);
  const ref = useRef<HTMLDivElement>(null);
  const [detail, setDetail] = useState<Detail>('full');
  const layoutW = layout.w;
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const lane = el.closest<HTMLElement>('.lane');
    const observer = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      if (width <= 0) return;
      setDetail(detailFor(width, layoutW));
      lane?.style.setProperty('--diagram-k', (width / layoutW).toFixed(3));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [layoutW]);
  return { ref, layout, detail };
}
