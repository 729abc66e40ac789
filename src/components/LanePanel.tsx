/** One checkout lane: its heading, the customer's screen and the system diagram with its tokens.
 * The diagram scales to fill the room the stage gives it, and drops to a title and one number per
 * node when it is drawn too small for its status lines to read. */
import { useEffect, useRef, useState } from 'react';
import type { Mode } from '../engine/index.ts';
import { CloseupHost, useCloseupBroker } from './diagram/closeup/CloseupHost.tsx';
import { QueueButton } from './diagram/closeup/QueueButton.tsx';
import { DiagramSvg } from './diagram/DiagramSvg.tsx';
import { detailFor, type Detail } from './diagram/detail.ts';
import { TokenCanvas } from './diagram/TokenCanvas.tsx';
import { useOrderKeys } from './diagram/useOrderKeys.ts';
import { WaitWords } from './a11y/WaitWords.tsx';
import { LaneTallies } from './lessons/LaneTallies.tsx';
import { MODE_TITLE } from './modeTitle.ts';
import { useViewState } from '../store/hooks.ts';
import { UserScreen } from './UserScreen.tsx';

const BLURB: Record<Mode, string> = {
  sync: 'The server sends the email itself before it answers the customer.',
  async: 'The server drops an email job on a queue and answers at once; a worker sends it.',
};

/** The level of detail for the drawn width of the diagram, kept up to date as it resizes. */
function useDetail() {
  const ref = useRef<HTMLDivElement>(null);
  const [detail, setDetail] = useState<Detail>('full');
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      if (width > 0) setDetail(detailFor(width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, detail] as const;
}

export function LanePanel({ mode, compact }: { mode: Mode; compact: boolean }) {
  const headingId = `lane-${mode}-title`;
  const [diagram, detail] = useDetail();
  const broker = useCloseupBroker();
  const closeup = mode === 'async' ? broker : null;
  const closeupOpen = useViewState((s) => s.closeup) && closeup !== null;
  const keys = useOrderKeys(mode);
  return (
    <section
      className={`lane lane-${mode}${compact ? ' lane-compact' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="lane-header">
        <h2>
          <span className={`lane-tag lane-tag-${mode}`} aria-hidden="true">
            {mode === 'sync' ? 'Sync' : 'Async'}
          </span>
          <span className="lane-title" id={headingId}>
            {MODE_TITLE[mode]} checkout
          </span>
        </h2>
        <p className="lane-blurb visually-hidden">{BLURB[mode]}</p>
      </header>
      <div className="lane-side">
        <UserScreen mode={mode} />
      </div>
      <div className={closeupOpen ? 'lane-main closeup-open' : 'lane-main'}>
        <div
          className="diagram-fit"
          tabIndex={0}
          role="region"
          aria-label={`${MODE_TITLE[mode]} system diagram`}
          aria-describedby={
            mode === 'async' ? `diagram-${mode}-keys diagram-${mode}-waits` : `diagram-${mode}-keys`
          }
          onKeyDown={keys.onKeyDown}
        >
          <div ref={diagram} className="diagram" data-detail={detail}>
            <DiagramSvg mode={mode} detail={detail} />
            <TokenCanvas mode={mode} />
            {closeup !== null && <QueueButton name={closeup} />}
          </div>
        </div>
        {mode === 'async' && <CloseupHost broker={closeup} />}
        <p id={`diagram-${mode}-keys`} className="visually-hidden">
          Arrow keys pick an order in view; Esc lets go of it.
        </p>
        {mode === 'async' && <WaitWords mode={mode} id={`diagram-${mode}-waits`} />}
        <p className="visually-hidden" aria-live="polite" data-testid={`order-pick-${mode}`}>
          {keys.announcement}
        </p>
      </div>
      <LaneTallies mode={mode} />
    </section>
  );
}
