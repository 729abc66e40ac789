/** "Sync or async?": the student sorts everyday tasks and, after each pick, reads whether it was
 * right and why. */
import '../../i18n/parts/dialogs.ts';
import { useT } from '../../i18n/react.tsx';
import { t as pageT } from '../../i18n/runtime.ts';
import type { Say } from '../../lessons/verdict.ts';
import { EXERCISE } from '../../scenarios/index.ts';
import { selectDialog, selectExercise } from '../../lessons/selectors.ts';
import { useHandles, usePageState } from '../../store/react/hooks.ts';
import { Dialog } from './Dialog.tsx';
import { ExerciseTaskRow } from './ExerciseTaskRow.tsx';

export function ExerciseDialog() {
  const open = usePageState(selectDialog) === 'exercise';
  const picks = usePageState(selectExercise);
  const { page } = useHandles();
  const t = useT();
  const answered = EXERCISE.filter((t) => picks[t.id] !== undefined);
  const right = answered.filter((t) => picks[t.id] === t.answer).length;
  return (
    <Dialog
      title={t('lessonUi.exercise.title')}
      open={open}
      onClose={() => page.getState().openDialog(null)}
      className="exercise-dialog"
    >
      <p className="dialog-note">{t('lessonUi.exercise.note')}</p>
      <ol className="exercise-list">
        {EXERCISE.map((task) => (
          <ExerciseTaskRow key={task.id} task={task} />
        ))}
      </ol>
      <p className="exercise-score" role="status">
        {scoreText(answered.length, right, EXERCISE.length, t)}
      </p>
    </Dialog>
  );
}

/** The line under the tasks: how many to sort, the score so far, and at the end the result. */
export function scoreText(
  answered: number,
  right: number,
  total: number,
  say: Say = pageT,
): string {
  if (answered === 0) return say('lessonUi.exercise.toSort', { total });
  if (answered < total) {
    return say('lessonUi.exercise.soFar', { right, answered, left: total - answered });
  }
  if (right === total) return say('lessonUi.exercise.allRight', { total });
  return say('lessonUi.exercise.done', { right, total });
}
