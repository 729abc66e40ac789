/** The frame loop, the one owner of time: the only requestAnimationFrame loop, turning wall time
 * times speed into simulated time from an anchor, pausing by itself at a lesson's beats and once
 * nothing more can happen, and driving the jumps (seeks) that go on in slices across frames. */
import type { StoreApi } from 'zustand/vanilla';
import { nextPauseAfter, pauseMoments } from '../../scenarios/beats.ts';
import type { Beat } from '../../scenarios/index.ts';
import { MAX_FRAME_GAP_MS, simTargetAt, type ClockAnchor } from './clock.ts';
import { createJumper } from './jump.ts';
import type { LanePair } from '../lanes/lanePair.ts';
import type { Publisher } from '../publish/publisher.ts';
import type { FrameClock, SimulatorStore } from '../simulatorTypes.ts';

/** Engine work allowed per frame before the clock gives up and re-anchors, while frames come on
 * time (60 Hz)... */
const FRAME_BUDGET_MS = 9;
/** ...and at least this much when they do not. */
const LEAST_SLICE_MS = 3;
/** Frames later than this (smoothed) run late: a vsync at 60 Hz is 16.7 ms. */
const ON_TIME_MS = 20;

/** The engine's slice of a frame, from how far apart the last frames came (smoothed, in ms). On
 * a computer too slow for the run (a 4x slower CPU in a spike), everything else the frame does
 * (the tokens, the clock, the browser's layout and paint) takes longer too, and a full slice
 * made each frame three or four vsyncs long: the slice shrinks in proportion, so the frames come
 * sooner and the run plays slower than asked (the stage says it runs as fast as this computer
 * allows), rather than jerking along at full speed. */
export function sliceMs(frameMs: number): number {
  if (!(frameMs > ON_TIME_MS)) return FRAME_BUDGET_MS;
  return Math.max(LEAST_SLICE_MS, (FRAME_BUDGET_MS * ON_TIME_MS) / frameMs);
}
/** How long to keep playing once nothing more can happen, before pausing by itself. */
const QUIET_MS = 1200;

export interface FrameLoop {
  /** Starts playing from where the lanes are (a jump under way is dropped first). */
  play(): void;
  /** Stops the frames and any jump under way; the caller sets `playing`. */
  halt(): void;
  /** Stops the frames; a jump under way lands, without playing on (a host's `seek` then
   * `pause` ends at the seek's moment, not part way). The caller sets `playing`. */
  pause(): void;
  /** Simulated time goes on from the lanes' moment at this wall time (now by default). */
  reanchor(wallMs?: number): void;
  /** Starts a jump; a long one goes on in slices across frames, paused meanwhile. */
  startJump(targetMs: number): void;
  /** Aims a jump at the target, to run from the next frame on (Jumper.aim), paused meanwhile. */
  aimJump(targetMs: number): void;
  /** Forgets a jump under way (another action takes over); returns whether there was one. */
  dropJump(): boolean;
}

