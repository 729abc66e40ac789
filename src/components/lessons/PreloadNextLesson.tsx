/** Loads the lesson after the open one once the first screen is on show, so that "Next lesson"
 * opens it at once instead of waiting for its chunk. Draws nothing. */
import { useEffect } from 'react';
import { nextLesson } from '../../lessons/lessonOrder.ts';
import { preloadLesson } from '../../lessons/openLesson.ts';
import { selectScenarioId } from '../../lessons/selectors.ts';
import { useSim } from '../../store/react/hooks.ts';

export function PreloadNextLesson() {
  const scenarioId = useSim(selectScenarioId);
  useEffect(() => {
    if (scenarioId !== null) void preloadLesson(nextLesson(scenarioId)?.id);
  }, [scenarioId]);
  return null;
}
