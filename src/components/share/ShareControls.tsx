/** The header's share controls: copy a link to this state, and embed it. */
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { EmbedDialog } from './EmbedDialog.tsx';

export function ShareControls() {
  return (
    <div className="share-controls">
      <CopyLinkButton />
      <EmbedDialog />
    </div>
  );
}
