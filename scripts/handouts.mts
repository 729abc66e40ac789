// Prints every lesson's handout as the handout page computes it (lessons/handout.ts: the
// lesson's own run, through the engine), as JSON, for the browser test of the printed handouts
// to compare the PDF with: `npx tsx scripts/handouts.mts`.
import { handoutOf } from '../src/lessons/handout.ts';
import { SCENARIOS } from '../src/scenarios/all.ts';

const handouts = SCENARIOS.map((scenario) => {
  const { scenario: lesson, ...rest } = handoutOf(scenario);
  return { id: lesson.id, title: lesson.title, ...rest };
});
console.log(JSON.stringify(handouts));