export function createFrameLoop(
  pair: LanePair,
  clock: FrameClock,
  store: Pick<StoreApi<SimulatorStore>, 'getState' | 'setState'>,
  publisher: Publisher,
  speed: number,
): FrameLoop {
  let frameId = 0;
  let anchor: ClockAnchor = { wallMs: clock.now(), simMs: pair.nowMs, speed };
  let lastWallMs = anchor.wallMs;
  /** The interval between frames while playing, smoothed over the last several. */
  let frameMs = 1000 / 60;
  /** The user pressed play after everything had settled: do not pause again until it unsettles. */
  let keepRunning = false;
  /** A seek that resumes playing once it lands, if it was sliced while playing. */
  let resumeAfterJump = false;
  /** The lesson's beats that pause playback, in ms, for the beats they were read from. */
  let pauses = { beats: null as readonly Beat[] | null, ms: [] as readonly number[] };

  const { publish } = publisher;

  function pauseMs(): readonly number[] {
    const { beats } = store.getState();
    if (beats !== pauses.beats) pauses = { beats, ms: pauseMoments(beats) };
    return pauses.ms;
  }

  function startLoop(): void {
    if (frameId === 0) frameId = clock.requestFrame(frame);
  }

  function stopLoop(): void {
    if (frameId !== 0) clock.cancelFrame(frameId);
    frameId = 0;
  }

  function reanchor(wallMs = clock.now()): void {
    anchor = { wallMs, simMs: pair.nowMs, speed: store.getState().speed };
    lastWallMs = wallMs;
  }

  function stopPlaying(): void {
    store.setState({ playing: false, atMaxSpeed: false });
    publish(true);
    idleWorkLater();
  }

  /** The work a playing run leaves for when it stops (LanePair.idleWork: the seek code's
   * warm-up, a checkpoint too big for a frame), in a task of its own once playing stops. */
  function idleWorkLater(): void {
    const work = () => {
      if (!store.getState().playing) pair.idleWork(clock.now);
    };
    if (clock.afterFrame) clock.afterFrame(work);
    else work();
  }

  function frame(): void {
    frameId = 0;
    if (!store.getState().playing) return;
    const start = clock.now();
    const gap = start - lastWallMs;
    if (gap > 0 && gap <= MAX_FRAME_GAP_MS) frameMs += (gap - frameMs) / 8;
    if (gap > MAX_FRAME_GAP_MS) reanchor(start);
    lastWallMs = start;
    let target = simTargetAt(anchor, start);
    const settled = pair.settled();
    if (!settled) keepRunning = false;
    const quietEnd = pair.lastLoggedMs() + QUIET_MS;
    if (settled && !keepRunning) target = Math.min(target, Math.max(quietEnd, pair.nowMs));
    const beatStop = nextPauseAfter(pauseMs(), pair.nowMs);
    if (beatStop <= target) target = beatStop;
    pair.playing = true;
    let reached: number;
    try {
      reached = pair.runTo(target, start + sliceMs(frameMs), clock.now);
    } finally {
      pair.playing = false;
    }
    const behind = reached < target;
    if (behind) reanchor();
    if (behind !== store.getState().atMaxSpeed) store.setState({ atMaxSpeed: behind });
    if (reached >= beatStop || pair.stopped()) return stopPlaying();
    if (settled && !keepRunning && reached >= quietEnd) return stopPlaying();
    publish(false, frameMs);
    startLoop();
  }

  const jumper = createJumper(pair, clock, {
    progress: (jump) => store.setState({ jump }),
    passed() {
      reanchor();
      publish(false);
    },
    landed() {
      reanchor();
      publish(true);
      if (!resumeAfterJump) return;
      resumeAfterJump = false;
      store.getState().play();
    },
  });

  function dropJump(): boolean {
    resumeAfterJump = false;
    return jumper.cancel();
  }

  return {
    play() {
      if (dropJump()) publish(true);
      // A run the engine stopped goes no further (the stage says why): nothing to play.
      if (pair.stopped()) return;
      keepRunning = pair.settled();
      reanchor();
      store.setState({ playing: true });
      startLoop();
    },
    halt() {
      stopLoop();
      dropJump();
    },
    pause() {
      stopLoop();
      resumeAfterJump = false;
      idleWorkLater();
    },
    reanchor,
    startJump(targetMs) {
      const playing = store.getState().playing;
      if (playing) stopLoop();
      if (jumper.start(targetMs)) {
        if (playing) startLoop();
        return;
      }
      if (!playing) return;
      store.setState({ playing: false, atMaxSpeed: false });
      resumeAfterJump = true;
    },
    aimJump(targetMs) {
      if (store.getState().playing) {
        stopLoop();
        store.setState({ playing: false, atMaxSpeed: false });
        resumeAfterJump = true;
      }
      jumper.aim(targetMs);
    },
    dropJump,
  };
}
