// Predictions stay questions: what a lesson shows beside its prediction (title, summary, goals)
// holds none of the answer's key words until the student answers, and all of them after. The key
// words are data beside each prediction; a lesson whose texts lose them fails here too.
import { describe, expect, it } from 'vitest';
import { keyWordsIn, lessonTexts } from '../../src/lessons/lessonTexts.ts';
import { SCENARIOS } from '../../src/scenarios/all.ts';

describe.each(SCENARIOS.map((s) => [s.id, s] as const))('the lesson %s', (_, scenario) => {
  it('names at least one key word of its answer', () => {
    expect(scenario.prediction.keyWords.length).toBeGreaterThan(0);
  });

  it('shows none of the key words while the question is open', () => {
    expect(keyWordsIn(scenario, lessonTexts(scenario, true))).toEqual([]);
  });

  it('says none of them in a caption shown before playing', () => {
    const opening = scenario.beats.filter((b) => b.atSec === 0).map((b) => b.caption);
    expect(keyWordsIn(scenario, opening)).toEqual([]);
  });

  it('shows every key word once the question is answered', () => {
    expect(keyWordsIn(scenario, lessonTexts(scenario, false))).toEqual(
      scenario.prediction.keyWords,
    );
  });
});
