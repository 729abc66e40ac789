/** Where a waterfall's words go so that none is cut at its edges: each label is placed by an
 * estimate of its width (generous, so a real font is narrower), slid inside the plot, and broken
 * in two at a separator when even the whole plot is too narrow for it. Pure, for the chart and
 * its tests. */
import type { OrderTrace, TraceRow } from '../../analysis/trace.ts';

/** The labels' size in SVG units, which the chart draws one to one with CSS px. */
export const LABEL_PX = 12;
/** A generous average advance of a Latin character, in ems: DejaVu Sans, the widest of the fonts
 * the page falls back to, averages about 0.55 em over these labels. A Chinese character is an em
 * wide in every font. */
const CHAR_EM = 0.6;

/** Chinese, Japanese and Korean characters and full-width forms: a whole em each. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function textWidth(text: string, fontPx = LABEL_PX): number {
  let ems = 0;
  for (const c of text) ems += WIDE.test(c) ? 1 : CHAR_EM;
  return ems * fontPx;
}

export interface PlacedLabel {
  /** The left end of every line (the text is start-anchored). */
  x: number;
  lines: string[];
}

/** Breaks `text` in two at the separator (" · ", " — ", ", ", " (") nearest its middle, or at
 * the space nearest it when it has none. */
function splitInTwo(text: string): string[] {
  const middle = text.length / 2;
  let best = -1;
  for (const sep of [' · ', ' — ', ', ', ' (', ' ']) {
    for (let at = text.indexOf(sep); at > 0; at = text.indexOf(sep, at + 1)) {
      if (best < 0 || Math.abs(at - middle) < Math.abs(best - middle)) best = at;
    }
    if (best > 0) break;
  }
  // Chinese puts no spaces between words: a line breaks between any two of its characters.
  if (best <= 0 && WIDE.test(text)) best = Math.round(middle);
  if (best <= 0) return [text];
  const head = text.slice(0, best).trimEnd();
  const tail = text.slice(best).replace(/^\s*[·—,]?\s*/, '');
  return [head, tail];
}

/** A label that starts at `at` if it fits, else as far right as it may while it stays between
 * `left` and `right`; two lines from `left` when one would not fit at all. */
export function placeLabel(text: string, at: number, left: number, right: number): PlacedLabel {
  const room = right - left;
  const width = textWidth(text);
  if (width <= room) return { x: Math.max(left, Math.min(at, right - width)), lines: [text] };
  const lines = splitInTwo(text);
  const widest = Math.max(...lines.map((l) => textWidth(l)));
  return { x: Math.max(left, Math.min(at, right - widest)), lines };
}

/** The latest moment a trace draws, in ms since its order was placed: its rows, unfinished ones
 * up to `nowMs`. Two waterfalls given the larger of their ends share one scale. */
export function traceEndMs(trace: OrderTrace | null, nowMs: number): number {
  if (!trace) return 0;
  const now = Math.max(nowMs, trace.placedAtMs);
  let end = 0;
  for (const r of trace.rows) end = Math.max(end, rowEndMs(r, now) - trace.placedAtMs);
  return end;
}

/** Where a row's bar ends: at its end, or at `now` while it runs (never before its start). */
export function rowEndMs(r: TraceRow, now: number): number {
  return Math.max(r.startMs, Math.min(r.endMs ?? now, now));
}
