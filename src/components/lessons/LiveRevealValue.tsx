/** This run's number for the lesson's question, formatted, following the run: the one small part
 * of a reveal that renders again with every new value, so the card around it does not. */
import { localMetric } from '../../i18n/format.ts';
import { useT } from '../../i18n/react.tsx';
import { selectRevealValue } from '../../lessons/selectors.ts';
import type { Scenario } from '../../scenarios/index.ts';
import { useLessonProgress } from './useLessonProgress.ts';

export function LiveRevealValue({ scenario }: { scenario: Scenario }) {
  const value = useLessonProgress(selectRevealValue);
  const t = useT();
  return <>{localMetric(t, scenario.prediction.reveal.metric, value)}</>;
}
