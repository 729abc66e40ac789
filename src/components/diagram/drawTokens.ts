/** Paints a frame's tokens on a 2D canvas. Each kind is drawn once into a small sprite at the
 * canvas's scale, and the frame then only copies sprites: far cheaper than filling and stroking a
 * path per token, which matters when a browser rasterises in software. */
import type { TokenBuffer } from './layoutTokens.ts';
import { TOKEN_KINDS, TOKEN_OUTLINE, TOKEN_STYLES, markColour, type TokenKind } from './tokens.ts';

/** Half the width of the box a token's shape fits in, in diagram units. */
const HALF = 7.5;

interface Sprites {
  scale: number;
  half: number;
  images: HTMLCanvasElement[];
}

let sprites: Sprites | null = null;

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
  if (sprites && sprites.scale === scale) return sprites;
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
  sprites = { scale, half, images };
  return sprites;
}

/** Draws the buffer's tokens; `scale` is device pixels per diagram unit. */
export function drawTokens(ctx: CanvasRenderingContext2D, buf: TokenBuffer, scale: number): void {
  const { half, images } = spritesFor(Math.round(scale * 100) / 100);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  for (let i = 0; i < buf.count; i++) {
    const image = images[buf.kind[i]!]!;
    // Whole pixels: copying a sprite without resampling is the cheap path.
    ctx.drawImage(
      image,
      Math.round(buf.x[i]! * scale) - half,
      Math.round(buf.y[i]! * scale) - half,
    );
  }
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
