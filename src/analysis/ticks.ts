/** The charts' axis ticks: d3's tick logic (1, 2 or 5 times a power of ten) on counts and times,
 * as few as it takes for the labels not to overlap, each label written once. Pure, no DOM: label
 * widths are estimated from their length at the axes' 11 px font. */
import { tickStep, ticks } from 'd3-array';
import { formatCount, formatTime } from '../format/index.ts';

export interface Tick {
  value: number;
  label: string;
}

/** Counts get whole-number ticks; times get seconds, or minutes from two minutes on. */
export type AxisKind = 'count' | 'time';

/** A generous width of one character of an axis label at 11 px, and the space between labels. */
const CHAR_PX = 6.6;
const GAP_PX = 10;
/** Labels on a vertical axis stack: one line of 11 px text and some air. */
const LINE_PX = 18;
const MINUTE_MS = 60_000;

export function labelWidth(label: string): number {
  return label.length * CHAR_PX;
}

function countTicks(lo: number, hi: number, count: number): Tick[] {
  // d3's steps below 1 (0.5, 0.2…) always land on the whole numbers too: keep only those.
  return ticks(lo, hi, count)
    .filter(Number.isInteger)
    .map((value) => ({ value, label: formatCount(value) }));
}

function timeTicks(lo: number, hi: number, count: number): Tick[] {
  const unit = hi - lo >= 2 * MINUTE_MS ? MINUTE_MS : 1000;
  const step = (tickStep(lo / unit, hi / unit, count) * unit) / 1000;
  // As many decimals as the step needs: 0.5 s steps read "0.5 s", 20 s steps "20 s".
  const digits = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  return ticks(lo / unit, hi / unit, count).map((t) => {
    const value = Math.round(t * unit * 1e6) / 1e6;
    return { value, label: formatTime(value, digits) };
  });
}

/** Whether neighbouring labels keep clear of each other along an axis `lengthPx` long. */
function fits(list: readonly Tick[], lo: number, hi: number, lengthPx: number, across: boolean) {
  const pxPerUnit = lengthPx / (hi - lo);
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1]!;
    const b = list[i]!;
    const apart = (b.value - a.value) * pxPerUnit;
    const needed = across ? (labelWidth(a.label) + labelWidth(b.label)) / 2 + GAP_PX : LINE_PX;
    if (apart < needed) return false;
  }
  return true;
}

/** Ticks for an axis over [lo, hi], `lengthPx` long; `horizontal` when labels sit side by side.
 * Starts from about one tick per 90 px (24 px upright) and asks d3 for fewer until the labels
 * fit; the loop ends at one tick requested, so it cannot spin. */
export function axisTicks(
  kind: AxisKind,
  [lo, hi]: readonly [number, number],
  lengthPx: number,
  horizontal: boolean,
): Tick[] {
  if (!(hi > lo) || !(lengthPx > 0)) return [];
  const make = kind === 'count' ? countTicks : timeTicks;
  let count = Math.max(1, Math.floor(lengthPx / (horizontal ? 90 : 24)));
  let list = make(lo, hi, count);
  while (count > 1 && !fits(list, lo, hi, lengthPx, horizontal)) {
    count--;
    list = make(lo, hi, count);
  }
  return list;
}
