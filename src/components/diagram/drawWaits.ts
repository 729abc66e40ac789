/** Countdown rings and retry counters on the token canvas: round a token that waits for something
 * with a known end (a backoff, a lease, a min-idle time) an arc that empties as the wait runs
 * out, and beside a message that has failed before "try N" (each label drawn once, then copied). At most MAX_RINGS rings a frame, the
 * soonest to end first (the focused order's always), and fewer labels, each placed only where it
 * covers no node's words, no other label and no other ring. Nothing is allocated per frame. */
import {
  coversText,
  crossesFrame,
  FOCUS_RADIUS,
  labelBelow,
  type DiagramLayout,
} from './geometry.ts';
import { currentLocale, t } from '../../i18n/runtime.ts';
import { WAIT_CODE, type TokenBuffer } from './layoutTokens.ts';
import { spriteCanvas, type SpriteCanvas } from './spriteCanvas.ts';

export const MAX_RINGS = 12;
export const MAX_LABELS = 6;
/** The ring's radius and thickness, in diagram units: clear of a token's shape (about 6 across
 * from its centre), and thick enough to see from the back of a room. */
export const RING_RADIUS = 10;
const RING_WIDTH = 4;
/** The label's font size in diagram units; below 10 CSS px it is left out (TokenCanvas). */
export const LABEL_UNITS = 11;

const ARC: Record<number, string> = {
  [WAIT_CODE.backoff]: '#8f2a5e',
  [WAIT_CODE.lease]: '#1d2330',
  [WAIT_CODE.minIdle]: '#1d2330',
  [WAIT_CODE.session]: '#1d2330',
};
const TRACK = '#c3cad6';
/** The share of a lease in hand left when its ring appears. */
export const HALF_LEFT = 0.5;
const HALO = '#ffffff';
const TEXT = '#1d2330';
/** From a focused token's centre to the outside of its focus ring and halo. */
const FOCUS_GAP = FOCUS_RADIUS + 2;

/** Another order's rings while one is in focus: dimmed, but their dark arcs keep 3:1 on white. */
const DIMMED = 0.55;

const picked = new Int32Array(MAX_RINGS);
const pickedKey = new Float64Array(MAX_RINGS);
/** Boxes already taken by labels: x, y, w, h each (diagram units). */
const taken = new Float32Array(MAX_LABELS * 4);

/** Fills `picked` with the tokens to ring, soonest end first (the focused order's before all);
 * returns how many. Tokens whose wait is over (the clock is a little past the view) get none. */
function pick(buf: TokenBuffer, nowMs: number, focus: number, focusOnly: boolean): number {
  let n = 0;
  for (let i = 0; i < buf.count; i++) {
    if (buf.wait[i] === 0 || (focusOnly && buf.order[i] !== focus)) continue;
    const end = buf.waitEnd[i]!;
    if (end <= nowMs) continue;
    // A lease in a worker's hand is ringed once half of it is gone: most calls end well before
    // that, and a ring on every busy token would hide the ones at risk.
    if (buf.inHand[i] === 1 && buf.order[i] !== focus) {
      if (fractionLeft(nowMs, buf.waitStart[i]!, end) > HALF_LEFT) continue;
    }
    const key = buf.order[i] === focus ? -Infinity : end;
    if (n === MAX_RINGS && key >= pickedKey[n - 1]!) continue;
    let j = n < MAX_RINGS ? n++ : n - 1;
    while (j > 0 && pickedKey[j - 1]! > key) {
      picked[j] = picked[j - 1]!;
      pickedKey[j] = pickedKey[j - 1]!;
      j--;
    }
    picked[j] = i;
    pickedKey[j] = key;
  }
  return n;
}

/** What is left of the wait, from 1 (it has just begun) to 0. */
export function fractionLeft(nowMs: number, startMs: number, endMs: number): number {
  if (!(endMs > startMs)) return 0;
  return Math.min(1, Math.max(0, (endMs - nowMs) / (endMs - startMs)));
}

