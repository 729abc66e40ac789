/** The blank screen a presenter calls up with B, as slide software has it: black over the whole
 * simulator until any key or a click brings it back. The status beside it is always in the page,
 * so a screen reader hears both the blanking and the return. */
import { useT } from '../../i18n/react.tsx';

export function BlankScreen({ on, onBack }: { on: boolean; onBack: () => void }) {
  const t = useT();
  return (
    <>
      <p className="visually-hidden blank-screen-status" role="status">
        {on ? t('lessonUi.blank.status') : ''}
      </p>
      {on && (
        // A click anywhere brings the screen back; the keyboard does it through usePresenterKeys.
        <div className="blank-screen" data-testid="blank-screen" onClick={onBack}>
          <p className="blank-screen-hint" aria-hidden="true">
            {t('lessonUi.blank.hint')}
          </p>
        </div>
      )}
    </>
  );
}
