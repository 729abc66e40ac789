/** Where the stage chart goes and how big it is: beside the lanes or below them, as large as it
 * can be while each diagram keeps the size its tokens and text need to stay legible (12 px on a
 * laptop; 16 px tokens and 14 px text when presenting), and never shrinking a diagram that was
 * already smaller than that. Pure. */
import { detailFor, SMALLEST_TEXT } from '../diagram/detail.ts';
import { TOKEN_HALF, VIEW_H, VIEW_W } from '../diagram/geometry.ts';

/** What the stage measures, in CSS pixels. */
export interface StageMeasure {
  /** The room the stage has: the frame's width, and the window's height below its top. */
  frameW: number;
  frameH: number;
  lanes: number;
  /** A lane's width beyond its diagram's box (the customer's screen, the tally, paddings). */
  chromeW: number;
  /** A lane's height beyond the column its diagram sits in (paddings, borders). */
  chromeH: number;
  /** The broker's close-up is open under the (single) lane's diagram. */
  closeup: boolean;
  /** The drawn size a token needs (12 px on a laptop, 16 presenting). */
  tokenPx: number;
  /** The drawn size the diagram's smallest text needs (12 px on a laptop, 14 presenting). */
  textPx: number;
}

export type ChartPlacement =
  | {
      kind: 'side';
      /** The chart column's width. */
      sizePx: number;
    }
  | {
      kind: 'below';
      /** The chart row's height. */
      sizePx: number;
      /** The least height the diagram keeps above an open close-up (the close-up scrolls). */
      diagramMinPx: number;
      /** Lanes this low drop their customers' screens' icons, as a short window does. */
      lowLanes: boolean;
    }
  | { kind: 'none' };

export const GAP_PX = 6;
/** Lanes are never lower than this (stage.css). */
export const LANE_MIN_PX = 190;
/** Rows of an open close-up kept when the chart takes height from it: its title and a row. */
export const CLOSEUP_MIN_PX = 120;
/** A lane lower than this cannot hold the customer's screen with its icon. */
const LOW_LANE_PX = 222;
const RATIO = VIEW_W / VIEW_H;
const SIDE = { min: 200, max: 420, share: 0.24 };
const BELOW = { min: 70, max: 200, share: 0.26 };

function laneHeight(m: StageMeasure, stageH: number): number {
  return (stageH - GAP_PX * (m.lanes - 1)) / m.lanes;
}

/** The diagram's drawn width in lanes of this size: it fills the width or the height. */
function diagramWidth(m: StageMeasure, stageW: number, stageH: number): number {
  const fitW = stageW - m.chromeW;
  const fitH = laneHeight(m, stageH) - m.chromeH - (m.closeup ? CLOSEUP_MIN_PX : 0);
  return Math.max(0, Math.min(fitW, fitH * RATIO));
}

/** The narrowest diagram whose tokens and smallest text (at the detail it draws at that width)
 * are as large as they must be. */
export function legibleWidth(tokenPx: number, textPx: number): number {
  const tokens = (VIEW_W * tokenPx) / (2 * TOKEN_HALF);
  return Math.max(tokens, (VIEW_W * textPx) / SMALLEST_TEXT[detailFor(tokens)]);
}

export function chartPlacement(m: StageMeasure): ChartPlacement {
  const numbers = [m.frameW, m.frameH, m.chromeW, m.chromeH, m.tokenPx, m.textPx];
  if (!numbers.every(Number.isFinite) || m.frameW <= 0 || m.frameH <= 0 || m.lanes < 1) {
    return { kind: 'none' };
  }
  // A pixel or two to spare, for the lanes' sub-pixel widths.
  const legible = legibleWidth(m.tokenPx, m.textPx) + 2;
  // The chart may shrink a diagram down to legible, never one that was already smaller.
  const target = Math.min(diagramWidth(m, m.frameW, m.frameH), legible);

  const sideW = Math.floor(
    Math.min(m.frameW - GAP_PX - m.chromeW - target, SIDE.max, m.frameW * SIDE.share),
  );
  const laneNeeded = Math.max(
    LANE_MIN_PX,
    target / RATIO + m.chromeH + (m.closeup ? CLOSEUP_MIN_PX : 0),
  );
  const belowH = Math.floor(
    Math.min(
      m.frameH - GAP_PX - (laneNeeded * m.lanes + GAP_PX * (m.lanes - 1)),
      BELOW.max,
      m.frameH * BELOW.share,
    ),
  );
  const side = sideW >= SIDE.min ? diagramWidth(m, m.frameW - GAP_PX - sideW, m.frameH) : -1;
  const below = belowH >= BELOW.min ? diagramWidth(m, m.frameW, m.frameH - GAP_PX - belowH) : -1;
  if (side < 0 && below < 0) return { kind: 'none' };
  // Whichever leaves the diagrams larger; when both leave them about as large (both at legible),
  // whichever chart is larger, which also fills the lanes' spare width rather than leaving it.
  const tie = Math.abs(side - below) <= 0.02 * Math.max(side, below);
  const sideFirst = tie ? sideW * m.frameH >= belowH * m.frameW : side > below;
  if (side >= 0 && (below < 0 || sideFirst)) return { kind: 'side', sizePx: sideW };
  const laneH = laneHeight(m, m.frameH - GAP_PX - belowH);
  const main = laneH - m.chromeH;
  return {
    kind: 'below',
    sizePx: belowH,
    diagramMinPx: Math.floor(
      Math.max(target / RATIO, Math.min(below / RATIO, main - CLOSEUP_MIN_PX)),
    ),
    lowLanes: laneH < LOW_LANE_PX,
  };
}
