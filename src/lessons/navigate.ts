/** Moving between a lesson's beats, as a presenter's clicker does: to the next caption's moment,
 * or back to the one before. Both are jumps, so they stop playback and never trip a pause. */
import type { Simulator } from '../store/simulatorStore.ts';
import { nextBeatMs, previousBeatMs } from '../scenarios/beats.ts';

/** Seeks to the next (+1) or previous (-1) beat; returns false when there is none to go to. */
export function goToBeat(simulator: Simulator, direction: 1 | -1): boolean {
  const { store } = simulator;
  const s = store.getState();
  if (s.beats.length === 0) return false;
  const target = direction === 1 ? nextBeatMs(s.beats, s.simMs) : previousBeatMs(s.beats, s.simMs);
  if (target === undefined || (direction === -1 && target === s.simMs)) return false;
  s.pause();
  // A beat ahead of the furthest moment played is still a place to go, after the arrivals too:
  // the run is deterministic, and a jump simulates as far as the beat needs.
  return s.jumpTo(target) === undefined;
}
