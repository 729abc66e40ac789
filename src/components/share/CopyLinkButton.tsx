/** "Copy link": writes a link to the current state to the clipboard, or, where the clipboard is
 * not available, shows the link in a selected text field to copy by hand. */
import { useRef, useState } from 'react';
import { localTime } from '../../i18n/format.ts';
import { useT } from '../../i18n/react.tsx';
import { useSimulator } from '../../store/react/hooks.ts';
import { pageBase, shareLink } from './links.ts';
import { linkPage, usePage } from './pageContext.ts';

export function CopyLinkButton() {
  const simulator = useSimulator();
  const { page } = usePage();
  const [message, setMessage] = useState('');
  const [fallback, setFallback] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const t = useT();

  const copy = async () => {
    const state = simulator.store.getState();
    const link = shareLink(pageBase(window.location), state, linkPage(page));
    // A link keeps values from 0 s, so its moment may be cut to the replay budget: say so.
    const opensAt = Number(new URL(link).searchParams.get('t') ?? 0);
    const cut = opensAt * 1000 < Math.round(state.simMs);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setFallback(null);
      setMessage(
        cut ? t('share.copiedCut', { time: localTime(t, opensAt * 1000) }) : t('share.copied'),
      );
    } catch {
      setFallback(link);
      setMessage(t('share.copyByHand'));
      requestAnimationFrame(() => field.current?.select());
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="button" onClick={() => void copy()}>
        {t('share.copyLink')}
      </button>
      {fallback !== null && (
        <input
          ref={field}
          className="copy-link-field"
          readOnly
          value={fallback}
          aria-label={t('share.linkField')}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <span role="status" className="copy-link-status">
        {message}
      </span>
    </div>
  );
}
