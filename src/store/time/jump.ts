/** Jumps (seeks, links, a host's seek, the next caption) that keep the tab answering: the engine
 * runs towards the target for at most JUMP_SLICE_MS of wall time per frame, so a long replay is
 * computed in slices across frames, with its progress published and a way to cancel it. A drag's
 * jumps are aimed (`aim`): one at a time, retargeted by each move, and shown in the frame after
 * the one that ran them, so that no frame both runs the engine and draws everything anew. */
import type { LanePair } from '../lanes/lanePair.ts';
import type { FrameClock } from './clock.ts';

/** Wall time a jump may take in one go; the rest waits for the next frame. */
export const JUMP_SLICE_MS = 50;
/** The same for a drag's jump: the frame also draws the moment it lands on, and a drag lands
 * many times, so its slices are shorter (a slice may overrun by a step, and restoring a
 * checkpoint comes on top). */
export const SCRUB_SLICE_MS = 25;
/** A drag's moments are shown in full, the charts with them, at most this often (as when
 * playing); in between, as a frame of playing shows them. */
const CHARTS_EVERY_MS = 250;

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
  /** The lanes reached a drag's target that a newer one has replaced: show it (as a frame of
   * playing would, the charts at their own pace) and go on. */
  passed(): void;
}

export interface Jumper {
  /** Runs towards the target; returns true when it got there at once (no slicing needed). */
  start(targetMs: number): boolean;
  /** Aims at the target with no work now: the jump runs in slices from the next frame on, and a
   * jump under way is retargeted rather than begun again. A drag's moves, many a frame, so
   * merge into at most one jump in flight, and only the latest target is run to. Its progress
   * is published only once it takes more than one slice. */
  aim(targetMs: number): void;
  /** Stops a jump under way where it got to; returns whether there was one. */
  cancel(): boolean;
}

export function createJumper(pair: LanePair, clock: FrameClock, hooks: JumpHooks): Jumper {
  let frameId = 0;
  let jump: JumpProgress | null = null;
  /** The jump under way was aimed (a drag's), not started. */
  let aimed = false;
  /** Whether `jump` has been published (an aimed jump is not, until its first slice). */
  let shown = false;
  /** An aimed jump reached its target and is still to be shown in full: 'arrived' in the last
   * frame (this one shows it), 'settling' shown as a frame of playing is, the charts to come. */
  let unshown: 'arrived' | 'settling' | null = null;
  /** When an aimed jump was last shown in full, the charts with it. */
  let landedWallMs = -Infinity;
  /** A drag's newer target behind where the lanes have got to: retargeting now would restore a
   * checkpoint and throw the jump's work away, frame after frame, so it waits until the jump in
   * flight lands. */
  let waitingMs: number | null = null;
  /** The jump in flight has run a slice: the lanes have moved towards it. */
  let ran = false;

  const aimAt = (targetMs: number): JumpProgress => {
    ran = false;
    return { fromMs: pair.startMsFor(targetMs), toMs: targetMs, reachedMs: pair.nowMs };
  };

  const publish = (progress: JumpProgress | null) => {
    if (progress === null && !shown) return;
    shown = progress !== null;
    hooks.progress(progress);
  };

  /** One slice; true when the target is reached, or the engine stopped the run short of it (the
   * stage says so; a jump never waits on a run that goes no further). */
  const run = (toMs: number): boolean =>
    pair.runTo(toMs, clock.now() + (aimed ? SCRUB_SLICE_MS : JUMP_SLICE_MS), clock.now) >= toMs ||
    pair.stopped() !== null;

  const next = () => {
    frameId = 0;
    if (unshown !== null && !jump) {
      // The drag rests: show its moment in full, the charts too, at most every CHARTS_EVERY_MS.
      if (clock.now() - landedWallMs >= CHARTS_EVERY_MS) {
        unshown = null;
        landedWallMs = clock.now();
        return hooks.landed();
      }
      if (unshown === 'arrived') hooks.passed();
      unshown = 'settling';
      frameId = clock.requestFrame(next);
      return;
    }
    if (unshown === 'arrived') {
      // A newer target came meanwhile: show where the lanes are, and run on next frame.
      unshown = null;
      hooks.passed();
      frameId = clock.requestFrame(next);
      return;
    }
    unshown = null;
    if (!jump) return;
    ran = true;
    if (run(jump.toMs)) {
      jump = null;
      publish(null);
      if (aimed) {
        unshown = 'arrived';
        if (waitingMs !== null) jump = aimAt(waitingMs);
        waitingMs = null;
        frameId = clock.requestFrame(next);
      } else hooks.landed();
      return;
    }
    jump = { ...jump, reachedMs: pair.nowMs };
    publish(jump);
    frameId = clock.requestFrame(next);
  };

  const stop = () => {
    if (frameId !== 0) clock.cancelFrame(frameId);
    frameId = 0;
    // A jump that arrived but is not shown yet counts: the caller publishes the moment.
    const was = jump !== null || unshown !== null;
    jump = null;
    unshown = null;
    waitingMs = null;
    publish(null);
    return was;
  };

  return {
    start(targetMs) {
      stop();
      aimed = false;
      // A jump replays from the nearest checkpoint (or 0 s): its progress counts from there.
      const fromMs = pair.startMsFor(targetMs);
      if (run(targetMs)) {
        hooks.landed();
        return true;
      }
      jump = { fromMs, toMs: targetMs, reachedMs: pair.nowMs };
      publish(jump);
      frameId = clock.requestFrame(next);
      return false;
    },
    aim(targetMs) {
      if (jump?.toMs === targetMs) return;
      if (!jump && unshown === null) aimed = true;
      if (aimed && jump && ran && targetMs < pair.nowMs) {
        waitingMs = targetMs;
        return;
      }
      waitingMs = null;
      jump = aimAt(targetMs);
      if (shown) publish(jump);
      if (frameId === 0) frameId = clock.requestFrame(next);
    },
    cancel: stop,
  };
}