function ring(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  scale: number,
  left: number,
  colour: string,
) {
  const r = RING_RADIUS * scale;
  ctx.lineCap = 'butt';
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.lineWidth = (RING_WIDTH + 2) * scale;
  ctx.strokeStyle = HALO;
  ctx.stroke();
  ctx.lineWidth = RING_WIDTH * scale;
  ctx.strokeStyle = TRACK;
  ctx.stroke();
  if (left <= 0) return;
  // From twelve o'clock, clockwise, as much of the circle as is left of the wait.
  ctx.beginPath();
  ctx.arc(x, y, r, -Math.PI / 2, -Math.PI / 2 + left * Math.PI * 2);
  ctx.strokeStyle = colour;
  ctx.stroke();
}

/** Whether a label box (centre cx, cy) is clear of the nodes' words, the edges of the drawing,
 * the labels placed so far and every ring but its own token's. */
function clear(
  l: DiagramLayout,
  buf: TokenBuffer,
  rings: number,
  own: number,
  labels: number,
  cx: number,
  cy: number,
  w: number,
  h: number,
): boolean {
  if (cx - w / 2 < 0 || cx + w / 2 > l.w || cy - h / 2 < 0 || cy + h / 2 > l.h) return false;
  if (coversText(l, cx, cy, w, h) || crossesFrame(l, cx, cy, w, h)) return false;
  for (let k = 0; k < labels; k++) {
    const b = k * 4;
    if (
      Math.abs(cx - taken[b]!) * 2 < w + taken[b + 2]! &&
      Math.abs(cy - taken[b + 1]!) * 2 < h + taken[b + 3]!
    ) {
      return false;
    }
  }
  const reach = RING_RADIUS + RING_WIDTH / 2 + 1;
  for (let k = 0; k < rings; k++) {
    const i = picked[k]!;
    if (i === own) continue;
    if (Math.abs(cx - buf.x[i]!) < w / 2 + reach && Math.abs(cy - buf.y[i]!) < h / 2 + reach) {
      return false;
    }
  }
  return true;
}

/** Draws the rings (and, when `labelPx` is not 0, the retry counters) of the buffer's waiting
 * tokens; with a `focus`, the other orders' rings are dimmed as their tokens are. `scale`: device
 * pixels per unit of the lane's layout. Returns how many rings it drew. */
export function drawWaits(
  ctx: CanvasRenderingContext2D,
  buf: TokenBuffer,
  l: DiagramLayout,
  scale: number,
  focus: number,
  {
    nowMs,
    labelPx,
    focusPx,
    focusOnly = false,
  }: { nowMs: number; labelPx: number; focusPx: number; focusOnly?: boolean },
): number {
  const rings = pick(buf, nowMs, focus, focusOnly);
  for (let k = rings - 1; k >= 0; k--) {
    const i = picked[k]!;
    ctx.globalAlpha = focus > 0 && buf.order[i] !== focus ? DIMMED : 1;
    const left = fractionLeft(nowMs, buf.waitStart[i]!, buf.waitEnd[i]!);
    ring(
      ctx,
      Math.round(buf.x[i]! * scale),
      Math.round(buf.y[i]! * scale),
      scale,
      left,
      ARC[buf.wait[i]!]!,
    );
  }
  ctx.globalAlpha = 1;
  if (labelPx > 0) drawLabels(ctx, buf, l, scale, rings, focus, labelPx, focusPx / scale);
  return rings;
}

/** A label drawn once: its haloed text on a canvas of its own, and its width in diagram units. */
interface LabelSprite {
  image: SpriteCanvas;
  w: number;
}

/** The labels drawn so far at the current scale, by attempt. Stroking text is the costliest thing
 * a frame would do (a glyph outline per letter, on the CPU where there is no GPU), so each "try N"
 * is drawn once and then copied; a change of scale or font size starts the set again, and it holds at most
 * MAX_SPRITES labels (a run's attempts rarely pass ten). */
const MAX_SPRITES = 64;
let spriteScale = 0;
let spriteFontPx = 0;
let spriteLocale = '';
const labelSprites = new Map<number, LabelSprite>();

