/** The animation clock's arithmetic: simulated time from a wall-clock anchor, never from summed
 * frame deltas, so that pause, speed changes and hidden tabs cannot make it drift; and the wall
 * clock it reads. */

/** The frame listeners, each with whether it is thinned: called every frame while frames come on
 * time, and only with the moment's publish while they run late; the others (the tokens) every
 * frame. On a slow computer (a 4x slower CPU in a spike) the clock, the scrubber and the chart's
 * now-line, written every frame, made every frame lay out and paint the page (about a third of
 * the main thread's rendering work); the tokens are drawn on a canvas, which needs neither. */
export type FrameListeners = ReadonlyMap<() => void, boolean>;

/** The wall clock and the frames the store plays by: the browser's, or a test's. */
export interface FrameClock {
  now(): number;
  requestFrame(callback: (wallMs: number) => void): number;
  cancelFrame(id: number): void;
  /** Runs `callback` in a task of its own once this frame is drawn, if the clock can; without it,
   * publishing is synchronous (the tests' clocks). */
  afterFrame?(callback: () => void): void;
}

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
