/** The lesson's one-line summary under its title: its premise while the prediction is still a
 * question (with a pointer to it), what it teaches once answered. */
import type { Scenario } from '../../scenarios/index.ts';
import { useT } from '../../i18n/react.tsx';
import { lessonSummary } from '../../lessons/lessonTexts.ts';
import { useSim } from '../../store/react/hooks.ts';
import { selectLeftOut } from '../../store/react/selectors.ts';
import { useQuestionOpen } from './useQuestionOpen.ts';

export function LessonSummary({ scenario }: { scenario: Scenario }) {
  const open = useQuestionOpen(scenario.id);
  const offLesson = useSim(selectLeftOut).length > 0;
  const t = useT();
  return (
    <>
      <p className="lesson-teaches" data-testid="lesson-summary">
        {lessonSummary(scenario, open, offLesson, t)}
      </p>
      {open && (
        <a className="predict-link" href="#prediction">
          {t('lessonUi.summary.predictFirst')}
        </a>
      )}
    </>
  );
}
