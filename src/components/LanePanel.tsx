/** One lane (a checkout, or whatever flow the run has): its heading, the customer's screen and the system diagram with its tokens.
 * The diagram scales to fill the room the stage gives it, stacks its steps on a phone, and drops
 * to a title and one number per node when it is drawn too small for its status lines to read. */
import type { CSSProperties, ReactNode } from 'react';
import type { Mode } from '../engine/index.ts';
import { CloseupHost, useCloseupBroker } from './diagram/closeup/CloseupHost.tsx';
import { QueueButton } from './diagram/closeup/QueueButton.tsx';
import { DiagramSvg } from './diagram/DiagramSvg.tsx';
import { TokenCanvas } from './diagram/TokenCanvas.tsx';
import { useDiagramFit } from './diagram/useDiagramFit.ts';
import { isDrawnCheckout, WIDE } from './diagram/layouts.ts';
import { useOrderKeys } from './diagram/useOrderKeys.ts';
import { WaitWords } from './a11y/WaitWords.tsx';
import { LaneTallies } from './lessons/LaneTallies.tsx';
import { localLaneName } from './modeTitle.ts';
import { useT } from '../i18n/react.tsx';
import { usePageState } from '../store/react/hooks.ts';
import { UserScreen } from './UserScreen.tsx';

export function LanePanel({ mode, compact }: { mode: Mode; compact: boolean }) {
  const headingId = `lane-${mode}-title`;
  const { ref: diagram, layout, detail, flow, failed } = useDiagramFit(mode);
  const broker = useCloseupBroker();
  const closeup = mode === 'async' ? broker : null;
  const keys = useOrderKeys(mode);
  const t = useT();
  const name = localLaneName(t, mode, flow);
  return (
    <section
      className={`lane lane-${mode}${compact ? ' lane-compact' : ''}`}
      aria-labelledby={headingId}
      style={{ '--diagram-ratio': (layout ?? WIDE).w / (layout ?? WIDE).h } as CSSProperties}
    >
      <header className="lane-header">
        <h2>
          <span className={`lane-tag lane-tag-${mode}`} aria-hidden="true">
            {t(mode === 'sync' ? 'mode.sync' : 'mode.async')}
          </span>
          {/* A name longer than the checkout's gets a smaller font on a phone (stage.css). */}
          <span
            className={`lane-title${name.length > 22 ? ' lane-title-long' : ''}`}
            id={headingId}
          >
            {name}
          </span>
        </h2>
        <p className="lane-blurb visually-hidden">
          {t(isDrawnCheckout(flow) ? 'lane.blurb' : 'lane.flowBlurb', { mode })}
        </p>
      </header>
      <div className="lane-side">
        <UserScreen mode={mode} />
      </div>
      <LaneMain closeup={closeup !== null}>
        <div
          className="diagram-fit"
          tabIndex={0}
          role="region"
          aria-label={t('lane.diagram', { mode })}
          aria-describedby={
            mode === 'async' ? `diagram-${mode}-keys diagram-${mode}-waits` : `diagram-${mode}-keys`
          }
          onKeyDown={keys.onKeyDown}
        >
          {layout ? (
            <div ref={diagram} className="diagram" data-detail={detail} data-layout={layout.kind}>
              <DiagramSvg mode={mode} detail={detail} layout={layout} />
              <TokenCanvas mode={mode} layout={layout} />
              {closeup !== null && <QueueButton name={closeup} layout={layout} />}
            </div>
          ) : (
            // A flow's own layout loads the first time a lane runs one (layouts.ts).
            <p className="diagram-loading" role="status">
              {failed
                ? t('stage.diagramFailed', { reason: failed.message })
                : t('stage.drawingDiagram', { flow: flow.label })}
            </p>
          )}
        </div>
        {mode === 'async' && <CloseupHost broker={closeup} />}
        <p id={`diagram-${mode}-keys`} className="visually-hidden">
          {t('lane.keys')}
        </p>
        {mode === 'async' && <WaitWords mode={mode} id={`diagram-${mode}-waits`} />}
        <p className="visually-hidden" aria-live="polite" data-testid={`order-pick-${mode}`}>
          {keys.announcement}
        </p>
      </LaneMain>
      <LaneTallies mode={mode} />
    </section>
  );
}

/** The lane's diagram and what sits under it, marked while the close-up is open (closeup.css
 * gives it the room). Its own subscription, so that opening the close-up re-renders this wrapper
 * and not the lane's diagram, screen and tallies: with the CPU four times slower, re-rendering
 * both lanes was about 30 ms of the click (bench:page, a CDP trace). */
function LaneMain({ closeup, children }: { closeup: boolean; children: ReactNode }) {
  const open = usePageState((s) => closeup && s.closeup);
  return <div className={open ? 'lane-main closeup-open' : 'lane-main'}>{children}</div>;
}
