/** The dialog listing the keyboard shortcuts, opened with "?" or its button. */
import { SHORTCUTS } from '../../lessons/shortcuts.ts';
import { selectDialog } from '../../lessons/selectors.ts';
import { useHandles, usePageState } from '../../store/react/hooks.ts';
import { Dialog } from './Dialog.tsx';

export function ShortcutsDialog() {
  const open = usePageState(selectDialog) === 'shortcuts';
  const { page } = useHandles();
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={() => page.getState().openDialog(null)}>
      <p className="dialog-note">
        They work from the moment the page opens, after clicking a button too, but not while a
        field, a slider or a list has the focus. A clicker's next and previous buttons move between
        captions.
      </p>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.does}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
