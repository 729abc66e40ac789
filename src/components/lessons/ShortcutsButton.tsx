/** Opens the list of keyboard shortcuts (also on the ? key). */
import { useT } from '../../i18n/react.tsx';
import { useHandles } from '../../store/react/hooks.ts';

export function ShortcutsButton() {
  const { page } = useHandles();
  const t = useT();
  return (
    <button
      type="button"
      className="button"
      onClick={() => page.getState().openDialog('shortcuts')}
    >
      {t('panel.shortcuts')} <kbd aria-hidden="true">?</kbd>
    </button>
  );
}
