/** The lesson loaded, in the language on: what every part of the page that shows a lesson's words
 * reads, so that a change of language rewrites them all at once. */
import { useLocale } from '../../i18n/react.tsx';
import { localLesson } from '../../lessons/localLesson.ts';
import { selectScenarioId } from '../../lessons/selectors.ts';
import { findScenario, type Scenario } from '../../scenarios/index.ts';
import { useSim } from '../../store/react/hooks.ts';

/** Lesson `id` (or none) as loaded, in the language on; the same object while neither changes. */
export function useLocalLesson(id: string | null): Scenario | undefined {
  const locale = useLocale();
  const scenario = id === null ? undefined : findScenario(id);
  return scenario && localLesson(scenario, locale);
}

/** The store's lesson, in the language on. */
export function useLesson(): Scenario | undefined {
  return useLocalLesson(useSim(selectScenarioId));
}
