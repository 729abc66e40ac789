/** How much the token canvases draw, from how long the last frames took: on a slow computer a
 * heavy run's 800 tokens cost more than a frame, so the canvas draws less detail rather than
 * fewer frames. Every level keeps each drawn token true (where it is, its kind, its order); a
 * lower one only leaves out the countdown rings and "try N" labels of orders not in focus, then
 * draws fewer of the moving tokens (the nodes' numbers still count them all). */
import { MAX_MOVING } from './layoutTokens.ts';

/** 0: everything; 1: rings and labels for the focused order only, half the moving tokens; 2: a
 * fifth of the moving tokens. */
export type Detail = 0 | 1 | 2;

/** Moving tokens drawn at most, each of requests, busy workers and flights, by level. */
export const MOVING_AT: Readonly<Record<Detail, number>> = {
  0: MAX_MOVING,
  1: MAX_MOVING / 2,
  2: MAX_MOVING / 5,
};

/** Frames a decision reads: about an eighth of a second at 60 Hz. */
const WINDOW = 8;
/** Past this median interval the frames run late: one vsync at 60 Hz is 16.7 ms... */
const LATE_MS = 20;
/** ...and past this, at two vsyncs or more, so late (a slow computer, a spike) that the least
 * detail is drawn at once rather than a step at a time: each step cost another eighth of a second
 * of frames three vsyncs long. */
const VERY_LATE_MS = 2 * LATE_MS;
/** Frames on time before more detail is tried again: two seconds at 60 Hz. A try that runs late
 * at once doubles the wait for the next (up to half a minute), so a level that does not fit is
 * not tried every two seconds, each try costing a few late frames. */
const CALM_FRAMES = 120;
const CALMEST_FRAMES = 1920;
/** A longer gap is a pause, a hidden tab or a seek, not the frame rate. */
const LONGEST_GAP_MS = 250;

export class FrameBudget {
  detail: Detail = 0;
  private readonly gaps = new Float64Array(WINDOW);
  private readonly sorted = new Float64Array(WINDOW);
  private count = 0;
  private calm = 0;
  private calmNeeded = CALM_FRAMES;
  /** The first decision since more detail was tried is still to come. */
  private trying = false;
  private lastMs = -Infinity;

  /** `now`: the wall clock in ms (a test gives its own). */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Notes a frame drawn while playing, now; returns the level to draw it at. */
  frame(): Detail {
    const wallMs = this.now();
    const gap = wallMs - this.lastMs;
    this.lastMs = wallMs;
    if (!(gap > 0) || gap > LONGEST_GAP_MS) {
      this.count = 0;
      return this.detail;
    }
    this.gaps[this.count++ % WINDOW] = gap;
    if (this.count < WINDOW) return this.detail;
    const median = this.median();
    const late = median > LATE_MS;
    if (this.trying) {
      this.trying = false;
      this.calmNeeded = late ? Math.min(this.calmNeeded * 2, CALMEST_FRAMES) : CALM_FRAMES;
    }
    if (late) {
      this.calm = 0;
      if (this.detail < 2) {
        this.detail = median > VERY_LATE_MS ? 2 : ((this.detail + 1) as Detail);
        // The next decision reads frames drawn at the new level only.
        this.count = 0;
      }
    } else if (this.detail > 0 && ++this.calm >= this.calmNeeded) {
      this.calm = 0;
      this.count = 0;
      this.trying = true;
      this.detail = (this.detail - 1) as Detail;
    }
    return this.detail;
  }

  private median(): number {
    this.sorted.set(this.gaps);
    this.sorted.sort();
    return (this.sorted[(WINDOW >> 1) - 1]! + this.sorted[WINDOW >> 1]!) / 2;
  }
}
