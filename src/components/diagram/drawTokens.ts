/** Paints a frame's tokens on a 2D canvas. Each kind is drawn once into a small sprite at the
 * canvas's scale, and the frame then only copies sprites: far cheaper than filling and stroking a
 * path per token, which matters when a browser rasterises in software. */
import { drawWaits, setFont } from './drawWaits.ts';
import { FOCUS_RADIUS, labelBelow } from './geometry.ts';
import type { TokenBuffer } from './layoutTokens.ts';
import { TOKEN_KINDS, TOKEN_OUTLINE, TOKEN_STYLES, markColour, type TokenKind } from './tokens.ts';

export { labelBelow };

/** Half the width of the box a token's shape fits in, in diagram units. */
const HALF = 7.5;

/** Countdown rings to draw with the tokens (drawWaits.ts): the moment shown, whether the retry
 * counters are large enough to read, and, written back, how many rings were drawn. */
export interface WaitRings {
  nowMs: number;
  labels: boolean;
  drawn: number;
}

interface Sprites {
  scale: number;
  half: number;
  images: HTMLCanvasElement[];
}

/** Sprites by scale: the two lanes' canvases can differ in size, and one shared set was redrawn
 * twice a frame, canvases and all. */
const spriteSets = new Map<number, Sprites>();

function drawShape(ctx: CanvasRenderingContext2D, kind: TokenKind): void {
  const style = TOKEN_STYLES[kind];
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  if (style.fill) {
    const path = new Path2D(style.fill);
    ctx.fillStyle = style.colour;
    ctx.fill(path);
    ctx.strokeStyle = TOKEN_OUTLINE;
    ctx.lineWidth = 1.1;
    ctx.stroke(path);
  }
  if (style.stroke) {
    ctx.strokeStyle = style.colour;
    ctx.lineWidth = 2.8;
    ctx.stroke(new Path2D(style.stroke));
  }
  if (style.mark) {
    ctx.strokeStyle = markColour(kind);
    ctx.lineWidth = 1;
    ctx.stroke(new Path2D(style.mark));
  }
}

function spritesFor(scale: number): Sprites {
  const known = spriteSets.get(scale);
  if (known) return known;
  const half = Math.ceil(HALF * scale);
  const images = TOKEN_KINDS.map((kind) => {
    const image = document.createElement('canvas');
    image.width = image.height = half * 2;
    const ctx = image.getContext('2d');
    if (ctx) {
      ctx.setTransform(scale, 0, 0, scale, half, half);
      drawShape(ctx, kind);
    }
    return image;
  });
  const sprites = { scale, half, images };
  // A resized window leaves old scales behind: keep the few in use.
  if (spriteSets.size >= 4) spriteSets.delete(spriteSets.keys().next().value!);
  spriteSets.set(scale, sprites);
  return sprites;
}

/** Draws the buffer's tokens; `scale` is device pixels per diagram unit. With `focus` (an order
 * number), that order's tokens are drawn last, ringed and labelled "#N", and the others dimmed,
 * so the eye finds the order a caption talks about. With `waits`, the countdown rings go between
 * the two. Returns how many tokens were ringed for the focus. */
export function drawTokens(
  ctx: CanvasRenderingContext2D,
  buf: TokenBuffer,
  scale: number,
  focus = 0,
  waits?: WaitRings,
): number {
  const { half, images } = spritesFor(Math.round(scale * 100) / 100);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  let focused = 0;
  ctx.globalAlpha = focus > 0 ? 0.35 : 1;
  for (let i = 0; i < buf.count; i++) {
    if (focus > 0 && buf.order[i] === focus) {
      focused++;
      continue;
    }
    // Whole pixels: copying a sprite without resampling is the cheap path.
    ctx.drawImage(
      images[buf.kind[i]!]!,
      Math.round(buf.x[i]! * scale) - half,
      Math.round(buf.y[i]! * scale) - half,
    );
  }
  ctx.globalAlpha = 1;
  if (waits)
    waits.drawn = drawWaits(ctx, buf, scale, waits.nowMs, focused > 0 ? focus : 0, waits.labels);
  if (focused === 0) return 0;
  for (let i = 0; i < buf.count; i++) {
    if (buf.order[i] !== focus) continue;
    const x = Math.round(buf.x[i]! * scale);
    const y = Math.round(buf.y[i]! * scale);
    drawRing(ctx, x, y, scale, `#${focus}`, labelBelow(buf.x[i]!, buf.y[i]!));
    ctx.drawImage(images[buf.kind[i]!]!, x - half, y - half);
  }
  return focused;
}

/** A ring round a focused token and its order number above it (or below, clear of a node's
 * words), in the accent colour with a white halo so it reads on any fill. */
function drawRing(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  scale: number,
  label: string,
  below: boolean,
) {
  const r = FOCUS_RADIUS * scale;
  ctx.lineWidth = 3 * scale;
  ctx.strokeStyle = '#ffffff';
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.stroke();
  ctx.lineWidth = 2 * scale;
  ctx.strokeStyle = '#0a5bb0';
  ctx.stroke();
  setFont(ctx, `700 ${Math.round(14 * scale)}px system-ui, sans-serif`);
  ctx.textAlign = 'center';
  ctx.textBaseline = below ? 'top' : 'bottom';
  const ly = below ? y + r + 2 * scale : y - r - 2 * scale;
  ctx.lineWidth = 4 * scale;
  ctx.strokeStyle = '#ffffff';
  ctx.strokeText(label, x, ly);
  ctx.fillStyle = '#0a5bb0';
  ctx.fillText(label, x, ly);
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
