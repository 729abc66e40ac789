/** What a lesson's summary and goals read while its prediction is still a question, and after:
 * the full texts answer it, so until the student answers (or skips) the premise and the goals'
 * neutral labels stand in for them. */
import { t } from '../i18n/runtime.ts';
import type { Goal, Scenario } from '../scenarios/index.ts';
import type { Say } from './verdict.ts';

/** The one-line summary under the lesson's title; `offLesson`: captions were left out, and the
 * run is no longer the lesson's own, so what it teaches may not be this run's numbers (an outbox
 * makes the async email later than the 2.55 s the checkout's summary gives): a sentence says so
 * instead. `scenario` is in the language on (localLesson). */
export function lessonSummary(
  scenario: Scenario,
  questionOpen: boolean,
  offLesson = false,
  say: Say = t,
): string {
  if (questionOpen) return scenario.premise;
  return offLesson ? say('lessonUi.summary.offLesson') : scenario.teaches;
}

/** A goal's label in the checklist. */
export function goalLabel(goal: Goal, questionOpen: boolean): string {
  return questionOpen ? (goal.labelBeforeAnswer ?? goal.label) : goal.label;
}

/** Everything about a lesson that is on screen beside its prediction: its title, the summary and
 * the goals, as the student reads them with the question open or answered. */
export function lessonTexts(scenario: Scenario, questionOpen: boolean): string[] {
  return [
    scenario.title,
    lessonSummary(scenario, questionOpen),
    ...scenario.goals.map((g) => goalLabel(g, questionOpen)),
  ];
}

/** The prediction's key words found in `texts`, matched without regard to case. */
export function keyWordsIn(scenario: Scenario, texts: readonly string[]): string[] {
  const haystack = texts.join('\n').toLowerCase();
  return scenario.prediction.keyWords.filter((w) => haystack.includes(w.toLowerCase()));
}
