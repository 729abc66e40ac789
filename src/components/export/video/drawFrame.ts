/** One frame of a lesson's video on a 2D canvas: the title card, or the lanes (diagram, tokens,
 * name and tallies) under the lesson's title and the clock, with the caption of that moment along
 * the bottom. Laid out on a 1280 x 720 grid and scaled to the video's size. */
import type { Mode } from '../../../engine/index.ts';
import type { LaneFrame } from '../../../export/video/frameSource.ts';
import { talliesOf } from '../../../lessons/tallies.ts';
import type { TallyKey } from '../../../scenarios/index.ts';
import { layoutFor } from '../../diagram/layouts.ts';
import type { Flow } from '../../../engine/index.ts';
import { LanePainter } from './drawDiagram.ts';
import type { FramePalette } from './palette.ts';
import { fillWords, type VideoWords } from './frameWords.ts';

const GRID_W = 1280;
const GRID_H = 720;
const PAD = 24;
const HEADER_H = 64;
const CAPTION_H = 128;
/** The column beside each diagram for the lane's name and tallies. */
const SIDE_W = 330;
const LANE_GAP = 12;

export interface FrameText {
  /** The lesson's title (or "Free run") and its premise, for the title card. */
  title: string;
  premise: string;
  tallies: readonly TallyKey[];
  /** The video's own words, in the page's language. */
  words: VideoWords;
}

export interface FrameMoment {
  simMs: number;
  caption: { text: string; index: number; of: number } | null;
  focus: number;
  speed: number;
}

/** Draws frames of one size: made once per export, reused for every frame. */
export class FramePainter {
  private readonly k: number;
  private readonly painters: LanePainter[];
  private readonly places: { x: number; y: number }[];

  constructor(
    private readonly ctx: CanvasRenderingContext2D,
    readonly width: number,
    readonly height: number,
    modes: readonly Mode[],
    flow: Flow | null,
    private readonly text: FrameText,
    private readonly p: FramePalette,
  ) {
    this.k = width / GRID_W;
    const laneH = (GRID_H - HEADER_H - CAPTION_H - LANE_GAP * (modes.length - 1)) / modes.length;
    this.painters = [];
    this.places = [];
    modes.forEach((mode, i) => {
      const layout = layoutFor('wide', mode, flow ?? undefined);
      const unit = Math.min((GRID_W - 2 * PAD - SIDE_W) / layout.w, laneH / layout.h);
      this.painters.push(new LanePainter(mode, layout, unit * this.k, p, text.words));
      this.places.push({ x: PAD, y: HEADER_H + i * (laneH + LANE_GAP) });
    });
  }

  /** The title card: the lesson's title and premise. It is also the poster frame. */
  drawTitle(): void {
    const c = this.begin();
    c.fillStyle = this.p.band;
    c.fillRect(0, 0, GRID_W, GRID_H);
    c.fillStyle = this.p.bandText;
    c.textAlign = 'left';
    c.textBaseline = 'alphabetic';
    c.font = '600 22px system-ui, sans-serif';
    c.fillStyle = this.p.bandLabel;
    c.fillText(this.text.words.kicker, 96, 230);
    c.fillStyle = this.p.bandText;
    const titleLines = wrap(c, this.text.title, GRID_W - 192, '700 54px system-ui, sans-serif');
    titleLines.forEach((line, i) => c.fillText(line, 96, 300 + i * 64));
    const top = 300 + titleLines.length * 64 + 20;
    const lines = wrap(c, this.text.premise, GRID_W - 192, '400 30px system-ui, sans-serif');
    c.fillStyle = this.p.premise;
    lines.forEach((line, i) => c.fillText(line, 96, top + i * 42));
    c.restore();
  }

  /** The lanes at their moment, the title, the clock and the caption. */
  drawMoment(lanes: readonly LaneFrame[], m: FrameMoment): void {
    const c = this.begin();
    c.fillStyle = this.p.ground;
    c.fillRect(0, 0, GRID_W, GRID_H);
    this.drawHeader(c, m);
    c.restore();
    lanes.forEach((lane, i) => {
      const painter = this.painters[i]!;
      const at = this.places[i]!;
      painter.draw(this.ctx, lane, Math.round(at.x * this.k), Math.round(at.y * this.k), m.focus);
      const c2 = this.begin();
      const diagramW = (painter.layout.w * painter.scale) / this.k;
      this.drawSide(c2, lane, at.x + diagramW + 18, at.y);
      c2.restore();
    });
    const c3 = this.begin();
    this.drawCaption(c3, m);
    c3.restore();
  }

  /** The context with the grid's transform, state saved. */
  private begin(): CanvasRenderingContext2D {
    const c = this.ctx;
    c.save();
    c.setTransform(this.k, 0, 0, this.k, 0, 0);
    return c;
  }