function labelSprite(attempt: number, scale: number, fontPx: number): LabelSprite | null {
  // The counters are worded in the language on ("try 3", "intento 3", "第 3 次"): a switch of
  // language draws them again, as a new scale or size does.
  const locale = currentLocale();
  if (scale !== spriteScale || fontPx !== spriteFontPx || locale !== spriteLocale) {
    labelSprites.clear();
    spriteScale = scale;
    spriteFontPx = fontPx;
    spriteLocale = locale;
  }
  const cached = labelSprites.get(attempt);
  if (cached) return cached;
  if (labelSprites.size >= MAX_SPRITES) labelSprites.clear();
  const text = t('node.try', { count: attempt });
  const { canvas: image, ctx } = spriteCanvas();
  if (!ctx) return null;
  const font = `700 ${fontPx}px system-ui, sans-serif`;
  ctx.font = font;
  const w = ctx.measureText(text).width / scale + 4;
  // Room for the halo (4 units wide, so 2 outside the glyphs) on every side.
  image.width = Math.ceil((w + 4) * scale);
  image.height = Math.ceil(fontPx + 6 * scale);
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 4 * scale;
  ctx.strokeStyle = HALO;
  ctx.strokeText(text, image.width / 2, image.height / 2);
  ctx.fillStyle = TEXT;
  ctx.fillText(text, image.width / 2, image.height / 2);
  const sprite = { image, w };
  labelSprites.set(attempt, sprite);
  return sprite;
}

/** The font each context was last given, and how it reads back. */
const fonts = new WeakMap<CanvasRenderingContext2D, { font: string; reads: string }>();

/** Sets the context's font only when it differs: setting it, even to the same value, made
 * Chromium lay the whole page out at once (40 to 150 ms a frame during a drag). A canvas resize
 * resets the font, which then reads back differently and is set again. */
export function setFont(ctx: CanvasRenderingContext2D, font: string): void {
  const last = fonts.get(ctx);
  if (last?.font === font && ctx.font === last.reads) return;
  ctx.font = font;
  fonts.set(ctx, { font, reads: ctx.font });
}

function drawLabels(
  ctx: CanvasRenderingContext2D,
  buf: TokenBuffer,
  l: DiagramLayout,
  scale: number,
  rings: number,
  focus: number,
  fontPx: number,
  focusUnits: number,
) {
  const h = fontPx / scale + 2;
  const gap = RING_RADIUS + RING_WIDTH / 2 + 1 + h / 2;
  let placed = 0;
  for (let k = 0; k < rings && placed < MAX_LABELS; k++) {
    const i = picked[k]!;
    const attempt = buf.attempt[i]!;
    if (attempt < 2) continue;
    const sprite = labelSprite(attempt, scale, fontPx);
    if (!sprite) return;
    const w = sprite.w;
    const x = buf.x[i]!;
    const y = buf.y[i]!;
    // The focused order's "#N" sits above its focus ring (or below, clear of a node's words):
    // its counter takes the other side. Any other goes below its ring, else above, else beside.
    const focused = buf.order[i] === focus;
    let found = false;
    let cx = x;
    let cy = y;
    for (let c = 0; c < (focused ? 1 : 4) && !found; c++) {
      if (focused) {
        cy = labelBelow(l, x, y, focusUnits) ? y - FOCUS_GAP - h / 2 : y + FOCUS_GAP + h / 2;
      } else {
        const side = RING_RADIUS + RING_WIDTH / 2 + 2 + w / 2;
        cx = c < 2 ? x : c === 2 ? x + side : x - side;
        cy = c === 0 ? y + gap : c === 1 ? y - gap : y;
      }
      found = clear(l, buf, rings, i, placed, cx, cy, w, h);
    }
    if (!found) continue;
    const b = placed * 4;
    taken[b] = cx;
    taken[b + 1] = cy;
    taken[b + 2] = w;
    taken[b + 3] = h;
    placed++;
    ctx.globalAlpha = focus > 0 && !focused ? DIMMED : 1;
    const { image } = sprite;
    ctx.drawImage(
      image,
      Math.round(cx * scale - image.width / 2),
      Math.round(cy * scale - image.height / 2),
    );
  }
  ctx.globalAlpha = 1;
}
