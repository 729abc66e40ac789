/** When a lesson has ended, the one definition that the stage's reveal and the prediction's
 * reveal share: a pure function of the run's captions (the store's `beats`), the moment shown and
 * whether the run has settled. */
import type { Beat } from '../scenarios/index.ts';
import { beatIndexAt } from '../scenarios/beats.ts';

/**
 * A lesson has ended at `nowMs` once its last caption is showing (the caption strip reads
 * "Caption N of N") or the run has settled (no orders left to arrive, no scripted change to come,
 * no request or email job unfinished), whichever it reaches first. The last caption is where the
 * lesson's author says its point has been made; a run that settles first (a user who slowed the
 * traffic) has nothing left to show. Seeking back before both un-ends it.
 *
 * `beats` are the store's captions for this run, never the scenario file's: they may be resolved
 * against the engine.
 */
export function lessonEnded(beats: readonly Beat[], nowMs: number, settled: boolean): boolean {
  if (settled) return true;
  return beats.length > 0 && beatIndexAt(beats, nowMs) === beats.length - 1;
}
