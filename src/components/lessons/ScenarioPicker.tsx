/** Chooses a lesson (or free play) from the preset scenarios; choosing one loads its content (a
 * chunk of its own, unless loaded already) and opens it at 0 s. */
import { useEffect, useId, useState } from 'react';
import { LESSONS } from '../../scenarios/index.ts';
import { openLesson, whenOpened } from '../../lessons/openLesson.ts';
import { selectScenarioId } from '../../lessons/selectors.ts';
import { useActions, useHandles, useSim } from '../../store/react/hooks.ts';
import { onNextPaint } from '../afterPaint.ts';
import { useT } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';

const FREE_PLAY = '';

export function ScenarioPicker() {
  const scenarioId = useSim(selectScenarioId);
  const { restoreDefaults } = useActions();
  const { simulator } = useHandles();
  const id = useId();
  const t = useT();
  const lessonTitle = (lessonId: string) => t(`lesson.${lessonId}.title` as MessageId);
  // The choice, from the change until the lesson has loaded: loading one rebuilds both lanes,
  // resolves its captions and redraws the whole stage (a second and more with a CPU four times
  // slower, bench:page), so the picker shows the choice and says it is opening in the next
  // frame, and the lesson loads once that frame is painted.
  const [pending, setPending] = useState<string | null>(null);
  /** The lesson that could not load (its content's chunk did not arrive): the picker offers only
   * lessons there are, so that is the one way opening one fails. */
  const [failed, setFailed] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (pending === null) return;
    let live = true;
    const cancel = onNextPaint(() => {
      if (pending === FREE_PLAY) {
        restoreDefaults();
        setPending(null);
        return;
      }
      whenOpened(
        openLesson(() => simulator.store.getState(), pending),
        (problem) => {
          if (!live) return;
          setFailed(problem === undefined ? undefined : pending);
          setPending(null);
        },
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, [pending, restoreDefaults, simulator]);
  return (
    <div className="scenario-picker">
      <label htmlFor={id}>{t('picker.label')}</label>
      <select
        id={id}
        value={pending ?? scenarioId ?? FREE_PLAY}
        aria-busy={pending !== null}
        onChange={(e) => {
          setFailed(undefined);
          setPending(e.target.value);
        }}
      >
        <option value={FREE_PLAY}>{t('picker.freePlay')}</option>
        {LESSONS.map((s, i) => (
          <option key={s.id} value={s.id}>
            {t('picker.option', { number: i + 1, title: lessonTitle(s.id) })}
          </option>
        ))}
      </select>
      <span className="scenario-picker-status" role="status">
        {pending === null
          ? ''
          : pending === FREE_PLAY
            ? t('picker.openingFreePlay')
            : t('picker.openingLesson')}
      </span>
      {failed !== undefined && (
        <p className="scenario-picker-problem" role="alert">
          {t('picker.loadFailed', { title: lessonTitle(failed) })}
        </p>
      )}
    </div>
  );
}
