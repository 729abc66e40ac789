/** Where the reveal sends the student on: the next lesson in order, or after the last one the
 * quiz and the way back to lesson 1. Loading a lesson puts the focus on the simulator's root, as
 * presentation mode does, so the keys (and a presenter's clicker) keep working. */
import { useState, type MouseEvent } from 'react';
import { FIRST_LESSON, lessonNumber, nextLesson } from '../../lessons/lessonOrder.ts';
import { openLesson, whenOpened } from '../../lessons/openLesson.ts';
import { useHandles } from '../../store/react/hooks.ts';
import { Icon } from '../Icon.tsx';

export function NextLesson({ scenarioId }: { scenarioId: string }) {
  const { page, simulator } = useHandles();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const next = nextLesson(scenarioId);
  const load = (id: string) => (event: MouseEvent<HTMLButtonElement>) => {
    // The button leaves the page with the lesson; the focus must not fall out of the simulator.
    const root = event.currentTarget.closest<HTMLElement>('.app');
    setProblem(undefined);
    // At once when the lesson was preloaded (PreloadNextLesson), as it is after the first screen.
    whenOpened(
      openLesson(() => simulator.store.getState(), id),
      setProblem,
    );
    root?.focus();
  };
  const failed = problem && (
    <p className="field-error" role="alert">
      {problem}
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
          aria-label={`Next lesson: ${next.title}`}
          title={`${lessonNumber(next.id)}. ${next.title}`}
        >
          Next lesson
          <Icon name="step" />
        </button>
      </div>
    );
  }
  return (
    <div className="stage-reveal-next">
      <p className="stage-reveal-last">That was the last lesson.</p>
      {failed}
      <button
        type="button"
        className="button"
        onClick={() => page.getState().openDialog('exercise')}
      >
        Take the quiz
      </button>
      <button type="button" className="button" onClick={load(FIRST_LESSON.id)}>
        Back to lesson 1
      </button>
    </div>
  );
}
