/** Which layout a lane's diagram draws and at what level of detail, kept up to date as the window
 * and the diagram resize. A phone (a window under 600 px wide, not an embed, whose frame is a
 * slide's fixed box) draws the tall layout; everything else the wide one. What the lane's and the
 * diagram's sizes mean for what sits around the diagram is written on the lane (laneFit.ts). */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Flow, Mode } from '../../engine/index.ts';
import { useT } from '../../i18n/react.tsx';
import { useLaneFlow } from '../useLaneFlow.ts';
import { usePage } from '../share/pageContext.ts';
import { detailFor, type Detail } from './detail.ts';
import type { DiagramLayout } from './geometry.ts';
import { writeLaneFit } from './laneFit.ts';
import { canLayOut, FLOW_LAYOUT, layoutFor } from './layouts.ts';
import { localFlow } from './localFlow.ts';

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

/** Whether the flow's layout can be drawn now; a flow other than the checkout loads what draws it
 * first (layouts.ts, FLOW_LAYOUT), and an Error says it could not be loaded. */
function useFlowLayout(flow: Flow): boolean | Error {
  const ready = canLayOut(flow);
  const [failed, setFailed] = useState<Error | null>(null);
  const [, setLoaded] = useState(false);
  useEffect(() => {
    if (ready) return;
    let live = true;
    FLOW_LAYOUT.load().then(
      () => live && setLoaded(true),
      () => live && setFailed(new Error('It could not be loaded: reload the page.')),
    );
    return () => {
      live = false;
    };
  }, [ready]);
  return ready || (failed ?? false);
}

/** `layout` is undefined while the layout of a flow other than the checkout loads (a moment, the
 * first time a lane runs one), and `failed` says when it could not be loaded. */
export function useDiagramFit(mode: Mode) {
  const { embed } = usePage().page;
  const narrow = useSyncExternalStore(subscribe, narrowNow, () => false);
  const t = useT();
  const flow = localFlow(t, useLaneFlow(mode));
  const ready = useFlowLayout(flow);
  const kind = narrow && !embed ? 'tall' : 'wide';
  const layout: DiagramLayout | undefined =
    ready === true ? layoutFor(kind, mode, flow, t.locale === 'en') : undefined;
  const ref = useRef<HTMLDivElement>(null);
  const [detail, setDetail] = useState<Detail>('full');
  const layoutW = layout?.w ?? 0;
  const ratio = layout ? layout.w / layout.h : 0;
  useEffect(() => {
    const el = ref.current;
    if (ratio === 0) return;
    const lane = el?.closest<HTMLElement>('.lane');
    const fit = el?.parentElement;
    if (!el || !lane || !fit || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      // The diagram as large as the room lets it be at its proportions. Written here rather than
      // with CSS container units: a size container restyles everything inside it whenever it is
      // laid out, which a playing run does every frame (the node statuses' text changes), and
      // that cost 4-10 ms a frame. ResizeObserver answers before the frame paints.
      const w = Math.min(fit.clientWidth, fit.clientHeight * ratio);
      const width = `${Math.max(0, w).toFixed(2)}px`;
      if (el.style.getPropertyValue('--diagram-w') !== width) {
        el.style.setProperty('--diagram-w', width);
      }
      const drawnW = el.getBoundingClientRect().width;
      if (drawnW <= 0) return;
      setDetail(detailFor(drawnW, layoutW));
      const style = getComputedStyle(lane);
      const laneW =
        lane.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const laneH =
        lane.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      writeLaneFit(lane, { laneW, laneH, drawnW, layoutW, fitW: fit.clientWidth });
    });
    observer.observe(el);
    observer.observe(fit);
    observer.observe(lane);
    return () => observer.disconnect();
  }, [layoutW, ratio]);
  return { ref, layout, detail, flow, failed: ready instanceof Error ? ready : null };
}
