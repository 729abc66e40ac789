/** Paints a frame's tokens on a 2D canvas. Each kind is drawn once into a small sprite at the
 * canvas's scale, and the frame then only copies sprites: far cheaper than filling and stroking a
 * path per token, which matters when a browser rasterises in software. A row of a pile (the same
 * kind, side by side) is copied at once from a strip drawn the same way: the call, not the
 * pixels, is what a copy costs, and a spike's piles were 600 of its 800 tokens. */
import { drawWaits, setFont } from './drawWaits.ts';
import { FOCUS_RADIUS, labelBelow, type DiagramLayout } from './geometry.ts';
import { PILE_CELL, type TokenBuffer } from './layoutTokens.ts';
import { spriteCanvas, type SpriteCanvas } from './spriteCanvas.ts';
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
 * whether only the focused order's rings and counters are drawn (frames run late:
 * frameBudget.ts), and, written back, how many rings were drawn. */
export interface WaitRings {
  nowMs: number;
  labelPx: number;
  focusPx: number;
  focusOnly?: boolean;
  drawn: number;
}

/** The focused order's label, in diagram units: its size when the canvas sets no floor. */
export const FOCUS_LABEL_UNITS = 14;

interface Sprites {
  scale: number;
  theme: TokenTheme;
  half: number;
  images: Sprite[];
  /** The same shapes dimmed (another order is in focus): faded fills, the outline kept. */
  dimmed: Sprite[];
  /** Rows of a pile by kind, dimming, direction and length (stripKey), drawn when first met. */
  strips: Map<number, Sprite>;
}

/** A drawn image to copy: a bitmap where the browser can make one synchronously. */
type Sprite = SpriteCanvas | ImageBitmap;

/** `canvas` as a bitmap: copied from a canvas, Chromium took a snapshot of the source with every
 * copy (a tenth of a spike's frame in software rendering); a bitmap is copied as it is. */
function frozen(canvas: SpriteCanvas): Sprite {
  if (typeof OffscreenCanvas === 'undefined') return canvas;
  if (canvas instanceof OffscreenCanvas) return canvas.transferToImageBitmap();
  const off = new OffscreenCanvas(canvas.width, canvas.height);
  const ctx = off.getContext('2d');
  if (!ctx) return canvas;
  ctx.drawImage(canvas, 0, 0);
  return off.transferToImageBitmap();
}

/** The longest row copied at once; a longer one is copied in parts. */
export const MAX_RUN = 48;
/** Float32 positions a pile's cell apart differ by a little more or less than the cell. */
const EPSILON = 1e-3;

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
      const { canvas: image, ctx } = spriteCanvas(half * 2, half * 2);
      if (ctx) {
        ctx.setTransform(scale, 0, 0, scale, half, half);
        drawShape(ctx, kind, theme, dim);
      }
      return frozen(image);
    });
  const sprites = {
    scale,
    theme,
    half,
    images: draw(false),
    dimmed: draw(true),
    strips: new Map<number, Sprite>(),
  };
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
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  // No token (a lesson waiting for its prediction at 0 s): no sprites to make yet. Making them
  // took a slow phone's first render about 40 ms.
  if (buf.count === 0) {
    if (waits) waits.drawn = 0;
    return 0;
  }
  const sprites = spritesFor(Math.round(scale * 100) / 100, theme);
  const { half, images, dimmed } = sprites;
  let focused = 0;
  const dim = focus > 0;
  const others = dim ? dimmed : images;
  for (let i = 0; i < buf.count;) {
    if (dim && buf.order[i] === focus) {
      focused++;
      i++;
      continue;
    }
    const n = runLength(buf, i, focus, MAX_RUN);
    const kind = buf.kind[i]!;
    // Whole pixels: copying a sprite without resampling is the cheap path.
    const y = Math.round(buf.y[i]! * scale) - half;
    if (n === 1) {
      ctx.drawImage(others[kind]!, Math.round(buf.x[i]! * scale) - half, y);
    } else {
      const rightward = buf.x[i + 1]! > buf.x[i]!;
      const left = rightward ? buf.x[i]! : buf.x[i + n - 1]!;
      const strip = stripFor(sprites, kind, dim, rightward, n);
      ctx.drawImage(strip, Math.round(left * scale) - half, y);
    }
    i += n;
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

/** How many tokens from `i` on form one row of a pile, at most `max`: the same kind, on the same
 * line, each a pile's cell from the last in one direction, none of the focused order (drawn on its
 * own, last). 1 when token `i` stands alone. */
export function runLength(buf: TokenBuffer, i: number, focus: number, max: number): number {
  const kind = buf.kind[i];
  const y = buf.y[i]!;
  let n = 1;
  let direction = 0;
  for (let j = i + 1; j < buf.count && n < max; j++, n++) {
    if (buf.kind[j] !== kind || Math.abs(buf.y[j]! - y) > EPSILON) break;
    if (focus > 0 && buf.order[j] === focus) break;
    const step = buf.x[j]! - buf.x[j - 1]!;
    if (Math.abs(Math.abs(step) - PILE_CELL) > EPSILON) break;
    if (direction === 0) direction = Math.sign(step);
    else if (Math.sign(step) !== direction) break;
  }
  return n;
}

/** A row of `n` tokens of one kind, drawn as the frame would draw them one by one: in the
 * buffer's order, each over the last, rightward or leftward. Whole-pixel offsets, so that each
 * token lands within a pixel of where it would alone. */
function stripFor(
  sprites: Sprites,
  kind: number,
  dim: boolean,
  rightward: boolean,
  n: number,
): Sprite {
  const key = ((kind * 2 + (dim ? 1 : 0)) * 2 + (rightward ? 1 : 0)) * (MAX_RUN + 1) + n;
  const known = sprites.strips.get(key);
  if (known) return known;
  const step = PILE_CELL * sprites.scale;
  const { canvas: strip, ctx } = spriteCanvas(
    sprites.half * 2 + Math.round((n - 1) * step),
    sprites.half * 2,
  );
  const image = (dim ? sprites.dimmed : sprites.images)[kind];
  if (ctx && image) {
    for (let j = 0; j < n; j++) {
      ctx.drawImage(image, Math.round((rightward ? j : n - 1 - j) * step), 0);
    }
  }
  const sprite = frozen(strip);
  sprites.strips.set(key, sprite);
  return sprite;
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
