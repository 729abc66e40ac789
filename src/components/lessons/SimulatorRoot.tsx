/** The simulator's root element: it carries the theme and presentation mode as data attributes,
 * and owns the presentation keys (usePresenterKeys) and the blank screen they call up. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { selectPresenting, selectTheme } from '../../lessons/selectors.ts';
import { useHandles, usePageState } from '../../store/react/hooks.ts';
import { BlankScreen } from './BlankScreen.tsx';
import { LessonDialogs } from './LessonDialogs.tsx';
import { MotionRoot } from '../motion/MotionRoot.tsx';
import { usePresenterKeys } from './usePresenterKeys.ts';

export function SimulatorRoot({ children }: { children: ReactNode }) {
  const theme = usePageState(selectTheme);
  const presenting = usePageState(selectPresenting);
  const { page } = useHandles();
  const root = useRef<HTMLDivElement>(null);
  const wasFull = useRef(false);
  const [blank, setBlank] = useState(false);
  usePresenterKeys(root, { on: blank, set: setBlank });

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
      if (document.fullscreenElement === null && page.getState().presenting && wasFull.current) {
        page.getState().setPresenting(false);
      }
      wasFull.current = document.fullscreenElement === root.current;
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [page]);

  return (
    <div
      ref={root}
      className="app"
      data-theme={theme}
      data-presenting={presenting ? 'true' : undefined}
      tabIndex={-1}
    >
      <MotionRoot>
        {children}
        <LessonDialogs />
        <BlankScreen on={blank} onBack={() => setBlank(false)} />
      </MotionRoot>
    </div>
  );
}
