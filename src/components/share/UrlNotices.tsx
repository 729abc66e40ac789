/** The visible, dismissible notice naming the link parameters the page ignored and what each
 * accepts. Values are rendered as text, never as markup. */
import { useState } from 'react';
import { noticeText } from '../../url/urlState.ts';
import { usePage } from './pageContext.ts';

export function UrlNotices() {
  const { notices } = usePage();
  const [open, setOpen] = useState(true);
  return (
    <div role="status" className="url-notices">
      {open && notices.length > 0 && (
        <div className="url-notice">
          <div>
            <p className="url-notice-title">
              Some link settings were ignored; defaults are used unless the line says otherwise:
            </p>
            <ul>
              {notices.map((n, i) => (
                <li key={i}>{noticeText(n)}</li>
              ))}
            </ul>
          </div>
          <button type="button" className="button" onClick={() => setOpen(false)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
