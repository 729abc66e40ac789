/** The token layer: a canvas over the diagram, redrawn on every frame from the engine's view and
 * the simulated time, without any React render. Clicking a token opens its order's timeline. */
import { useEffect, useRef } from 'react';
import type { Mode } from '../../engine/index.ts';
import { useFrame, useHandles } from '../../store/hooks.ts';
import { drawTokens, tokenAt } from './drawTokens.ts';
import { VIEW_W } from './geometry.ts';
import { TokenBuffer, layoutTokens } from './layoutTokens.ts';

/** How often (in frames) the token count is written to the DOM for the benchmark to read. */
const COUNT_EVERY = 15;

export function TokenCanvas({ mode }: { mode: Mode }) {
  const { simulator, view } = useHandles();
  const canvas = useRef<HTMLCanvasElement>(null);
  const buffer = useRef<TokenBuffer | null>(null);
  const ctx = useRef<CanvasRenderingContext2D | null>(null);
  const frames = useRef(0);

  const draw = () => {
    const el = canvas.current;
    // jsdom and very old browsers have no Path2D: the diagram still works without tokens.
    if (!el || typeof Path2D === 'undefined') return;
    ctx.current ??= el.getContext('2d', { desynchronized: true });
    const c = ctx.current;
    if (!c || el.width === 0) return;
    buffer.current ??= new TokenBuffer();
    const lane = simulator.lane(mode);
    layoutTokens(
      {
        mode,
        nowMs: lane.nowMs,
        view: simulator.view(mode),
        flights: lane.flights,
        dlqOrders: lane.dlqOrders,
        receiveOf: (worker) => lane.receiveOf(worker),
        steps: view.getState().reducedMotion,
      },
      buffer.current,
    );
    // The order a caption points at, or the one the user picked.
    const focus = view.getState().selected?.order ?? simulator.store.getState().focusOrder;
    const ringed = drawTokens(c, buffer.current, el.width / VIEW_W, focus);
    if (frames.current++ % COUNT_EVERY === 0) el.dataset.tokens = String(buffer.current.count);
    const focused = ringed > 0 ? String(focus) : '';
    if (el.dataset.focus !== focused) el.dataset.focus = focused;
  };
  useFrame(draw);

  useEffect(() => {
    const el = canvas.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const dpr = Math.min(window.devicePixelRatio || 1, 2);
      const rect = el.getBoundingClientRect();
      el.width = Math.round(rect.width * dpr);
      el.height = Math.round(rect.height * dpr);
      draw();
    });
    observer.observe(el);
    // Switching reduced motion or picking an order redraws at once, even while paused.
    const unsubscribe = view.subscribe((s, prev) => {
      if (s.reducedMotion !== prev.reducedMotion || s.selected !== prev.selected) draw();
    });
    return () => {
      observer.disconnect();
      unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- draw reads refs only
  }, []);

  return (
    <canvas
      ref={canvas}
      className="token-canvas"
      aria-hidden="true"
      data-testid={`tokens-${mode}`}
      onClick={(e) => {
        const el = canvas.current;
        if (!el || !buffer.current) return;
        const rect = el.getBoundingClientRect();
        const k = VIEW_W / rect.width;
        const order = tokenAt(
          buffer.current,
          (e.clientX - rect.left) * k,
          (e.clientY - rect.top) * k,
          12,
        );
        if (order > 0) view.getState().select({ mode, order });
      }}
    />
  );
}
