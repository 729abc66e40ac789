/** The visible, dismissible notice naming the link parameters the page ignored and what each
 * accepts. The box and its words load only when there is something to notice (NoticeList.tsx):
 * most links have nothing, and the first load has no room for them (check:bundle). */
import { useState } from 'react';
import { deferred, useDeferred } from '../deferred.ts';
import type { Notice } from '../../url/urlState.ts';
import { usePage } from './pageContext.ts';

export const NOTICE_LIST = deferred(() => import('./NoticeList.tsx'));

export function UrlNotices() {
  const { notices } = usePage();
  const [open, setOpen] = useState(true);
  return (
    <div role="status" className="url-notices">
      {open && notices.length > 0 && <List notices={notices} onDismiss={() => setOpen(false)} />}
    </div>
  );
}

function List({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: () => void }) {
  const module = useDeferred(NOTICE_LIST);
  // Nothing while it loads, nor if it cannot: a page that cannot load its parts has bigger news.
  if (!module || module instanceof Error) return null;
  return <module.NoticeList notices={notices} onDismiss={onDismiss} />;
}
