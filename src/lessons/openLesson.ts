/** Opening a lesson the page may not have loaded yet: its content first (a chunk of its own), then
 * the store selects it, so that the store only ever holds a lesson whose captions are here. */
import { lessonEntry, lessonLoadFailed, loadLesson, type Scenario } from '../scenarios/index.ts';
import type { SimulatorActions } from '../store/simulatorTypes.ts';

/** Undefined once the lesson is open, else what went wrong, in a sentence for the student. */
export async function openLesson(
  actions: () => Pick<SimulatorActions, 'loadScenario'>,
  id: string,
): Promise<string | undefined> {
  const entry = lessonEntry(id);
  // Not a lesson: the store's refusal names the lessons there are.
  if (!entry) return actions().loadScenario(id);
  try {
    await loadLesson(id);
  } catch {
    return lessonLoadFailed(entry.title);
  }
  return actions().loadScenario(id);
}

/** Loads a lesson ahead of its click (the next one), quietly: a failure is said when it is opened. */
export function preloadLesson(id: string | undefined): Promise<Scenario | undefined> {
  if (id === undefined) return Promise.resolve(undefined);
  return loadLesson(id).catch(() => undefined);
}
