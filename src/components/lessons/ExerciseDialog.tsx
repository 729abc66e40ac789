/** "Sync or async?": the student sorts everyday tasks and, after each pick, reads whether it was
 * right and why. */
import { EXERCISE } from '../../scenarios/index.ts';
import { selectDialog, selectExercise } from '../../lessons/selectors.ts';
import { useHandles, usePageState } from '../../store/react/hooks.ts';
import { Dialog } from './Dialog.tsx';
import { ExerciseTaskRow } from './ExerciseTaskRow.tsx';

export function ExerciseDialog() {
  const open = usePageState(selectDialog) === 'exercise';
  const picks = usePageState(selectExercise);
  const { page } = useHandles();
  const answered = EXERCISE.filter((t) => picks[t.id] !== undefined);
  const right = answered.filter((t) => picks[t.id] === t.answer).length;
  return (
    <Dialog
      title="Sync or async?"
      open={open}
      onClose={() => page.getState().openDialog(null)}
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
        {scoreText(answered.length, right, EXERCISE.length)}
      </p>
    </Dialog>
  );
}

/** The line under the tasks: how many to sort, the score so far, and at the end the result. */
export function scoreText(answered: number, right: number, total: number): string {
  if (answered === 0) return `${total} tasks to sort.`;
  if (answered < total) return `${right} of ${answered} right so far, ${total - answered} to go.`;
  if (right === total) return `All ${total} sorted, all ${total} right.`;
  return `All ${total} sorted: ${right} of ${total} right. Read the reasons under the others.`;
}
