/** Every lesson whole, at once: for the command line, the tests and the scripts, which need them
 * without waiting. The page never imports this (it would carry every lesson's content in its
 * first chunk; `lint/layers.js` forbids it): it loads a lesson when it opens (`load.ts`). */
// Every broker too, so that every lesson runs at once whatever its broker.
import '../engine/queue/all.ts';
import { checkout } from './checkout.ts';
import { designIt } from './designIt.ts';
import { doubleCharge } from './doubleCharge.ts';
import { dualWrite } from './dualWrite.ts';
import { emailOutage } from './emailOutage.ts';
import { flakyEmail } from './flakyEmail.ts';
import { kafkaPoison } from './kafkaPoison.ts';
import { LESSONS } from './lessonIndex.ts';
import { joinLesson, keepLoaded, provideResolver } from './load.ts';
import { passwordCheck } from './passwordCheck.ts';
import { poisonMessage } from './poisonMessage.ts';
import { rabbitDrop } from './rabbitDrop.ts';
import { resolveScript } from './script.ts';
import { slowEmail } from './slowEmail.ts';
import { tooFewWorkers } from './tooFewWorkers.ts';
import { trafficSpike } from './trafficSpike.ts';
import type { LessonContent, Scenario } from './types.ts';
import { workerCrash } from './workerCrash.ts';

const CONTENT: readonly LessonContent[] = [
  checkout,
  emailOutage,
  flakyEmail,
  workerCrash,
  trafficSpike,
  tooFewWorkers,
  passwordCheck,
  poisonMessage,
  doubleCharge,
  slowEmail,
  kafkaPoison,
  rabbitDrop,
  dualWrite,
  designIt,
];

/** The lessons in the index's order; a lesson missing from either half throws here. */
export const SCENARIOS: readonly Scenario[] = LESSONS.map((entry) => {
  const content = CONTENT.find((c) => c.id === entry.id);
  if (!content) throw new Error(`lesson '${entry.id}' has no content`);
  return joinLesson(content);
});
if (CONTENT.length !== SCENARIOS.length) throw new Error('a lesson content has no index entry');

// So that findScenario and the store find every lesson at once, as the page does once it loaded.
for (const scenario of SCENARIOS) keepLoaded(scenario);
provideResolver(resolveScript);
