/** The notice's box: what the link asked for that the page ignored, each line in the language on.
 * Loaded only when a link has something to notice (UrlNotices), with its words. Values are
 * rendered as text, never as markup. */
import { useT } from '../../i18n/react.tsx';
import { noticeIn } from '../../url/noticeWords.ts';
import type { Notice } from '../../url/urlState.ts';

export function NoticeList({
  notices,
  onDismiss,
}: {
  notices: readonly Notice[];
  onDismiss: () => void;
}) {
  const t = useT();
  return (
    <div className="url-notice">
      <div>
        <p className="url-notice-title">{t('analysis.link.title')}</p>
        <ul>
          {notices.map((n, i) => (
            <li key={i}>{noticeIn(t, n)}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button" onClick={onDismiss}>
        {t('analysis.link.dismiss')}
      </button>
    </div>
  );
}
