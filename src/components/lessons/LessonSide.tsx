/** The lesson's part of the side panel: what it teaches, the prediction (unless the stage is
 * asking it) and the goals of the loaded scenario. */
import { useLesson } from './useLesson.ts';
import { GoalsChecklist } from './GoalsChecklist.tsx';
import { LessonSummary } from './LessonSummary.tsx';
import { PredictionCard } from './PredictionCard.tsx';
import { useAskingOnStage } from './PredictionOverlay.tsx';

export function LessonSide() {
  const asking = useAskingOnStage();
  const scenario = useLesson();
  if (!scenario) return null;
  return (
    <section className="lesson-side" aria-label="About this lesson">
      <LessonSummary scenario={scenario} />
      {asking ? (
        <p className="prediction-hint">The lesson’s question is on the stage.</p>
      ) : (
        <PredictionCard key={scenario.id} scenario={scenario} />
      )}
      <GoalsChecklist scenario={scenario} />
    </section>
  );
}
