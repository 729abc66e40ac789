/** Esc closes an overlay on the stage (the reveal card, an order's timelines): anywhere on the page
 * unless something took the key first (leaving presentation mode, the diagram letting go of an
 * order), a dialog is open or the focus is in a field; and inside the overlay always, even while
 * presenting, where Esc elsewhere leaves presentation mode. Listening on the document puts it
 * before the broker close-up's Esc (on the window): an overlay lies over the lanes, so it is the
 * first thing to go. Returns the overlay's own key handler. */
import { useEffect, type KeyboardEvent } from 'react';
import { useHandles } from '../store/react/hooks.ts';

export function useEscapeToClose(
  close: () => void,
  active = true,
): (event: KeyboardEvent<HTMLElement>) => void {
  const { page } = useHandles();
  useEffect(() => {
    if (!active) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (page.getState().dialog !== null) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, select, textarea, dialog')) return;
      event.preventDefault();
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
  return (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    close();
  };
}
