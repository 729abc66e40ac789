/** The header's lesson tools: the quiz and presentation mode. (The theme and the list of
 * shortcuts live in the side panel's view options.) */
import { selectPresenting } from '../../lessons/selectors.ts';
import { useHandles, usePageState } from '../../store/react/hooks.ts';
import { Icon } from '../Icon.tsx';
import { useT } from '../../i18n/react.tsx';

export function LessonToolbar() {
  const presenting = usePageState(selectPresenting);
  const { page } = useHandles();
  const { openDialog, setPresenting } = page.getState();
  const t = useT();
  return (
    <div className="lesson-toolbar" role="group" aria-label={t('tools.label')}>
      <button
        type="button"
        className="button"
        onClick={() => openDialog('exercise')}
        aria-label={t('tools.quizLabel')}
      >
        {t('tools.quiz')}
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={presenting}
        onClick={() => setPresenting(!presenting)}
        title={t('tools.presentTitle')}
      >
        <Icon name="present" />
        <span>{t('tools.present')}</span>
      </button>
    </div>
  );
}
