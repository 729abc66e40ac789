/** RabbitMQ in close-up: each consumer with the delivery in hand, its prefetch buffer (filled and
 * empty slots) and its unacked count; the message that keeps coming back with its delivery count
 * against the limit; and a drop, when there is no dead-letter exchange, as an event with a
 * counter. */
import '../../../i18n/parts/closeups.ts';
import { AnimatePresence, m } from 'framer-motion';
import type { MessageCell, RabbitConsumer, RabbitInspection } from '../../../engine/index.ts';
import { localTime } from '../../../i18n/format.ts';
import { useT, type Translate } from '../../../i18n/react.tsx';
import type { MessageId } from '../../../i18n/runtime.ts';
import { MessageChip } from './MessageChip.tsx';
import { richText } from './richText.tsx';

/** Empty prefetch slots drawn at most; a larger prefetch says the rest in words. */
const SLOTS_DRAWN = 8;

/** RabbitMQ's delivery count (x-delivery-count): the failed deliveries so far. */
function deliveries(t: Translate, cell: MessageCell): string {
  return t('closeup.rabbitmq.failed', { count: cell.failures });
}

const STATES: Readonly<Record<RabbitConsumer['state'], MessageId>> = {
  idle: 'closeup.rabbitmq.state.idle',
  busy: 'closeup.rabbitmq.state.busy',
  crashed: 'closeup.rabbitmq.state.crashed',
  retired: 'closeup.rabbitmq.state.retired',
};

function Consumer({ consumer, prefetch }: { consumer: RabbitConsumer; prefetch: number }) {
  const t = useT();
  const { inHand, buffer, bufferMore } = consumer;
  const worker = consumer.worker;
  const empty = Math.max(0, Math.min(SLOTS_DRAWN, prefetch - 1) - buffer.length - bufferMore);
  return (
    <li className="closeup-row consumer-row">
      <div className="row-head">
        <span className="row-name">{t('closeup.rabbitmq.worker', { worker })}</span>
        <span className="row-owner">{t(STATES[consumer.state])}</span>
      </div>
      <div className="consumer-cells">
        <span className="cells-label">{t('closeup.rabbitmq.inHand')}</span>
        <ol className="chips" aria-label={t('closeup.rabbitmq.inHandOf', { worker })}>
          {inHand ? (
            <MessageChip
              cell={inHand}
              count={inHand.failures > 0 ? deliveries(t, inHand) : undefined}
              tone={inHand.failures > 0 ? 'bad' : 'active'}
              label={t('closeup.rabbitmq.chipInHand', {
                order: inHand.order,
                failed: deliveries(t, inHand),
              })}
            />
          ) : (
            <li className="chip chip-empty" aria-label={t('closeup.rabbitmq.nothing')}>
              –
            </li>
          )}
        </ol>
        <span className="cells-label">{t('closeup.rabbitmq.prefetched')}</span>
        <ol className="chips" aria-label={t('closeup.rabbitmq.bufferOf', { worker })}>
          {buffer.map((cell) => (
            <MessageChip
              key={cell.message}
              cell={cell}
              count={cell.failures > 0 ? deliveries(t, cell) : undefined}
              tone={cell.failures > 0 ? 'bad' : 'plain'}
              label={t('closeup.rabbitmq.chipBuffer', {
                order: cell.order,
                failed: deliveries(t, cell),
              })}
            />
          ))}
          {bufferMore > 0 && (
            <li className="rec-more">{`+${bufferMore.toLocaleString(t.locale)}`}</li>
          )}
          {Array.from({ length: empty }, (_, i) => (
            <li key={`empty-${i}`} className="chip chip-slot" aria-hidden="true" />
          ))}
        </ol>
      </div>
      <div className="row-stat">
        <span className="stat-value">{consumer.unacked.toLocaleString(t.locale)}</span>
        <span className="stat-label">{t('closeup.rabbitmq.unacked')}</span>
      </div>
    </li>
  );
}

function Returning({ cell, limit }: { cell: MessageCell; limit: number }) {
  const t = useT();
  const share = Math.min(1, cell.failures / (limit + 1));
  return (
    <div className="returning" data-testid="closeup-returning">
      <p>
        {richText(
          t,
          'closeup.rabbitmq.returning',
          { limit },
          {
            order: <strong>{t('closeup.order', { order: cell.order })}</strong>,
            count: <strong className="big-number">{cell.failures.toLocaleString(t.locale)}</strong>,
          },
        )}
      </p>
      <div className="gauge" aria-hidden="true">
        <m.div
          className="gauge-fill gauge-bad"
          animate={{ width: `${share * 100}%` }}
          transition={{ duration: 0.25 }}
        />
      </div>
    </div>
  );
}

function DropEvent({
  dropped,
  lastDrop,
  limit,
}: {
  dropped: number;
  lastDrop: { order: number; atMs: number } | null;
  limit: number;
}) {
  const t = useT();
  return (
    <div className="drop-event" role="status" data-testid="closeup-drops">
      <span className="drop-count">
        {richText(
          t,
          'closeup.rabbitmq.dropped',
          {},
          { count: <strong className="big-number">{dropped.toLocaleString(t.locale)}</strong> },
        )}
      </span>
      {!lastDrop && (
        <span className="drop-text">{t('closeup.rabbitmq.dropsAfter', { count: limit + 1 })}</span>
      )}
      <AnimatePresence initial={false}>
        {lastDrop && (
          <m.span
            key={`${lastDrop.order}-${lastDrop.atMs}`}
            className="drop-text"
            initial={{ opacity: 0, x: -12, scale: 1.15 }}
            animate={{ opacity: 1, x: 0, scale: 1 }}
            transition={{ duration: 0.3 }}
          >
            {t('closeup.rabbitmq.lastDrop', {
              order: lastDrop.order,
              time: localTime(t, lastDrop.atMs),
              count: limit + 1,
            })}
          </m.span>
        )}
      </AnimatePresence>
    </div>
  );
}

export function RabbitCloseup({
  state,
  lastDrop,
}: {
  state: RabbitInspection;
  lastDrop: { order: number; atMs: number } | null;
}) {
  const t = useT();
  const noDlx = !state.deadLetter;
  return (
    <div className="closeup-body">
      <p className="closeup-note">
        {t('closeup.rabbitmq.note', {
          prefetch: state.prefetch,
          dlx: noDlx ? 'no' : 'yes',
          ready: state.readyCount,
        })}
      </p>
      <div className="closeup-events">
        {state.returning ? (
          <Returning cell={state.returning} limit={state.deliveryLimit} />
        ) : (
          <p className="returning returning-none">{t('closeup.rabbitmq.noneFailed')}</p>
        )}
        {(noDlx || state.dropped > 0) && (
          <DropEvent
            dropped={state.dropped}
            lastDrop={state.dropped > 0 ? lastDrop : null}
            limit={state.deliveryLimit}
          />
        )}
      </div>
      <ol className="closeup-rows" aria-label={t('closeup.rabbitmq.consumers')}>
        {state.consumers.map((c) => (
          <Consumer key={c.worker} consumer={c} prefetch={state.prefetch} />
        ))}
      </ol>
    </div>
  );
}
