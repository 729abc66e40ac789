/** The lesson's answer on the stage once it shows (StageReveal.tsx): the card, or an embed's line,
 * which its button or Esc closes and a small "Answer" button brings back. Loaded on demand with
 * its shapes (reveal.ts). */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/react.tsx';
import { usePage } from '../share/pageContext.ts';
import { useEscapeToClose } from '../useEscapeToClose.ts';
import { RevealCard, type RevealProps } from './RevealCard.tsx';
import { RevealLine } from './RevealLine.tsx';

export function Reveal(props: Omit<RevealProps, 'onClose' | 'onKeyDown' | 'ref'>) {
  const { embed } = usePage().page;
  const [open, setOpen] = useState(true);
  // Where the focus goes after the next render, when the student moved it (never by itself).
  const focusNext = useRef<'card' | 'reopen' | null>(null);
  const card = useRef<HTMLElement>(null);
  const reopen = useRef<HTMLButtonElement>(null);
  const t = useT();

  const close = () => {
    if (card.current?.contains(document.activeElement)) focusNext.current = 'reopen';
    setOpen(false);
  };

  useEffect(() => {
    const target = focusNext.current === 'card' ? card.current : reopen.current;
    if (focusNext.current) target?.focus();
    focusNext.current = null;
  }, [open]);

  const onKeyDown = useEscapeToClose(close, open);

  if (!open) {
    return (
      <button
        ref={reopen}
        type="button"
        className="button stage-reveal-reopen"
        title={t('lessonUi.reveal.reopenTitle')}
        onClick={() => {
          focusNext.current = 'card';
          setOpen(true);
        }}
      >
        {t('lessonUi.reveal.reopen')}
      </button>
    );
  }
  const Shape = embed ? RevealLine : RevealCard;
  return <Shape {...props} ref={card} onClose={close} onKeyDown={onKeyDown} />;
}
