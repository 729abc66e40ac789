/** The presentation keys, listened for on the whole document: the simulator is the page, so its
 * keys work from the first second (the focus on the page itself), after a click on any button,
 * and after the prediction card closes and takes the focus with it, as a presenter's clicker
 * needs. Keys in fields, sliders, lists and dialogs stay theirs (shortcuts.ts). */
import { useEffect, useRef, type RefObject } from 'react';
import { goToBeat } from '../../lessons/navigate.ts';
import { isModifierKey, shortcutOf } from '../../lessons/shortcuts.ts';
import { useHandles } from '../../store/react/hooks.ts';

/** Whether a key pressed on `target` is the simulator's to read: the focus is inside it, or on
 * nothing in particular (the page's body, as at load). */
function onTheSimulator(root: HTMLElement, target: EventTarget | null): boolean {
  const doc = root.ownerDocument;
  return target === doc.body || target === doc.documentElement || target === doc
    ? true
    : target instanceof Node && root.contains(target);
}

/** The element a pointer last put the focus on (null once the keyboard moves it): it gives Space
 * and the arrows to the stage. Listened for in the capture phase, so no handler can hide it. */
function useClickedFocus(root: RefObject<HTMLElement | null>): RefObject<EventTarget | null> {
  const clicked = useRef<EventTarget | null>(null);
  useEffect(() => {
    const doc = root.current?.ownerDocument;
    if (!doc) return;
    let pointerDown = false;
    const down = () => {
      pointerDown = true;
    };
    const up = () => {
      pointerDown = false;
    };
    const focusIn = (event: FocusEvent) => {
      clicked.current = pointerDown ? event.target : null;
    };
    const watched = [
      ['pointerdown', down],
      ['mousedown', down],
      ['pointerup', up],
      ['mouseup', up],
      ['focusin', focusIn],
    ] as const;
    for (const [type, listener] of watched) doc.addEventListener(type, listener, true);
    return () => {
      for (const [type, listener] of watched) doc.removeEventListener(type, listener, true);
    };
  }, [root]);
  return clicked;
}

export function usePresenterKeys(
  root: RefObject<HTMLElement | null>,
  blank: { on: boolean; set(on: boolean): void },
): void {
  const { simulator, page } = useHandles();
  const { on: blanked, set: setBlank } = blank;
  const clicked = useClickedFocus(root);

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
      const v = page.getState();
      if (event.key === 'Escape' && v.presenting && v.dialog === null) {
        v.setPresenting(false);
        event.preventDefault();
        return;
      }
      const shortcut = shortcutOf(event, clicked.current);
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
    // In the bubbling phase: after the diagram's own arrow keys, which it marks defaultPrevented.
    doc.addEventListener('keydown', onKeyDown);
    return () => doc.removeEventListener('keydown', onKeyDown);
  }, [root, simulator, page, blanked, setBlank, clicked]);
}
