/** A modal dialog on the native <dialog> element: a title, a close button, Escape to close, and
 * focus returned to where it was when it closes. Closed, it stays in the page (a closed <dialog>
 * is not drawn, nor in the accessibility tree), so opening it builds nothing: the click only
 * sets its `open` attribute (openModal.ts) and the frame after it lays it out. */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/react.tsx';
import { Icon } from '../Icon.tsx';
import { openModal } from '../openModal.ts';

export function Dialog({
  title,
  open,
  onClose,
  children,
  className = '',
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const t = useT();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const returnTo = document.activeElement;
    const cancel = openModal(dialog);
    return () => {
      cancel();
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      if (returnTo instanceof HTMLElement) returnTo.focus();
    };
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`lesson-dialog ${className}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="lesson-dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="button button-quiet"
          onClick={onClose}
          aria-label={t('share.close')}
          title={t('share.close')}
        >
          <Icon name="close" />
        </button>
      </div>
      {children}
    </dialog>
  );
}
