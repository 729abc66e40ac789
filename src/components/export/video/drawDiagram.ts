/** One lane's diagram in a video frame: the layout's edges and node boxes drawn with canvas calls
 * (the same boxes and paths the stage's SVG draws, from layouts.ts), a status line per node from
 * the engine's view, and the tokens through the stage's own layoutTokens and drawTokens. */
import type { Mode } from '../../../engine/index.ts';
import type { LaneFrame } from '../../../export/video/frameSource.ts';
import { drawTokens, type WaitRings } from '../../diagram/drawTokens.ts';
import { boxOf, edgeOf, titleBaseline, type DiagramLayout } from '../../diagram/geometry.ts';
import { TokenBuffer, layoutTokens } from '../../diagram/layoutTokens.ts';
import { titleOf } from '../../diagram/nodeTitles.ts';
import { t as say } from '../../../i18n/runtime.ts';
import { NOTE_WIDTH, wrapLines } from '../../diagram/noteLines.ts';
import { spriteCanvas, type SpriteCanvas } from '../../diagram/spriteCanvas.ts';
import type { FramePalette } from './palette.ts';
import { fillWords, type VideoWords } from './frameWords.ts';

/** What a lane's diagram keeps between frames: its token buffer and canvas, reused. */
export class LanePainter {
  private readonly buffer = new TokenBuffer();
  private readonly tokens: SpriteCanvas;
  private readonly tctx: CanvasRenderingContext2D | null;
  private readonly waits: WaitRings = { nowMs: 0, labelPx: 0, focusPx: 14, drawn: 0 };

  constructor(
    readonly mode: Mode,
    readonly layout: DiagramLayout,
    /** Device pixels per diagram unit. */
    readonly scale: number,
    private readonly palette: FramePalette,
    private readonly words: VideoWords,
  ) {
    // A page's canvas, or an OffscreenCanvas in the video's Worker.
    const { canvas, ctx } = spriteCanvas(
      Math.round(layout.w * scale),
      Math.round(layout.h * scale),
    );
    this.tokens = canvas;
    this.tctx = ctx;
    // Countdown labels and the focus label at the stage's sizes, where they read.
    this.waits.labelPx = scale * 11 >= 10 ? Math.round(scale * 11) : 0;
    this.waits.focusPx = Math.round(Math.max(14 * scale, 12));
  }

  /** Draws the lane at (x, y) of `ctx` (device pixels, no transform), focus ringed. */
  draw(ctx: CanvasRenderingContext2D, lane: LaneFrame, x: number, y: number, focus: number): void {
    const l = this.layout;
    const k = this.scale;
    ctx.save();
    ctx.setTransform(k, 0, 0, k, x, y);
    const p = this.palette;
    ctx.fillStyle = p.panel;
    ctx.strokeStyle = p.panelLine;
    ctx.lineWidth = 1 / k;
    ctx.beginPath();
    ctx.roundRect(0, 0, l.w, l.h, 10);
    ctx.fill();
    ctx.stroke();
    drawEdges(ctx, l, p);
    drawNodes(ctx, l, lane, p, this.words);
    ctx.restore();

    layoutTokens(
      {
        mode: this.mode,
        layout: l,
        nowMs: lane.nowMs,
        view: lane.view,
        flights: lane.flights,
        dlqOrders: lane.dlqOrders,
      },
      this.buffer,
    );
    const tctx = this.tctx;
    if (!tctx) return;
    this.waits.nowMs = lane.nowMs;
    drawTokens(tctx, this.buffer, l, k, focus, this.waits, p.tokens);
    ctx.drawImage(this.tokens, x, y);
  }
}

function drawEdges(ctx: CanvasRenderingContext2D, l: DiagramLayout, p: FramePalette): void {
  ctx.strokeStyle = p.edge;
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  for (const id of l.edgeIds) {
    const points = edgeOf(l, id);
    if (points.length < 2) continue;
    ctx.beginPath();
    ctx.moveTo(points[0]!.x, points[0]!.y);
    for (const p of points.slice(1)) ctx.lineTo(p.x, p.y);
    ctx.stroke();
  }
  const w = l.waitingArea;
  ctx.setLineDash([4, 3]);
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.roundRect(w.x, w.y, w.w, w.h, 6);
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawNodes(
  ctx: CanvasRenderingContext2D,
  l: DiagramLayout,
  lane: LaneFrame,
  p: FramePalette,
  words: VideoWords,
): void {
  const v = lane.view;
  for (const place of l.places) {
    const b = boxOf(l, place);
    const down = place === l.emailNode && v.emailDown;
    ctx.fillStyle = down ? p.downFill : p.node;
    ctx.strokeStyle = down ? p.down : p.nodeLine;
    ctx.lineWidth = down ? 2.5 : 1.5;
    ctx.beginPath();
    ctx.roundRect(b.x, b.y, b.w, b.h, 8);
    ctx.fill();
    ctx.stroke();
    // The queue names its role here, not its broker.
    // The nodes' titles come in the job, in the page's language (the Worker's catalog is English).
    const title =
      place === 'queue' ? words.queue : titleOf((id) => words.titles[id] ?? say(id), l, place);
    ctx.fillStyle = down ? p.down : p.ink;
    ctx.font = '700 16px system-ui, sans-serif';
    ctx.textBaseline = 'alphabetic';
    const centred = place === 'customer';
    ctx.textAlign = centred ? 'center' : 'left';
    const tx = centred ? b.x + b.w / 2 : b.x + 10;
    ctx.fillText(title, tx, b.y + titleBaseline(place));
    const status = statusOf(place, lane, down, words);
    if (status) {
      ctx.font = '500 13px system-ui, sans-serif';
      ctx.fillStyle = down ? p.down : p.muted;
      ctx.fillText(status, tx, b.y + titleBaseline(place) + 18);
    }
  }
  if (l.note.text !== null) {
    ctx.font = 'italic 14px system-ui, sans-serif';
    ctx.fillStyle = p.muted;
    ctx.textAlign = 'center';
    const lines = wrapLines(say(l.note.text), NOTE_WIDTH[l.note.lines], (line) => {
      return ctx.measureText(line).width;
    });
    lines.forEach((line, i) => ctx.fillText(line, l.note.x, l.note.y + i * 19));
  }
}

/** A node's one status line, from the view's exact totals (never a list's length). */
function statusOf(place: string, lane: LaneFrame, down: boolean, words: VideoWords): string {
  const v = lane.view;
  const t = v.totals;
  switch (place) {
    case 'customer':
      return fillWords(words.waiting, { n: t.usersWaiting });
    case 'server':
      return fillWords(words.serverStatus, {
        busy: v.handlers.busy,
        total: v.handlers.total,
        waiting: t.steps.waiting,
      });
    case 'queue':
      return t.delayed > 0
        ? fillWords(words.readyDelayed, { ready: t.visible, delayed: t.delayed })
        : fillWords(words.ready, { ready: t.visible });
    case 'worker':
      return fillWords(words.workersBusy, {
        busy: t.workers.busy,
        total: t.workers.busy + t.workers.idle,
      });
    case 'dlq':
      return `${v.deadLetters}`;
    case 'email':
      return down ? words.down : '';
    default:
      return '';
  }
}
