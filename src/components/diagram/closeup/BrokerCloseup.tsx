/** The broker close-up: the queue node opened up under the async lane's diagram, showing the
 * broker's own state (Kafka's offsets, RabbitMQ's prefetch buffers, SQS's visibility timers,
 * Redis's pending entries), large enough to read from the back of a room. Closed by its button
 * or Esc; the queue node opens it again. */
// The close-ups' English words load with them, before anything of them renders.
import '../../../i18n/parts/closeups.ts';
import { m } from 'framer-motion';
import { useEffect, useId } from 'react';
import { useT } from '../../../i18n/react.tsx';
import { useHandles } from '../../../store/react/hooks.ts';
import { firstScreenPainted } from '../../afterPaint.ts';
import { Icon } from '../../Icon.tsx';
import { MotionScope } from '../../motion/motionKit.tsx';
import { CLOSEUP_TITLES, CLOSEUPS } from './closeups.tsx';
import { CLOSEUP_ID } from './closeupId.ts';
import { useInspection } from './useInspection.ts';
import { useRowsBelow } from './useRowsBelow.ts';

/** Esc closes the close-up unless something else took the key first (a dialog, leaving
 * presentation mode) or the focus is in a field. */
function useEscapeToClose(close: () => void) {
  const { page } = useHandles();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (page.getState().dialog !== null) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, dialog')) return;
      event.preventDefault();
      close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [page, close]);
}

/** `limit` bounds every list: records per partition, rows, messages. */
export function BrokerCloseup({ onClose, limit }: { onClose: () => void; limit: number }) {
  const t = useT();
  const { state, lastDrop } = useInspection(limit);
  const titleId = useId();
  useEscapeToClose(onClose);
  // A small window shows a few rows: it says how many more are below rather than cut them off.
  const [scroller, below] = useRowsBelow<HTMLElement>(state);
  if (!state) return null;
  const Body = CLOSEUPS[state.broker];
  const title = CLOSEUP_TITLES[state.broker];
  return (
    <MotionScope>
      <m.section
        ref={scroller}
        id={CLOSEUP_ID}
        className={`closeup closeup-${state.broker}`}
        aria-labelledby={titleId}
        // Opened by a click it unfolds; on the first screen (a lesson link) it is simply there.
        initial={firstScreenPainted() ? { opacity: 0, y: 14, scaleY: 0.92 } : false}
        animate={{ opacity: 1, y: 0, scaleY: 1 }}
        transition={{ duration: 0.22, ease: 'easeOut' }}
        style={{ transformOrigin: 'top center' }}
        data-testid="broker-closeup"
      >
        <header className="closeup-header">
          <h3 id={titleId}>{title && t(title)}</h3>
          {below > 0 && (
            <p className="closeup-below" aria-hidden="true" data-testid="closeup-below">
              {t('closeup.below', { count: below })}
            </p>
          )}
          <button
            type="button"
            className="closeup-close"
            onClick={onClose}
            aria-label={t('closeup.close')}
            title={t('closeup.closeTitle')}
          >
            <Icon name="close" size={18} />
          </button>
        </header>
        {Body && <Body state={state} lastDrop={lastDrop} />}
      </m.section>
    </MotionScope>
  );
}
