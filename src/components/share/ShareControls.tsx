/** The header's share controls: copy a link to this state, and embed it. The embed dialog loads
 * just after the first screen (its own chunk, check:bundle): until it has, its button shows,
 * disabled, so that the header does not move. */
import { useT } from '../../i18n/react.tsx';
import { deferred, useDeferred } from '../deferred.ts';
import { CopyLinkButton } from './CopyLinkButton.tsx';

export const EMBED_DIALOG = deferred(() => import('./EmbedDialog.tsx'));

export function ShareControls() {
  const module = useDeferred(EMBED_DIALOG);
  const t = useT();
  return (
    <div className="share-controls">
      <CopyLinkButton />
      {module && !(module instanceof Error) ? (
        <module.EmbedDialog />
      ) : (
        <button type="button" className="button" disabled>
          {t('share.embed')}
        </button>
      )}
    </div>
  );
}
