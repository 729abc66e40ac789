/** Whether a lesson's prediction is still a question: not locked in, not skipped, and the run has
 * not got far enough to reveal the answer by itself. */
import {
  selectPredictions,
  selectRevealReady,
  selectSkippedPredictions,
} from '../../lessons/selectors.ts';
import { usePageState } from '../../store/react/hooks.ts';
import { useLessonProgress } from './useLessonProgress.ts';

export function useQuestionOpen(scenarioId: string): boolean {
  const locked = usePageState(selectPredictions)[scenarioId] !== undefined;
  const skipped = usePageState(selectSkippedPredictions)[scenarioId] === true;
  const ready = useLessonProgress(selectRevealReady);
  return !locked && !skipped && !ready;
}
