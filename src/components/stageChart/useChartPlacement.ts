/** Measures the stage and picks where its chart goes (placement.ts), again whenever the stage, a
 * lane or the window changes size. Nothing measured depends on where the chart went (the frame's
 * width, the window's height, a lane's fixed columns), so the choice settles at once. */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { chartPlacement, type ChartPlacement } from './placement.ts';

/** Without layout (jsdom) the chart still renders, below the lanes. */
const UNMEASURED: ChartPlacement = {
  kind: 'below',
  sizePx: 160,
  diagramMinPx: 0,
  lowLanes: false,
};
/** A phone stacks the lanes and the chart at their own heights (stageChart.css). */
const PHONE: ChartPlacement = { kind: 'below', sizePx: 260, diagramMinPx: 0, lowLanes: false };
const PHONE_MAX_PX = 700;

function same(a: ChartPlacement, b: ChartPlacement): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function measure(stage: HTMLElement, lanes: number, presenting: boolean): ChartPlacement {
  if (window.innerWidth <= PHONE_MAX_PX) return PHONE;
  const frame = stage.parentElement;
  const area = stage.closest<HTMLElement>('.stage-area');
  const lane = stage.querySelector<HTMLElement>('.lane');
  const fit = lane?.querySelector<HTMLElement>('.diagram-fit');
  const main = lane?.querySelector<HTMLElement>('.lane-main');
  if (!frame || !area || !lane || !fit || !main) return { kind: 'none' };
  const frameBox = frame.getBoundingClientRect();
  const laneBox = lane.getBoundingClientRect();
  const padBottom = parseFloat(getComputedStyle(area).paddingBottom) || 0;
  return chartPlacement({
    frameW: frameBox.width,
    frameH: window.innerHeight - (frameBox.top - area.getBoundingClientRect().top) - padBottom,
    lanes,
    chromeW: laneBox.width - fit.getBoundingClientRect().width,
    chromeH: laneBox.height - main.getBoundingClientRect().height,
    closeup: lanes === 1 && main.classList.contains('closeup-open'),
    // What test/browser/stage.test.mjs holds the diagrams to.
    tokenPx: presenting ? 16 : 12,
    textPx: presenting ? 14 : 12,
  });
}

export function useChartPlacement(
  active: boolean,
  lanes: number,
  presenting: boolean,
  closeup: boolean,
): [RefObject<HTMLDivElement | null>, ChartPlacement] {
  const ref = useRef<HTMLDivElement>(null);
  const [placement, setPlacement] = useState<ChartPlacement>(() =>
    typeof ResizeObserver === 'undefined' ? UNMEASURED : { kind: 'none' },
  );
  useEffect(() => {
    const stage = ref.current;
    if (!active || !stage || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const next = measure(stage, lanes, presenting);
      setPlacement((prev) => (same(prev, next) ? prev : next));
    };
    const observer = new ResizeObserver(update);
    if (stage.parentElement) observer.observe(stage.parentElement);
    for (const el of stage.querySelectorAll('.lane, .diagram-fit')) observer.observe(el);
    window.addEventListener('resize', update);
    update();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [active, lanes, presenting, closeup]);
  return [ref, placement];
}
