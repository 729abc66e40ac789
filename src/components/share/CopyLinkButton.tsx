/** "Copy link": writes a link to the current state to the clipboard, or, where the clipboard is
 * not available, shows the link in a selected text field to copy by hand. */
import { useRef, useState } from 'react';
import { formatTime } from '../../format/index.ts';
import { useSimulator } from '../../store/react/hooks.ts';
import { pageBase, shareLink } from './links.ts';
import { usePage } from './pageContext.ts';

export function CopyLinkButton() {
  const simulator = useSimulator();
  const { page } = usePage();
  const [message, setMessage] = useState('');
  const [fallback, setFallback] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  const copy = async () => {
    const state = simulator.store.getState();
    const link = shareLink(pageBase(window.location), state, page);
    // A link keeps values from 0 s, so its moment may be cut to the replay budget: say so.
    const opensAt = Number(new URL(link).searchParams.get('t') ?? 0);
    const cut = opensAt * 1000 < Math.round(state.simMs);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setFallback(null);
      setMessage(
        cut
          ? `Link copied; it opens at ${formatTime(opensAt * 1000)}, as far as a link may replay`
          : 'Link copied',
      );
    } catch {
      setFallback(link);
      setMessage('Copy the selected link');
      requestAnimationFrame(() => field.current?.select());
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="button" onClick={() => void copy()}>
        Copy link
      </button>
      {fallback !== null && (
        <input
          ref={field}
          className="copy-link-field"
          readOnly
          value={fallback}
          aria-label="Link to this state"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <span role="status" className="copy-link-status">
        {message}
      </span>
    </div>
  );
}
