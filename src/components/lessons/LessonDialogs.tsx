/** The lesson's dialogs (the keyboard shortcuts, "Sync or async?"), loaded after the first screen
 * (App.tsx) or the first time one of them opens: closed at start, they were part of the initial
 * JavaScript (check:bundle). Once loaded they are rendered closed (a small render: not a
 * transition, which a playing run's updates can put off for seconds), so that the click that opens one builds no DOM: with the CPU four times slower, rendering the
 * quiz inside the click cost about 40 ms of its 100 (bench:page, a CDP trace). */
import { useEffect, useState } from 'react';
import { selectDialog } from '../../lessons/selectors.ts';
import { useT } from '../../i18n/react.tsx';
import { usePageState } from '../../store/react/hooks.ts';
import { onNextPaint } from '../afterPaint.ts';
import { deferred, useDeferred } from '../deferred.ts';

export const DIALOGS = deferred(() =>
  Promise.all([import('./ShortcutsDialog.tsx'), import('./ExerciseDialog.tsx')]),
);

function Loaded() {
  const modules = useDeferred(DIALOGS);
  const t = useT();
  if (modules instanceof Error)
    return (
      <p className="card" role="alert">
        {t('lessonUi.dialogFailed', { reason: modules.message })}
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
  const [loaded, setLoaded] = useState(() => DIALOGS.current() !== undefined);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    // Whoever loads them (the page after its first screen), they are rendered once loaded.
    const cancel = onNextPaint(() => {
      DIALOGS.load().then(
        () => live && setLoaded(true),
        () => {},
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, [loaded]);
  return open || loaded ? <Loaded /> : null;
}
