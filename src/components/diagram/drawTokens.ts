/** Paints a frame's tokens on a 2D canvas, kind by kind so each style is set once per frame. */
import type { TokenBuffer } from './layoutTokens.ts';
import { TOKEN_KINDS, TOKEN_OUTLINE, TOKEN_STYLES, markColour } from './tokens.ts';

interface KindPaths {
  fill: Path2D | null;
  stroke: Path2D | null;
  mark: Path2D | null;
}

let cached: KindPaths[] | null = null;

function paths(): KindPaths[] {
  cached ??= TOKEN_KINDS.map((kind) => {
    const style = TOKEN_STYLES[kind];
    return {
      fill: style.fill ? new Path2D(style.fill) : null,
      stroke: style.stroke ? new Path2D(style.stroke) : null,
      mark: style.mark ? new Path2D(style.mark) : null,
    };
  });
  return cached;
}

/** Draws the buffer's tokens; `scale` is device pixels per diagram unit. */
export function drawTokens(ctx: CanvasRenderingContext2D, buf: TokenBuffer, scale: number): void {
  const all = paths();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (let k = 0; k < TOKEN_KINDS.length; k++) {
    const kind = TOKEN_KINDS[k]!;
    const style = TOKEN_STYLES[kind];
    const p = all[k]!;
    if (p.fill) {
      ctx.fillStyle = style.colour;
      ctx.strokeStyle = TOKEN_OUTLINE;
      ctx.lineWidth = 1.1;
    } else {
      ctx.strokeStyle = style.colour;
      ctx.lineWidth = 2.8;
    }
    const mark = markColour(kind);
    for (let i = 0; i < buf.count; i++) {
      if (buf.kind[i] !== k) continue;
      ctx.setTransform(scale, 0, 0, scale, buf.x[i]! * scale, buf.y[i]! * scale);
      if (p.fill) {
        ctx.fill(p.fill);
        ctx.stroke(p.fill);
        if (p.mark) {
          ctx.strokeStyle = mark;
          ctx.lineWidth = 1;
          ctx.stroke(p.mark);
          ctx.strokeStyle = TOKEN_OUTLINE;
          ctx.lineWidth = 1.1;
        }
      } else if (p.stroke) {
        ctx.stroke(p.stroke);
      }
    }
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}

/** The order of the token nearest to (x, y) in diagram units, within `radius`, or 0. */
export function tokenAt(buf: TokenBuffer, x: number, y: number, radius: number): number {
  let best = 0;
  let bestD = radius * radius;
  for (let i = 0; i < buf.count; i++) {
    const dx = buf.x[i]! - x;
    const dy = buf.y[i]! - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = buf.order[i]!;
    }
  }
  return best;
}
