/** One task of the exercise: a sync/async choice as native radio buttons, then the verdict. */
import type { Choice, ExerciseTask } from '../../scenarios/index.ts';
import { useT } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import { localTask } from '../../lessons/localExercise.ts';
import { selectExercise } from '../../lessons/selectors.ts';
import { useHandles, usePageState } from '../../store/react/hooks.ts';
import { Icon } from '../Icon.tsx';

const CHOICES: readonly { value: Choice; label: MessageId }[] = [
  { value: 'sync', label: 'mode.sync' },
  { value: 'async', label: 'mode.async' },
];

export function ExerciseTaskRow({ task: own }: { task: ExerciseTask }) {
  const t = useT();
  const task = localTask(own, t.locale);
  const pick = usePageState(selectExercise)[task.id];
  const { page } = useHandles();
  const right = pick === task.answer;
  return (
    <li className="exercise-task">
      <fieldset>
        <legend>{task.task}</legend>
        <div className="choice-row">
          {CHOICES.map((c) => (
            <label key={c.value} className="choice">
              <input
                type="radio"
                name={`exercise-${task.id}`}
                value={c.value}
                checked={pick === c.value}
                onChange={() => page.getState().pickExercise(task.id, c.value)}
              />
              <span>{t(c.label)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {pick !== undefined && (
        <p className={`verdict ${right ? 'verdict-right' : 'verdict-wrong'}`}>
          <Icon name={right ? 'check' : 'cross'} />
          <span>
            <strong>
              {right
                ? t('lessonUi.exercise.right')
                : t('lessonUi.exercise.notQuite', { answer: task.answer })}
            </strong>{' '}
            {task.why}
          </span>
        </p>
      )}
    </li>
  );
}
