// The engine's slice of a frame shrinks when the frames run late, so that on a computer too slow
// for the run the frames keep coming (and the run plays slower than asked) rather than each frame
// taking several vsyncs.
import { describe, expect, it } from 'vitest';
import { sliceMs } from '../../src/store/time/frameLoop.ts';

describe('the engine slice of a frame', () => {
  it('is the whole 9 ms while frames come at 60 Hz or a little late', () => {
    expect(sliceMs(1000 / 60)).toBe(9);
    expect(sliceMs(20)).toBe(9);
  });

  it('shrinks in proportion as the frames run later, never below 3 ms', () => {
    expect(sliceMs(40)).toBeCloseTo(4.5, 5);
    expect(sliceMs(30)).toBeCloseTo(6, 5);
    expect(sliceMs(60)).toBe(3);
    expect(sliceMs(250)).toBe(3);
    for (let ms = 17; ms < 300; ms += 7) {
      expect(sliceMs(ms)).toBeLessThanOrEqual(sliceMs(ms - 7));
    }
  });

  it('takes a gap that is not a number for frames on time', () => {
    expect(sliceMs(Number.NaN)).toBe(9);
  });
});
