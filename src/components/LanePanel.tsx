/** One checkout lane: its heading, the customer's screen and the system diagram with its tokens. */
import type { Mode } from '../engine/index.ts';
import { DiagramSvg } from './diagram/DiagramSvg.tsx';
import { TokenCanvas } from './diagram/TokenCanvas.tsx';
import { MODE_TITLE } from './format.ts';
import { UserScreen } from './UserScreen.tsx';

const BLURB: Record<Mode, string> = {
  sync: 'The server sends the email itself before it answers the customer.',
  async: 'The server drops an email job on a queue and answers at once; a worker sends it.',
};

export function LanePanel({ mode, compact }: { mode: Mode; compact: boolean }) {
  const headingId = `lane-${mode}-title`;
  return (
    <section
      className={`lane lane-${mode}${compact ? ' lane-compact' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="lane-header">
        <h2 id={headingId}>
          <span className={`lane-tag lane-tag-${mode}`}>{mode === 'sync' ? 'Sync' : 'Async'}</span>
          {MODE_TITLE[mode]} checkout
        </h2>
        <p>{BLURB[mode]}</p>
      </header>
      <div className="lane-body">
        <UserScreen mode={mode} />
        <div
          className="diagram-scroll"
          tabIndex={0}
          role="region"
          aria-label={`${MODE_TITLE[mode]} system diagram`}
        >
          <div className="diagram">
            <DiagramSvg mode={mode} />
            <TokenCanvas mode={mode} />
          </div>
        </div>
        <p className="scroll-hint" aria-hidden="true">
          Scroll the diagram sideways to see the whole system.
        </p>
      </div>
    </section>
  );
}
