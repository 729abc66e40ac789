/** Where the reveal sends the student on: the next lesson in order, or after the last one the
 * quiz and the way back to lesson 1. Loading a lesson puts the focus on the simulator's root, as
 * presentation mode does, so the keys (and a presenter's clicker) keep working. */
import { useState, type MouseEvent } from 'react';
import { useT } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import { FIRST_LESSON, lessonNumber, nextLesson } from '../../lessons/lessonOrder.ts';
import { openLesson, whenOpened } from '../../lessons/openLesson.ts';
import { useHandles } from '../../store/react/hooks.ts';
import { Icon } from '../Icon.tsx';

export function NextLesson({ scenarioId }: { scenarioId: string }) {
  const { page, simulator } = useHandles();
  /** The lesson that could not open (its content's chunk did not arrive). */
  const [failedId, setFailedId] = useState<string | undefined>(undefined);
  const t = useT();
  const titleOf = (id: string) => t(`lesson.${id}.title` as MessageId);
  const next = nextLesson(scenarioId);
  const load = (id: string) => (event: MouseEvent<HTMLButtonElement>) => {
    // The button leaves the page with the lesson; the focus must not fall out of the simulator.
    const root = event.currentTarget.closest<HTMLElement>('.app');
    setFailedId(undefined);
    // At once when the lesson was preloaded (PreloadNextLesson), as it is after the first screen.
    whenOpened(
      openLesson(() => simulator.store.getState(), id),
      (problem) => setFailedId(problem === undefined ? undefined : id),
    );
    root?.focus();
  };
  const failed = failedId !== undefined && (
    <p className="field-error" role="alert">
      {t('picker.loadFailed', { title: titleOf(failedId) })}
    </p>
  );
  if (next) {
    return (
      <div className="stage-reveal-next">
        {failed}
        <button
          type="button"
          className="button button-primary"
          onClick={load(next.id)}
          aria-label={t('lessonUi.next.label', { title: titleOf(next.id) })}
          title={t('picker.option', { number: lessonNumber(next.id), title: titleOf(next.id) })}
        >
          {t('lessonUi.next.button')}
          <Icon name="step" />
        </button>
      </div>
    );
  }
  return (
    <div className="stage-reveal-next">
      <p className="stage-reveal-last">{t('lessonUi.next.last')}</p>
      {failed}
      <button
        type="button"
        className="button"
        onClick={() => page.getState().openDialog('exercise')}
      >
        {t('lessonUi.next.quiz')}
      </button>
      <button type="button" className="button" onClick={load(FIRST_LESSON.id)}>
        {t('lessonUi.next.first')}
      </button>
    </div>
  );
}
