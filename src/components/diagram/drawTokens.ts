/** Paints a frame's tokens on a 2D canvas. Each kind is drawn once into a small sprite at the
 * canvas's scale, and the frame then only copies sprites: far cheaper than filling and stroking a
 * path per token, which matters when a browser rasterises in software. */
import { drawWaits, setFont } from './drawWaits.ts';
import { FOCUS_RADIUS, labelBelow, type DiagramLayout } from './geometry.ts';
import type { TokenBuffer } from './layoutTokens.ts';
import {
  FADE,
  TOKEN_KINDS,
  TOKEN_STYLES,
  TOKEN_THEMES,
  markColour,
  mixHex,
  type TokenKind,
  type TokenTheme,
} from './tokens.ts';

/** Half the width of the box a token's shape fits in, in diagram units. */
const HALF = 7.5;

/** Countdown rings to draw with the tokens (drawWaits.ts): the moment shown, the retry counters'
 * font size in device pixels (0: too small to read, left out), the focused order's "#N" label's,
 * and, written back, how many rings were drawn. */
export interface WaitRings {
  nowMs: number;
  labelPx: number;
  focusPx: number;
  drawn: number;
}

/** The focused order's label, in diagram units: its size when the canvas sets no floor. */
export const FOCUS_LABEL_UNITS = 14;

interface Sprites {
  scale: number;
  theme: TokenTheme;
  half: number;
  images: HTMLCanvasElement[];
  /** The same shapes dimmed (another order is in focus): faded fills, the outline kept. */
  dimmed: HTMLCanvasElement[];
}

/** Sprites by scale and theme: the two lanes' canvases can differ in size, and one shared set
 * was redrawn twice a frame, canvases and all. */
const spriteSets = new Map<string, Sprites>();

function drawShape(
  ctx: CanvasRenderingContext2D,
  kind: TokenKind,
  theme: TokenTheme,
  dim: boolean,
): void {
  const style = TOKEN_STYLES[kind];
  const { outline, fadeTo } = TOKEN_THEMES[theme];
  const colour = dim ? mixHex(style.colour, fadeTo, FADE) : style.colour;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  if (style.fill) {
    const path = new Path2D(style.fill);
    ctx.fillStyle = colour;
    ctx.fill(path);
    ctx.strokeStyle = outline;
    // At least one device pixel: drawn small (an embed), a thinner outline blurs into the fill.
    ctx.lineWidth = Math.max(1.1, 1 / ctx.getTransform().a);
    ctx.stroke(path);
  }
  if (style.stroke) {
    const path = new Path2D(style.stroke);
    // A tick or a cross has no outline of its own; dimmed, its faded stroke gets one.
    if (dim) {
      ctx.strokeStyle = outline;
      ctx.lineWidth = 4.6;
      ctx.stroke(path);
    }
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2.8;
    ctx.stroke(path);
  }
  if (style.mark) {
    ctx.strokeStyle = markColour(kind);
    ctx.lineWidth = 1;
    ctx.stroke(new Path2D(style.mark));
  }
}

function spritesFor(scale: number, theme: TokenTheme): Sprites {
  const key = `${scale}|${theme}`;
  const known = spriteSets.get(key);
  if (known) return known;
  const half = Math.ceil(HALF * scale);
  const draw = (dim: boolean) =>
    TOKEN_KINDS.map((kind) => {
      const image = document.createElement('canvas');
      image.width = image.height = half * 2;
      const ctx = image.getContext('2d');
      if (ctx) {
        ctx.setTransform(scale, 0, 0, scale, half, half);
        drawShape(ctx, kind, theme, dim);
      }
      return image;
    });
  const sprites = { scale, theme, half, images: draw(false), dimmed: draw(true) };
  // A resized window or a new theme leaves old sets behind: keep the few in use.
  if (spriteSets.size >= 4) spriteSets.delete(spriteSets.keys().next().value!);
  spriteSets.set(key, sprites);
  return sprites;
}

/** Draws the buffer's tokens, laid out in `layout`, in the colours of `theme`; `scale` is device
 * pixels per diagram unit. With `focus` (an order number), that order's tokens are drawn last,
 * ringed and labelled "#N", and the others dimmed (faded fills, outlines kept, so they keep 3:1
 * against the diagram), so the eye finds the order a caption talks about. With `waits`, the
 * countdown rings go between the two. Returns how many tokens were ringed for the focus. */
export function drawTokens(
  ctx: CanvasRenderingContext2D,
  buf: TokenBuffer,
  layout: DiagramLayout,
  scale: number,
  focus = 0,
  waits?: WaitRings,
  theme: TokenTheme = 'light',
): number {
  const { half, images, dimmed } = spritesFor(Math.round(scale * 100) / 100, theme);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  let focused = 0;
  const others = focus > 0 ? dimmed : images;
  for (let i = 0; i < buf.count; i++) {
    if (focus > 0 && buf.order[i] === focus) {
      focused++;
      continue;
    }
    // Whole pixels: copying a sprite without resampling is the cheap path.
    ctx.drawImage(
      others[buf.kind[i]!]!,
      Math.round(buf.x[i]! * scale) - half,
      Math.round(buf.y[i]! * scale) - half,
    );
  }
  if (waits) waits.drawn = drawWaits(ctx, buf, layout, scale, focused > 0 ? focus : 0, waits);
  if (focused === 0) return 0;
  const fontPx = waits?.focusPx ?? Math.round(FOCUS_LABEL_UNITS * scale);
  for (let i = 0; i < buf.count; i++) {
    if (buf.order[i] !== focus) continue;
    const x = Math.round(buf.x[i]! * scale);
    const y = Math.round(buf.y[i]! * scale);
    const below = labelBelow(layout, buf.x[i]!, buf.y[i]!, fontPx / scale);
    drawRing(ctx, x, y, scale, `#${focus}`, below, fontPx);
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
  fontPx: number,
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
  setFont(ctx, `700 ${fontPx}px system-ui, sans-serif`);
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
