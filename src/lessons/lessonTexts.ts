/** What a lesson's summary and goals read while its prediction is still a question, and after:
 * the full texts answer it, so until the student answers (or skips) the premise and the goals'
 * neutral labels stand in for them. */
import type { Goal, Scenario } from '../scenarios/index.ts';

/** Said instead of what the lesson teaches when the run is not the lesson's own: changed settings
 * left some of its captions out, so the summary's numbers may no longer be this run's (an outbox
 * makes the async email later than the 2.55 s the checkout's summary gives). */
export const OFF_LESSON_SUMMARY =
  'Your changes took this run away from the lesson’s own: some captions no longer hold. The lesson’s answer is for its own settings; this run’s number is the one shown here.';

/** The one-line summary under the lesson's title; `offLesson`: captions were left out. */
export function lessonSummary(
  scenario: Scenario,
  questionOpen: boolean,
  offLesson = false,
): string {
  if (questionOpen) return scenario.premise;
  return offLesson ? OFF_LESSON_SUMMARY : scenario.teaches;
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
