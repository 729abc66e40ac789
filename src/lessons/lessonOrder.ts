/** The lessons in the order they are taken (the index), for moving on from one to the next. */
import { LESSONS, type LessonEntry } from '../scenarios/index.ts';

/** The lesson's place in the list, from 1 (0 when the id is not a lesson). */
export function lessonNumber(id: string): number {
  return LESSONS.findIndex((s) => s.id === id) + 1;
}

/** The lesson after this one, or undefined after the last (or for an id that is not a lesson). */
export function nextLesson(id: string): LessonEntry | undefined {
  const number = lessonNumber(id);
  return number === 0 ? undefined : LESSONS[number];
}

export const FIRST_LESSON: LessonEntry = LESSONS[0]!;
export const LESSON_COUNT = LESSONS.length;
