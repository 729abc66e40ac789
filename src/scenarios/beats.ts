/** A scenario's beats as moments of simulated time: which caption is showing, where playback
 * pauses by itself, and which beat comes before or after a moment. Pure, for the store and views. */
import type { Beat } from './types.ts';

/** A beat's moment in whole microseconds, as the engine schedules (2.55 s is exactly 2550 ms). */
export function beatMs(beat: Beat): number {
  return Math.round(beat.atSec * 1_000_000) / 1000;
}

/** The index of the latest beat at or before `simMs`, or -1 before the first. */
export function beatIndexAt(beats: readonly Beat[], simMs: number): number {
  let index = -1;
  for (let i = 0; i < beats.length; i++) {
    if (beatMs(beats[i]!) <= simMs) index = i;
  }
  return index;
}

/** The moments at which playing stops by itself, ascending. */
export function pauseMoments(beats: readonly Beat[]): number[] {
  return beats
    .filter((b) => b.pause === true)
    .map(beatMs)
    .sort((a, b) => a - b);
}

/** The first pause strictly after `nowMs` (Infinity if none): playing on from a beat's own moment
 * does not stop there again. */
export function nextPauseAfter(moments: readonly number[], nowMs: number): number {
  for (const t of moments) if (t > nowMs) return t;
  return Infinity;
}

/** The moment of the first beat after `simMs`, or undefined at the last. */
export function nextBeatMs(beats: readonly Beat[], simMs: number): number | undefined {
  return beats.map(beatMs).find((t) => t > simMs);
}

/** The moment of the beat before the one showing at `simMs` (0 s from the first), so that "back"
 * always brings an earlier caption on screen. */
export function previousBeatMs(beats: readonly Beat[], simMs: number): number {
  const index = beatIndexAt(beats, simMs);
  if (index <= 0) return 0;
  return beatMs(beats[index - 1]!);
}

/** The order the caption showing at `simMs` points at (its `focusOrder`), or 0 for none. */
export function focusOrderAt(beats: readonly Beat[], simMs: number): number {
  const index = beatIndexAt(beats, simMs);
  return index >= 0 ? (beats[index]!.focusOrder ?? 0) : 0;
}
