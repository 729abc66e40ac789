/** Opening a lesson the page may not have loaded yet: its content first (a chunk of its own), then
 * the store selects it, so that the store only ever holds a lesson whose captions are here. */
import {
  findScenario,
  lessonEntry,
  lessonLoadFailed,
  loadLesson,
  type Scenario,
} from '../scenarios/index.ts';
import type { SimulatorActions } from '../store/simulatorTypes.ts';

/** Undefined once the lesson is open, else what went wrong, in a sentence for the student: at
 * once for a lesson loaded already (the next one is, after the first screen: a click on Next opens
 * it in the same task), else once its content has arrived. */
export function openLesson(
  actions: () => Pick<SimulatorActions, 'loadScenario'>,
  id: string,
): string | undefined | Promise<string | undefined> {
  const entry = lessonEntry(id);
  // Not a lesson, the store's refusal names the lessons there are; a loaded one opens now.
  if (!entry || findScenario(id)) return actions().loadScenario(id);
  return loadLesson(id).then(
    () => actions().loadScenario(id),
    () => lessonLoadFailed(entry.title),
  );
}

/** Hands openLesson's answer to `done`: in the same task when it had it at once. */
export function whenOpened(
  answer: ReturnType<typeof openLesson>,
  done: (problem: string | undefined) => void,
): void {
  if (answer instanceof Promise) void answer.then(done);
  else done(answer);
}

/** Loads a lesson ahead of its click (the next one), quietly: a failure is said when it is opened. */
export function preloadLesson(id: string | undefined): Promise<Scenario | undefined> {
  if (id === undefined) return Promise.resolve(undefined);
  return loadLesson(id).catch(() => undefined);
}
