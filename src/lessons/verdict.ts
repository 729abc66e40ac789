/** What the student said about a lesson's question against its answer, as the reveal words it:
 * right, wrong, skipped, or never answered (a link straight to a later moment, Play pressed
 * instead of answering, or an embed, where the room is asked rather than the page). */
import { t, type MessageId, type MessageValues } from '../i18n/runtime.ts';
import type { Prediction } from '../scenarios/index.ts';

/** A message in the language on: the page's `t`, or a component's (useT), which follows it. */
export type Say = (id: MessageId, values?: MessageValues) => string;

export type Verdict =
  | { kind: 'right'; yours: string; answer: string }
  | { kind: 'wrong'; yours: string; answer: string }
  | { kind: 'skipped'; answer: string }
  | { kind: 'unanswered'; answer: string };

/** `locked` is the option the student locked in, if any; an id that is not one of the options
 * (a stale answer) counts as no answer rather than as a wrong one. */
export function verdictOf(
  prediction: Prediction,
  locked: string | undefined,
  skipped: boolean,
): Verdict {
  const label = (id: string | undefined) => prediction.options.find((o) => o.id === id)?.label;
  const answer = label(prediction.answer) ?? '';
  const yours = label(locked);
  if (yours !== undefined) {
    return { kind: locked === prediction.answer ? 'right' : 'wrong', yours, answer };
  }
  return { kind: skipped ? 'skipped' : 'unanswered', answer };
}

/** The verdict as one plain sentence, for the live region and the one-line reveal. */
export function verdictSentence(v: Verdict, say: Say = t): string {
  switch (v.kind) {
    case 'right':
      return say('lessonUi.verdict.right', { answer: v.answer });
    case 'wrong':
      return say('lessonUi.verdict.wrong', { yours: v.yours, answer: v.answer });
    case 'skipped':
      return say('lessonUi.verdict.skipped', { answer: v.answer });
    case 'unanswered':
      return say('lessonUi.verdict.unanswered', { answer: v.answer });
  }
}
