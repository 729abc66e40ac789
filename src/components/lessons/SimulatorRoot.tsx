/** The simulator's root element: it carries the theme and presentation mode as data attributes,
 * and handles the single-key shortcuts, which act only while focus is inside it. */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { goToBeat } from '../../lessons/navigate.ts';
import { selectPresenting, selectTheme } from '../../lessons/selectors.ts';
import { shortcutOf } from '../../lessons/shortcuts.ts';
import { useHandles, useViewState } from '../../store/hooks.ts';
import { ExerciseDialog } from './ExerciseDialog.tsx';
import { MotionRoot } from '../motion/MotionRoot.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';

export function SimulatorRoot({ children }: { children: ReactNode }) {
  const theme = useViewState(selectTheme);
  const presenting = useViewState(selectPresenting);
  const { simulator, view } = useHandles();
  const root = useRef<HTMLDivElement>(null);
  const wasFull = useRef(false);

  // The page behind the app takes the theme too, so no light margin shows around a dark app.
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // A presenter's clicker types into whatever has focus: entering presentation mode puts the
  // focus on the simulator itself, so Space plays and pauses (on the Present button it would
  // press the button again). The stage goes full screen where the browser allows it.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    if (presenting) {
      el.focus();
      if (document.fullscreenEnabled && !document.fullscreenElement) {
        el.requestFullscreen().catch(() => undefined); // refused without a click: stay in the page
      }
    } else if (document.fullscreenElement === el) {
      document.exitFullscreen().catch(() => undefined);
    }
  }, [presenting]);

  // Leaving full screen (Esc, the browser's own control) leaves presentation mode too.
  useEffect(() => {
    const onChange = () => {
      if (document.fullscreenElement === null && view.getState().presenting && wasFull.current) {
        view.getState().setPresenting(false);
      }
      wasFull.current = document.fullscreenElement === root.current;
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [view]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.defaultPrevented) return;
    if (event.key === 'Escape' && view.getState().presenting && view.getState().dialog === null) {
      view.getState().setPresenting(false);
      event.preventDefault();
      return;
    }
    const shortcut = shortcutOf(event);
    if (!shortcut) return;
    const s = simulator.store.getState();
    const v = view.getState();
    switch (shortcut) {
      case 'togglePlay':
        s.togglePlay();
        break;
      case 'step':
        s.stepEvent();
        break;
      case 'help':
        v.openDialog('shortcuts');
        break;
      case 'present':
        v.setPresenting(!v.presenting);
        break;
      case 'nextBeat':
      case 'previousBeat':
        if (!goToBeat(simulator, shortcut === 'nextBeat' ? 1 : -1) && s.scenarioId === null) {
          return;
        }
        break;
    }
    event.preventDefault();
  }

  return (
    <div
      ref={root}
      className="app"
      data-theme={theme}
      data-presenting={presenting ? 'true' : undefined}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <MotionRoot>
        {children}
        <ShortcutsDialog />
        <ExerciseDialog />
      </MotionRoot>
    </div>
  );
}
