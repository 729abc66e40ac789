/** A link's `caption=N`: the moment of the loaded lesson's Nth caption (1-based, as the caption
 * strip counts them), or the range it allows. Pure over the beats the store holds, never the
 * scenario file's: the store may resolve a lesson's beats against its run. */
import { parseDecimal } from '../engine/index.ts';
import { beatMs } from '../scenarios/beats.ts';
import type { Beat } from '../scenarios/index.ts';

export type CaptionTarget = { index: number; ms: number } | { allowed: string };

/** Reads `raw` against the captions of the lesson on screen (`inLesson`: a lesson is loaded). */
export function captionMoment(
  raw: string,
  beats: readonly Beat[],
  inLesson: boolean,
): CaptionTarget {
  if (beats.length === 0) {
    return {
      allowed: inLesson
        ? 'a caption number, and this lesson has no captions'
        : 'a caption number, which needs a lesson (scenario=…)',
    };
  }
  const n = parseDecimal(raw);
  if (Number.isInteger(n) && n >= 1 && n <= beats.length) {
    return { index: n - 1, ms: beatMs(beats[n - 1]!) };
  }
  return {
    allowed:
      beats.length === 1
        ? 'the caption number 1, this lesson’s only caption'
        : `a caption number from 1 to ${beats.length}`,
  };
}
