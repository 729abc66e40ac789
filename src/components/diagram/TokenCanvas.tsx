/** The token layer: a canvas over the diagram, redrawn on every frame from the engine's view and
 * the simulated time, without any React render. Clicking a token opens its order's timeline. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Mode } from '../../engine/index.ts';
import { useFrame, useHandles } from '../../store/react/hooks.ts';
import { FOCUS_LABEL_UNITS, drawTokens, tokenAt, type WaitRings } from './drawTokens.ts';
import { LABEL_UNITS } from './drawWaits.ts';
import { FrameBudget, MOVING_AT, type Detail } from './frameBudget.ts';
import type { DiagramLayout } from './geometry.ts';
import { TokenBuffer, layoutTokens } from './layoutTokens.ts';
import { MotionIn } from '../motion/MotionIn.tsx';

/** How often (in frames) the token count is written to the DOM for the benchmark to read. */
const COUNT_EVERY = 15;

/** Where the focus ring's anchor starts: hidden, until a frame places it. */
const RING_START = { left: '0%', top: '0%', opacity: 0 };

export function TokenCanvas({ mode, layout }: { mode: Mode; layout: DiagramLayout }) {
  const { simulator, page } = useHandles();
  // The layout the frame callback reads (it runs outside React's renders).
  const geo = useRef(layout);
  useLayoutEffect(() => {
    geo.current = layout;
  }, [layout]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const buffer = useRef<TokenBuffer | null>(null);
  const ctx = useRef<CanvasRenderingContext2D | null>(null);
  const frames = useRef(0);
  // The countdown rings' settings, reused every frame: retry counters only where they read at
  // 10 px or more; the focused order's label at 10 px at least (12 on a phone); set on resize.
  const waits = useRef<WaitRings>({ nowMs: 0, labelPx: 0, focusPx: 14, drawn: 0 });
  const drawnRings = useRef(-1);
  // How much to draw while playing, from how long the last frames took; a paused frame has time
  // for everything.
  const budget = useRef<FrameBudget | null>(null);
  const drawnDetail = useRef<Detail | -1>(-1);
  // The focus ring: an HTML ring over the canvas whose anchor the frame callback moves with the
  // focused order's first token (style writes, in the frame the canvas draws: no React render
  // per frame), and that pops in (framer-motion) when the focus moves to another order.
  const anchor = useRef<HTMLDivElement>(null);
  const ringAt = useRef({ left: '', top: '' });
  const [ringFor, setRingFor] = useState(0);
  const lastRing = useRef(0);

  const draw = () => {
    const el = canvas.current;
    // jsdom and very old browsers have no Path2D: the diagram still works without tokens.
    if (!el || typeof Path2D === 'undefined') return;
    ctx.current ??= el.getContext('2d', { desynchronized: true });
    const c = ctx.current;
    if (!c || el.width === 0) return;
    buffer.current ??= new TokenBuffer();
    budget.current ??= new FrameBudget();
    const detail = simulator.store.getState().playing ? budget.current.frame() : 0;
    const lane = simulator.lane(mode);
    layoutTokens(
      {
        mode,
        layout: geo.current,
        nowMs: lane.nowMs,
        view: simulator.view(mode),
        flights: lane.flights,
        dlqOrders: lane.dlqOrders,
        steps: page.getState().reducedMotion,
        maxMoving: MOVING_AT[detail],
      },
      buffer.current,
    );
    // The order a caption points at, or the one the user picked.
    const focus = page.getState().selected?.order ?? simulator.store.getState().focusOrder;
    waits.current.nowMs = lane.nowMs;
    waits.current.focusOnly = detail > 0;
    const ringed = drawTokens(
      c,
      buffer.current,
      geo.current,
      el.width / geo.current.w,
      focus,
      waits.current,
      page.getState().theme,
    );
    if (frames.current++ % COUNT_EVERY === 0) el.dataset.tokens = String(buffer.current.count);
    // How many countdown rings are drawn, for tests: written when it changes, so a paused frame
    // says it too.
    if (drawnRings.current !== waits.current.drawn) {
      drawnRings.current = waits.current.drawn;
      el.dataset.rings = String(drawnRings.current);
    }
    // The level of detail drawn, for tests and bench:ui: written when it changes.
    if (drawnDetail.current !== detail) {
      drawnDetail.current = detail;
      el.dataset.detail = String(detail);
    }
    const focused = ringed > 0 ? String(focus) : '';
    if (el.dataset.focus !== focused) el.dataset.focus = focused;
    placeRing(ringed > 0 ? focus : 0);
  };

  const placeRing = (focus: number) => {
    const buf = buffer.current;
    let at = -1;
    if (focus > 0 && buf) {
      for (let i = 0; i < buf.count; i++) {
        if (buf.order[i] === focus) {
          at = i;
          break;
        }
      }
    }
    const style = anchor.current?.style;
    if (at < 0 || !buf) {
      if (style && style.opacity !== '0') style.opacity = '0';
      return;
    }
    const left = `${(buf.x[at]! / geo.current.w) * 100}%`;
    const top = `${(buf.y[at]! / geo.current.h) * 100}%`;
    // Written only when they change (a paused frame writes nothing); compared with what was
    // written, since the browser may read a percentage back rounded.
    if (style && (ringAt.current.left !== left || ringAt.current.top !== top)) {
      ringAt.current = { left, top };
      style.left = left;
      style.top = top;
    }
    if (style && style.opacity !== '1') style.opacity = '1';
    if (lastRing.current !== focus) {
      lastRing.current = focus;
      setRingFor(focus);
    }
  };
  useFrame(draw);
  // The newest draw, for the resize observer and the page store's listener set up once below:
  // draw reads the lane and the mode, which a later render may change.
  const latestDraw = useRef(draw);
  useEffect(() => {
    latestDraw.current = draw;
  });

  useEffect(() => {
    const el = canvas.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const dpr = Math.min(window.devicePixelRatio || 1, 2);
      const rect = el.getBoundingClientRect();
      el.width = Math.round(rect.width * dpr);
      el.height = Math.round(rect.height * dpr);
      const k = rect.width / geo.current.w;
      const floor = geo.current.kind === 'tall' ? 12 : 10;
      waits.current.labelPx =
        k * LABEL_UNITS >= 10 ? Math.round(Math.max(k * LABEL_UNITS, floor) * dpr) : 0;
      waits.current.focusPx = Math.round(Math.max(k * FOCUS_LABEL_UNITS, floor) * dpr);
      // The focused order's label size in CSS px, for tests.
      el.dataset.labelPx = (waits.current.focusPx / dpr).toFixed(1);
      latestDraw.current();
    });
    observer.observe(el);
    // Switching reduced motion or the theme, or picking an order, redraws at once, even while
    // paused.
    const unsubscribe = page.subscribe((s, prev) => {
      if (
        s.reducedMotion !== prev.reducedMotion ||
        s.selected !== prev.selected ||
        s.theme !== prev.theme
      ) {
        latestDraw.current();
      }
    });
    return () => {
      observer.disconnect();
      unsubscribe();
    };
  }, [page]);

  return (
    <>
      <canvas
        ref={canvas}
        className="token-canvas"
        aria-hidden="true"
        data-testid={`tokens-${mode}`}
        onClick={(e) => {
          const el = canvas.current;
          if (!el || !buffer.current) return;
          const rect = el.getBoundingClientRect();
          const k = geo.current.w / rect.width;
          const order = tokenAt(
            buffer.current,
            (e.clientX - rect.left) * k,
            (e.clientY - rect.top) * k,
            12,
          );
          if (order > 0) page.getState().select({ mode, order });
        }}
      />
      <div ref={anchor} className="focus-ring-anchor" style={RING_START}>
        {ringFor > 0 && (
          <MotionIn
            key={ringFor}
            as="div"
            className="focus-ring"
            aria-hidden="true"
            initial={{ scale: 3.2, opacity: 0 }}
            animate={{ scale: 1, opacity: 1 }}
            transition={{ duration: 0.45, ease: 'easeOut' }}
          />
        )}
      </div>
    </>
  );
}
