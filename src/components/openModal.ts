/** Opens a native <dialog> so that it is painted in the frame after the click: `showModal()` makes
 * the rest of the page inert, which restyles the whole page there and then (40 ms on this
 * machine while a run plays, 150 ms and more with the CPU four times slower, measured by
 * bench:page), so the dialog opens with `show()`, drawn where the modal one will be
 * (`dialog[data-opening]` in lessonDialogs.css), and becomes modal once that frame is painted. */
import { onNextPaint } from './afterPaint.ts';

export function openModal(dialog: HTMLDialogElement): () => void {
  // jsdom has neither: the open attribute is the same dialog without the backdrop there.
  if (typeof dialog.show !== 'function' || typeof dialog.showModal !== 'function') {
    dialog.setAttribute('open', '');
    return () => {};
  }
  dialog.setAttribute('data-opening', '');
  dialog.show();
  const cancel = onNextPaint(() => {
    dialog.removeAttribute('data-opening');
    if (!dialog.open || dialog.matches(':modal')) return;
    // Tab may have moved the focus within the dialog meanwhile; it stays there.
    const focused = dialog.contains(document.activeElement) ? document.activeElement : null;
    dialog.close();
    dialog.showModal();
    if (focused instanceof HTMLElement) focused.focus();
  });
  return () => {
    cancel();
    dialog.removeAttribute('data-opening');
  };
}
