/** Opens a native <dialog> so that it is painted in the frame after the click: `showModal()` makes
 * the rest of the page inert, which restyles the whole page there and then (40 ms on this
 * machine while a run plays, 150 ms and more with the CPU four times slower, measured by
 * bench:page), and even `show()` runs the dialog's focusing steps, which lay out the page inside
 * the click (25 to 40 ms with the CPU four times slower, a CDP trace of bench:page's clicks). So
 * the dialog opens with its `open` attribute, drawn where the modal one will be
 * (`dialog[data-opening]` in lessonDialogs.css) and laid out once, by the frame that paints it;
 * once that frame is painted it becomes modal and takes the focus. */
import { onNextPaint } from './afterPaint.ts';

export function openModal(dialog: HTMLDialogElement): () => void {
  // jsdom has neither: the open attribute is the same dialog without the backdrop there.
  if (typeof dialog.show !== 'function' || typeof dialog.showModal !== 'function') {
    dialog.setAttribute('open', '');
    return () => {};
  }
  if (dialog.open) return () => {};
  dialog.setAttribute('data-opening', '');
  dialog.setAttribute('open', '');
  // Until it is modal, Escape does not cancel it by itself: a key pressed that soon (a frame, or
  // longer on a busy machine) is the dialog's all the same, as it will be once modal.
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
  };
  document.addEventListener('keydown', escape, true);
  const cancel = onNextPaint(() => {
    document.removeEventListener('keydown', escape, true);
    dialog.removeAttribute('data-opening');
    if (!dialog.open || dialog.matches(':modal')) return;
    // A click may have moved the focus within the dialog meanwhile; it stays there.
    const focused = dialog.contains(document.activeElement) ? document.activeElement : null;
    // Opened by its attribute, it closes the same way: close() would fire a close event.
    dialog.removeAttribute('open');
    dialog.showModal();
    if (focused instanceof HTMLElement) focused.focus();
  });
  return () => {
    cancel();
    document.removeEventListener('keydown', escape, true);
    dialog.removeAttribute('data-opening');
  };
}
