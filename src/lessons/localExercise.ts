/** The "sync or async?" exercise's tasks in the language on: their English is the exercise's own
 * (`scenarios/exercise.ts`), repeated in the catalogs for translators, as a lesson's is. */
import type { Locale } from '../i18n/locales.ts';
import { translated } from '../i18n/runtime.ts';
import type { ExerciseTask } from '../scenarios/exercise.ts';

export const exerciseIds = (id: string) => ({
  task: `exercise.${id}.task`,
  why: `exercise.${id}.why`,
});

/** A task with its words in `locale`, the English where the catalog lacks them. */
export function localTask(task: ExerciseTask, locale: Locale): ExerciseTask {
  if (locale === 'en') return task;
  const ids = exerciseIds(task.id);
  return {
    ...task,
    task: translated(ids.task, undefined, locale) ?? task.task,
    why: translated(ids.why, undefined, locale) ?? task.why,
  };
}
