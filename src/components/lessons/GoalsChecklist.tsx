/** The lesson's goals as a checklist that ticks itself, each with the moment it was met. Goals
 * that would answer the prediction read neutrally until it is answered. */
import type { Scenario } from '../../scenarios/index.ts';
import { goalLabel } from '../../lessons/lessonTexts.ts';
import { selectEarlierGoals, selectGoalTimes } from '../../lessons/selectors.ts';
import { localTime } from '../../i18n/format.ts';
import { useT } from '../../i18n/react.tsx';
import { Icon } from '../Icon.tsx';
import { useLessonProgress } from './useLessonProgress.ts';
import { useQuestionOpen } from './useQuestionOpen.ts';

export function GoalsChecklist({ scenario }: { scenario: Scenario }) {
  const times = useLessonProgress(selectGoalTimes);
  const earlier = useLessonProgress(selectEarlierGoals);
  const open = useQuestionOpen(scenario.id);
  const t = useT();
  const done = scenario.goals.filter(
    (g) => times[g.id] !== undefined || earlier.includes(g.id),
  ).length;
  return (
    <section className="goals card" aria-labelledby="goals-title">
      <div className="card-header">
        <h2 id="goals-title">{t('lessonUi.goals.title')}</h2>
        <span className="goals-count">
          {t('lessonUi.goals.count', { done, total: scenario.goals.length })}
        </span>
      </div>
      <ul className="goal-list">
        {scenario.goals.map((goal) => {
          const at = times[goal.id];
          const before = at === undefined && earlier.includes(goal.id);
          const met = at !== undefined || before;
          return (
            <li key={goal.id} className={met ? 'goal goal-met' : 'goal'}>
              <span className="goal-mark" aria-hidden="true">
                {met ? <Icon name="check" size={16} /> : null}
              </span>
              <span className="goal-text">
                <span className="goal-label">{goalLabel(goal, open)}</span>
                <span className="goal-when">
                  {at !== undefined
                    ? t('lessonUi.goals.tickedAt', { time: localTime(t, at) })
                    : before
                      ? t('lessonUi.goals.earlier')
                      : t('lessonUi.goals.notYet')}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
