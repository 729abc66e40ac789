/** What the student said about a lesson's question against its answer, as the reveal words it:
 * right, wrong, skipped, or never answered (a link straight to a later moment, Play pressed
 * instead of answering, or an embed, where the room is asked rather than the page). */
import type { Prediction } from '../scenarios/index.ts';

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
export function verdictSentence(v: Verdict): string {
  switch (v.kind) {
    case 'right':
      return `You were right: ${v.answer}.`;
    case 'wrong':
      return `Not quite. You said: ${v.yours}. The answer: ${v.answer}.`;
    case 'skipped':
      return `You skipped the question. The answer: ${v.answer}.`;
    case 'unanswered':
      return `The answer: ${v.answer}.`;
  }
}
