/** The header's lesson tools: the exercise, the shortcuts, presentation mode and the theme. */
import { selectPresenting } from '../../lessons/selectors.ts';
import { useHandles, useViewState } from '../../store/hooks.ts';
import { ThemePicker } from './ThemePicker.tsx';

export function LessonToolbar() {
  const presenting = useViewState(selectPresenting);
  const { view } = useHandles();
  const { openDialog, setPresenting } = view.getState();
  return (
    <div className="lesson-toolbar" role="group" aria-label="Lesson tools">
      <button type="button" className="button" onClick={() => openDialog('exercise')}>
        Sync or async? quiz
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={presenting}
        onClick={() => setPresenting(!presenting)}
        title="Presentation mode (P)"
      >
        Present
      </button>
      <ThemePicker />
      <button
        type="button"
        className="button"
        onClick={() => openDialog('shortcuts')}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        <kbd aria-hidden="true">?</kbd>
      </button>
    </div>
  );
}
