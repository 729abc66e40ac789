/** The lesson's column beside the lanes: the prediction and the goals of the loaded scenario. */
import { findScenario } from '../../scenarios/index.ts';
import { selectScenarioId } from '../../lessons/selectors.ts';
import { useSim } from '../../store/hooks.ts';
import { GoalsChecklist } from './GoalsChecklist.tsx';
import { PredictionCard } from './PredictionCard.tsx';

export function LessonSide() {
  const scenarioId = useSim(selectScenarioId);
  const scenario = scenarioId === null ? undefined : findScenario(scenarioId);
  if (!scenario) return null;
  return (
    <div className="lesson-side">
      <PredictionCard key={scenario.id} scenario={scenario} />
      <GoalsChecklist scenario={scenario} />
    </div>
  );
}