  private drawHeader(c: CanvasRenderingContext2D, m: FrameMoment): void {
    c.textBaseline = 'middle';
    c.textAlign = 'left';
    c.fillStyle = this.p.ink;
    const title = fit(c, this.text.title, GRID_W - 2 * PAD - 320, '700 26px system-ui, sans-serif');
    c.fillText(title, PAD, HEADER_H / 2);
    c.textAlign = 'right';
    c.font = '700 32px ui-monospace, monospace';
    const w = this.text.words;
    const seconds = new Intl.NumberFormat(w.locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      useGrouping: false,
    }).format(m.simMs / 1000);
    const clock = fillWords(w.clock, { seconds });
    c.fillText(clock, GRID_W - PAD, HEADER_H / 2);
    // Measured in the clock's own font, so the label never runs under a long time.
    const clockW = c.measureText(clock).width + 12;
    c.font = '500 16px system-ui, sans-serif';
    c.fillStyle = this.p.muted;
    const speed =
      m.speed === 1
        ? w.simulatedTime
        : fillWords(w.simulatedTimeAt, { speed: new Intl.NumberFormat(w.locale).format(m.speed) });
    c.fillText(speed, GRID_W - PAD - clockW, HEADER_H / 2 + 1);
  }

  /** The lane's name and its tallies, beside its diagram. */
  private drawSide(c: CanvasRenderingContext2D, lane: LaneFrame, x: number, y: number): void {
    c.textAlign = 'left';
    c.textBaseline = 'top';
    c.fillStyle = this.p.ink;
    c.font = '700 24px system-ui, sans-serif';
    c.fillText(fit(c, this.text.words.lanes[lane.mode], GRID_W - PAD - x), x, y + 4);
    c.font = '500 20px system-ui, sans-serif';
    const tallies = talliesOf(lane.report, this.text.tallies).slice(0, 5);
    tallies.forEach((t, i) => {
      // A bad outcome that has not happened yet is not an alarm: it reads in plain ink.
      c.fillStyle = t.good ? this.p.good : t.count > 0 ? this.p.bad : this.p.ink;
      c.fillText(fit(c, t.text, GRID_W - PAD - x), x, y + 44 + i * 30);
    });
  }

  private drawCaption(c: CanvasRenderingContext2D, m: FrameMoment): void {
    const top = GRID_H - CAPTION_H;
    c.fillStyle = this.p.band;
    c.fillRect(0, top, GRID_W, CAPTION_H);
    c.textAlign = 'left';
    c.textBaseline = 'alphabetic';
    if (!m.caption) return;
    c.font = '600 16px system-ui, sans-serif';
    c.fillStyle = this.p.bandLabel;
    const count = { n: m.caption.index + 1, of: m.caption.of };
    c.fillText(fillWords(this.text.words.captionOf, count), PAD, top + 28);
    c.fillStyle = this.p.bandText;
    const lines = wrap(c, m.caption.text, GRID_W - 2 * PAD, '500 26px system-ui, sans-serif');
    // Three lines fit; a longer caption shrinks to keep all its words.
    const fitted =
      lines.length <= 3
        ? lines
        : wrap(c, m.caption.text, GRID_W - 2 * PAD, '500 20px system-ui, sans-serif');
    const step = fitted === lines ? 31 : 24;
    fitted.slice(0, 4).forEach((line, i) => c.fillText(line, PAD, top + 62 + i * step));
  }
}

/** A Chinese character with the punctuation that must stay after it (a line may break before
 * any of them), or a run of other letters between spaces. */
const PIECE =
  /[\u2e80-\u9fff\uf900-\ufaff][\u3001\u3002\uff01\uff09\uff0c\uff1a\uff1b\uff1f\u300d\u300f]*|[^\s\u2e80-\u9fff\uf900-\ufaff]+/gu;

/** The places a line may break: between words, and between any two Chinese characters (which
 * have no spaces between them); `spaced` when a space stood before the piece. */
function pieces(text: string): { word: string; spaced: boolean }[] {
  return [...text.matchAll(PIECE)].map((m) => ({
    word: m[0],
    spaced: m.index > 0 && /\s/.test(text[m.index - 1]!),
  }));
}

/** `text` broken into lines no wider than `width` in `font` (set on the context). */
export function wrap(
  c: CanvasRenderingContext2D,
  text: string,
  width: number,
  font: string,
): string[] {
  c.font = font;
  const lines: string[] = [];
  let line = '';
  for (const { word, spaced } of pieces(text)) {
    const next = line ? `${line}${spaced ? ' ' : ''}${word}` : word;
    if (line && c.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  // A last line of one short word ("s.") reads as a stray: it takes the word before it along.
  const last = lines.length - 1;
  if (last > 0 && !lines[last]!.includes(' ') && lines[last]!.length < 6) {
    const words = lines[last - 1]!.split(' ');
    if (words.length > 2) {
      lines[last] = `${words.pop()!} ${lines[last]!}`;
      lines[last - 1] = words.join(' ');
    }
  }
  return lines;
}

/** `text` cut with an ellipsis to `width` in `font` (or the context's font). */
function fit(c: CanvasRenderingContext2D, text: string, width: number, font?: string): string {
  if (font) c.font = font;
  if (c.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && c.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}
