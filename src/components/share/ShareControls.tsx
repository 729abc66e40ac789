/** The header's share controls: copy a link to this state, and embed it. */
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/react.tsx';
import { onNextPaint } from '../afterPaint.ts';
import { deferred } from '../deferred.ts';
import { CopyLinkButton } from './CopyLinkButton.tsx';

/** The embed dialog loads after the first screen, where it is closed: it was part of the initial
 * JavaScript (check:bundle). Until it has loaded, its button is this one, which loads it and opens
 * it once it is in. */
export const EMBED = deferred(() => import('./EmbedDialog.tsx'));

function Embed() {
  const t = useT();
  const module = EMBED.current();
  const [, setLoaded] = useState(false);
  const [openOnLoad, setOpenOnLoad] = useState(false);
  useEffect(() => {
    if (module) return;
    let live = true;
    const loaded = () => live && setLoaded(true);
    const cancel = onNextPaint(() => void EMBED.load().then(loaded, () => {}));
    return () => {
      live = false;
      cancel();
    };
  }, [module]);
  if (module) return <module.EmbedDialog openAtOnce={openOnLoad} />;
  return (
    <button
      type="button"
      className="button"
      onClick={() => {
        setOpenOnLoad(true);
        void EMBED.load().then(
          () => setLoaded(true),
          () => {},
        );
      }}
    >
      {t('share.embed')}
    </button>
  );
}

export function ShareControls() {
  return (
    <div className="share-controls">
      <CopyLinkButton />
      <Embed />
    </div>
  );
}
