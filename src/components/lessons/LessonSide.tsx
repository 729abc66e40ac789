/** The lesson's part of the side panel: what it teaches, the prediction (unless the stage is
 * asking it) and the goals of the loaded scenario. */
import { useT } from '../../i18n/react.tsx';
import { useLesson } from './useLesson.ts';
import { GoalsChecklist } from './GoalsChecklist.tsx';
import { LessonSummary } from './LessonSummary.tsx';
import { PredictionCard } from './PredictionCard.tsx';
import { useAskingOnStage } from './PredictionOverlay.tsx';

export function LessonSide() {
  const asking = useAskingOnStage();
  const scenario = useLesson();
  const t = useT();
  if (!scenario) return null;
  return (
    <section className="lesson-side" aria-label={t('lessonUi.side.label')}>
      <LessonSummary scenario={scenario} />
      {asking ? (
        <p className="prediction-hint">{t('lessonUi.side.questionOnStage')}</p>
      ) : (
        <PredictionCard key={scenario.id} scenario={scenario} />
      )}
      <GoalsChecklist scenario={scenario} />
    </section>
  );
}
