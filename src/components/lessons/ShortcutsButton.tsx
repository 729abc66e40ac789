/** Opens the list of keyboard shortcuts (also on the ? key). */
import { useHandles } from '../../store/react/hooks.ts';

export function ShortcutsButton() {
  const { page } = useHandles();
  return (
    <button
      type="button"
      className="button"
      onClick={() => page.getState().openDialog('shortcuts')}
    >
      Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
    </button>
  );
}
