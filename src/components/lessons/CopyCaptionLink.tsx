/** The caption strip's "Copy a link to this caption": a link with `caption=N` that opens the
 * lesson paused on the caption showing, for an instructor's slides or notes. Where the clipboard
 * is refused, the link shows selected in a field under the strip to copy by hand. */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/react.tsx';
import { useSimulator } from '../../store/react/hooks.ts';
import { Icon } from '../Icon.tsx';
import { linkPage, usePage } from '../share/pageContext.ts';
import { captionLink, pageBase } from '../share/links.ts';

/** How long "Link copied" stays beside the button. */
const SAID_MS = 2500;

/** `caption`: the caption showing, 1-based; 0 before the first, when there is none to link to. */
export function CopyCaptionLink({ caption }: { caption: number }) {
  const simulator = useSimulator();
  const { page } = usePage();
  const [message, setMessage] = useState('');
  /** The link shown to copy by hand, with the caption it was made on. */
  const [fallback, setFallback] = useState<{ caption: number; link: string } | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const t = useT();

  useEffect(() => {
    if (message === '') return;
    const timer = setTimeout(() => setMessage(''), SAID_MS);
    return () => clearTimeout(timer);
  }, [message]);

  const copy = async () => {
    const link = captionLink(
      pageBase(window.location),
      simulator.store.getState(),
      linkPage(page),
      caption,
    );
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setFallback(null);
      setMessage(t('lessonUi.caption.copied', { number: caption }));
    } catch {
      setFallback({ caption, link });
      setMessage(t('share.copyByHand'));
      requestAnimationFrame(() => field.current?.select());
    }
  };

  return (
    <div className="beat-link">
      <button
        type="button"
        className="button"
        onClick={() => void copy()}
        disabled={caption < 1}
        aria-label={t('lessonUi.caption.copy')}
        title={t('lessonUi.caption.copyTitle')}
      >
        <Icon name="link" />
      </button>
      {/* Polite, not role="status": the caption text beside it is the strip's status. */}
      <span aria-live="polite" className="beat-link-status">
        {message}
      </span>
      {/* The field's link is for the caption it was made on: another caption takes it away. */}
      {fallback?.caption === caption && (
        <input
          ref={field}
          className="beat-link-field"
          readOnly
          value={fallback.link}
          aria-label={t('lessonUi.caption.linkField')}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
