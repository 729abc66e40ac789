/** The dialog listing the keyboard shortcuts, opened with "?" or its button. */
import '../../i18n/parts/dialogs.ts';
import { useT } from '../../i18n/react.tsx';
import { KEY_NAMES, SHORTCUTS } from '../../lessons/shortcuts.ts';
import { selectDialog } from '../../lessons/selectors.ts';
import { useHandles, usePageState } from '../../store/react/hooks.ts';
import { Dialog } from './Dialog.tsx';

export function ShortcutsDialog() {
  const open = usePageState(selectDialog) === 'shortcuts';
  const { page } = useHandles();
  const t = useT();
  return (
    <Dialog
      title={t('panel.shortcuts')}
      open={open}
      onClose={() => page.getState().openDialog(null)}
    >
      <p className="dialog-note">{t('lessonUi.shortcuts.note')}</p>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">{t('lessonUi.shortcuts.key')}</th>
            <th scope="col">{t('lessonUi.shortcuts.does')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.does}>
              <td>
                {s.keys.map((k, i) => {
                  const name = KEY_NAMES[k];
                  return (
                    <span key={k}>
                      {i > 0 && ` ${t('lessonUi.shortcuts.or')} `}
                      <kbd>{name ? t(name) : k}</kbd>
                    </span>
                  );
                })}
              </td>
              <td>{t(s.does)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
