/** The header's lesson tools: the quiz and presentation mode. (The theme and the list of
 * shortcuts live in the side panel's view options.) */
import { selectPresenting } from '../../lessons/selectors.ts';
import { useHandles, usePageState } from '../../store/react/hooks.ts';
import { Icon } from '../Icon.tsx';

export function LessonToolbar() {
  const presenting = usePageState(selectPresenting);
  const { page } = useHandles();
  const { openDialog, setPresenting } = page.getState();
  return (
    <div className="lesson-toolbar" role="group" aria-label="Lesson tools">
      <button
        type="button"
        className="button"
        onClick={() => openDialog('exercise')}
        aria-label="Sync or async? quiz"
      >
        Quiz
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={presenting}
        onClick={() => setPresenting(!presenting)}
        title="Presentation mode (P); Esc or P leaves it"
      >
        <Icon name="present" />
        <span>Present</span>
      </button>
    </div>
  );
}
