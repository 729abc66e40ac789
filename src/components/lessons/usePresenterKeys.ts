/** The presentation keys, listened for on the whole document: the simulator is the page, so its
 * keys work from the first second (the focus on the page itself), after a click on any button,
 * and after the prediction card closes and takes the focus with it, as a presenter's clicker
 * needs. Keys in fields, sliders, lists and dialogs stay theirs (shortcuts.ts). */
import { useEffect, type RefObject } from 'react';
import { goToBeat } from '../../lessons/navigate.ts';
import { isModifierKey, shortcutOf } from '../../lessons/shortcuts.ts';
import { useHandles } from '../../store/hooks.ts';

/** Whether a key pressed on `target` is the simulator's to read: the focus is inside it, or on
 * nothing in particular (the page's body, as at load). */
function onTheSimulator(root: HTMLElement, target: EventTarget | null): boolean {
  const doc = root.ownerDocument;
  return target === doc.body || target === doc.documentElement || target === doc
    ? true
    : target instanceof Node && root.contains(target);
}

export function usePresenterKeys(
  root: RefObject<HTMLElement | null>,
  blank: { on: boolean; set(on: boolean): void },
): void {
  const { simulator, view } = useHandles();
  const { on: blanked, set: setBlank } = blank;

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const doc = el.ownerDocument;
    const onKeyDown = (event: KeyboardEvent) => {
      // A blank screen comes back on any key, which then does nothing else, as in slide software.
      if (blanked) {
        if (isModifierKey(event.key)) return;
        event.preventDefault();
        setBlank(false);
        return;
      }
      if (event.defaultPrevented || !onTheSimulator(el, event.target)) return;
      const v = view.getState();
      if (event.key === 'Escape' && v.presenting && v.dialog === null) {
        v.setPresenting(false);
        event.preventDefault();
        return;
      }
      const shortcut = shortcutOf(event);
      if (!shortcut) return;
      const s = simulator.store.getState();
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
        case 'blank':
          setBlank(true);
          break;
        case 'nextBeat':
        case 'previousBeat':
          // Outside a lesson the keys keep their own meaning (scrolling the page).
          if (!goToBeat(simulator, shortcut === 'nextBeat' ? 1 : -1) && s.scenarioId === null) {
            return;
          }
          break;
      }
      event.preventDefault();
    };
    doc.addEventListener('keydown', onKeyDown);
    return () => doc.removeEventListener('keydown', onKeyDown);
  }, [root, simulator, view, blanked, setBlank]);
}
