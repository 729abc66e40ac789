/** The lesson's dialogs (the keyboard shortcuts, "Sync or async?"), loaded the first time one of
 * them opens: closed at start, they were part of the initial JavaScript (check:bundle). */
import { selectDialog } from '../../lessons/selectors.ts';
import { usePageState } from '../../store/react/hooks.ts';
import { deferred, useDeferred } from '../deferred.ts';

export const DIALOGS = deferred(() =>
  Promise.all([import('./ShortcutsDialog.tsx'), import('./ExerciseDialog.tsx')]),
);

function Loaded() {
  const modules = useDeferred(DIALOGS);
  if (modules instanceof Error)
    return (
      <p className="card" role="alert">
        The dialog: {modules.message}
      </p>
    );
  if (!modules) return null;
  const [{ ShortcutsDialog }, { ExerciseDialog }] = modules;
  return (
    <>
      <ShortcutsDialog />
      <ExerciseDialog />
    </>
  );
}

export function LessonDialogs() {
  const open = usePageState(selectDialog) !== null;
  return open || DIALOGS.current() ? <Loaded /> : null;
}
