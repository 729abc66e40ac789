/** "Sync or async?": the student sorts everyday tasks and, after each pick, reads whether it was
 * right and why. */
import { EXERCISE } from '../../scenarios/index.ts';
import { selectDialog, selectExercise } from '../../lessons/selectors.ts';
import { useHandles, useViewState } from '../../store/hooks.ts';
import { Dialog } from './Dialog.tsx';
import { ExerciseTaskRow } from './ExerciseTaskRow.tsx';

export function ExerciseDialog() {
  const open = useViewState(selectDialog) === 'exercise';
  const picks = useViewState(selectExercise);
  const { view } = useHandles();
  const answered = EXERCISE.filter((t) => picks[t.id] !== undefined);
  const right = answered.filter((t) => picks[t.id] === t.answer).length;
  return (
    <Dialog
      title="Sync or async?"
      open={open}
      onClose={() => view.getState().openDialog(null)}
      className="exercise-dialog"
    >
      <p className="dialog-note">
        Should the user wait for each task (sync), or should a worker do it in the background
        (async)?
      </p>
      <ol className="exercise-list">
        {EXERCISE.map((task) => (
          <ExerciseTaskRow key={task.id} task={task} />
        ))}
      </ol>
      <p className="exercise-score" role="status">
        {answered.length === 0
          ? `${EXERCISE.length} tasks to sort.`
          : `${right} of ${answered.length} right so far, ${EXERCISE.length - answered.length} to go.`}
      </p>
    </Dialog>
  );
}
