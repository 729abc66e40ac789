/** The animation clock's arithmetic: simulated time from a wall-clock anchor, never from summed
 * frame deltas, so that pause, speed changes and hidden tabs cannot make it drift. */

export interface ClockAnchor {
  /** Wall-clock time (performance.now) at the anchor. */
  wallMs: number;
  /** Simulated time at the anchor. */
  simMs: number;
  /** Simulated ms per wall ms. */
  speed: number;
}

/** Where simulated time should be at wall time `wallMs`. */
export function simTargetAt(anchor: ClockAnchor, wallMs: number): number {
  return anchor.simMs + Math.max(0, wallMs - anchor.wallMs) * anchor.speed;
}

/** A gap between frames longer than this (a hidden tab, a breakpoint, a slow seek) is not
 * played back as a jump: the clock re-anchors instead. */
export const MAX_FRAME_GAP_MS = 250;

/** The speeds the speed control offers, from slow motion to fast-forward. */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4, 10, 30] as const;

export function formatSpeed(speed: number): string {
  return `${speed}×`;
}
