/** Reads the lesson's progress (goal times, the reveal) with a named selector. */
import { useStore } from 'zustand';
import { lessonProgressOf, type LessonProgress } from '../../lessons/progress.ts';
import { useSimulator } from '../../store/react/hooks.ts';

export function useLessonProgress<T>(selector: (p: LessonProgress) => T): T {
  return useStore(lessonProgressOf(useSimulator()).store, selector);
}
