/** Jumps (seeks, links, a host's seek, the next caption) that keep the tab answering: the engine
 * runs towards the target for at most JUMP_SLICE_MS of wall time per frame, so a long replay is
 * computed in slices across frames, with its progress published and a way to cancel it. */
import type { LanePair } from './lanePair.ts';
import type { FrameClock } from './simulatorTypes.ts';

/** Wall time a jump may take in one go; the rest waits for the next frame. */
export const JUMP_SLICE_MS = 50;

/** A jump under way: from where, to where, and how far it has got (simulated ms). */
export interface JumpProgress {
  fromMs: number;
  toMs: number;
  reachedMs: number;
}

export interface JumpHooks {
  /** A sliced jump moved on, or ended (null). */
  progress(jump: JumpProgress | null): void;
  /** The lanes reached the target. */
  landed(): void;
}

export interface Jumper {
  /** Runs towards the target; returns true when it got there at once (no slicing needed). */
  start(targetMs: number): boolean;
  /** Stops a jump under way where it got to; returns whether there was one. */
  cancel(): boolean;
}

export function createJumper(pair: LanePair, clock: FrameClock, hooks: JumpHooks): Jumper {
  let frameId = 0;
  let jump: JumpProgress | null = null;

  /** One slice; true when the target is reached, or the engine stopped the run short of it (the
   * stage says so; a jump never waits on a run that goes no further). */
  const run = (toMs: number): boolean =>
    pair.runTo(toMs, clock.now() + JUMP_SLICE_MS, clock.now) >= toMs || pair.stopped() !== null;

  const next = () => {
    frameId = 0;
    if (!jump) return;
    if (run(jump.toMs)) {
      jump = null;
      hooks.progress(null);
      hooks.landed();
      return;
    }
    jump = { ...jump, reachedMs: pair.nowMs };
    hooks.progress(jump);
    frameId = clock.requestFrame(next);
  };

  const stop = () => {
    if (frameId !== 0) clock.cancelFrame(frameId);
    frameId = 0;
    const was = jump !== null;
    jump = null;
    if (was) hooks.progress(null);
    return was;
  };

  return {
    start(targetMs) {
      stop();
      // A jump replays from the nearest checkpoint (or 0 s): its progress counts from there.
      const fromMs = pair.startMsFor(targetMs);
      if (run(targetMs)) {
        hooks.landed();
        return true;
      }
      jump = { fromMs, toMs: targetMs, reachedMs: pair.nowMs };
      hooks.progress(jump);
      frameId = clock.requestFrame(next);
      return false;
    },
    cancel: stop,
  };
}
