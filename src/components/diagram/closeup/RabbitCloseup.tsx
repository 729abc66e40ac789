/** RabbitMQ in close-up: each consumer with the delivery in hand, its prefetch buffer (filled and
 * empty slots) and its unacked count; the message that keeps coming back with its delivery count
 * against the limit; and a drop, when there is no dead-letter exchange, as an event with a
 * counter. */
import { AnimatePresence, m } from 'framer-motion';
import type { MessageCell, RabbitConsumer, RabbitInspection } from '../../../engine/index.ts';
import { formatCount, formatTime } from '../../../format/index.ts';
import { MessageChip } from './MessageChip.tsx';

/** Empty prefetch slots drawn at most; a larger prefetch says the rest in words. */
const SLOTS_DRAWN = 8;

/** RabbitMQ's delivery count (x-delivery-count): the failed deliveries so far. */
function deliveries(cell: MessageCell): string {
  return `${formatCount(cell.failures)} failed`;
}

function Consumer({ consumer, prefetch }: { consumer: RabbitConsumer; prefetch: number }) {
  const { inHand, buffer, bufferMore } = consumer;
  const empty = Math.max(0, Math.min(SLOTS_DRAWN, prefetch - 1) - buffer.length - bufferMore);
  return (
    <li className="closeup-row consumer-row">
      <div className="row-head">
        <span className="row-name">{`Worker ${consumer.worker}`}</span>
        <span className="row-owner">{consumer.state}</span>
      </div>
      <div className="consumer-cells">
        <span className="cells-label">in hand</span>
        <ol className="chips" aria-label={`Worker ${consumer.worker}, in hand`}>
          {inHand ? (
            <MessageChip
              cell={inHand}
              count={inHand.failures > 0 ? deliveries(inHand) : undefined}
              tone={inHand.failures > 0 ? 'bad' : 'active'}
              label={`Order ${inHand.order}, being processed, ${deliveries(inHand)} before`}
            />
          ) : (
            <li className="chip chip-empty" aria-label="nothing">
              –
            </li>
          )}
        </ol>
        <span className="cells-label">prefetched</span>
        <ol className="chips" aria-label={`Worker ${consumer.worker}, prefetch buffer`}>
          {buffer.map((cell) => (
            <MessageChip
              key={cell.message}
              cell={cell}
              count={cell.failures > 0 ? deliveries(cell) : undefined}
              tone={cell.failures > 0 ? 'bad' : 'plain'}
              label={`Order ${cell.order}, waiting in the buffer, ${deliveries(cell)} before`}
            />
          ))}
          {bufferMore > 0 && <li className="rec-more">{`+${formatCount(bufferMore)}`}</li>}
          {Array.from({ length: empty }, (_, i) => (
            <li key={`empty-${i}`} className="chip chip-slot" aria-hidden="true" />
          ))}
        </ol>
      </div>
      <div className="row-stat">
        <span className="stat-value">{formatCount(consumer.unacked)}</span>
        <span className="stat-label">unacked</span>
      </div>
    </li>
  );
}

function Returning({ cell, limit }: { cell: MessageCell; limit: number }) {
  const share = Math.min(1, cell.failures / (limit + 1));
  return (
    <div className="returning" data-testid="closeup-returning">
      <p>
        <strong>{`Order ${cell.order}`}</strong>
        {` keeps coming back: `}
        <strong className="big-number">{formatCount(cell.failures)}</strong>
        {` failed (limit ${formatCount(limit)})`}
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
  return (
    <div className="drop-event" role="status" data-testid="closeup-drops">
      <span className="drop-count">
        <strong className="big-number">{formatCount(dropped)}</strong>
        {` dropped`}
      </span>
      {!lastDrop && (
        <span className="drop-text">{`a message goes after ${formatCount(limit + 1)} failures`}</span>
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
            {`order ${lastDrop.order} at ${formatTime(lastDrop.atMs)}, after ${formatCount(limit + 1)} failures`}
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
  const noDlx = !state.deadLetter;
  return (
    <div className="closeup-body">
      <p className="closeup-note">
        {`Prefetch ${formatCount(state.prefetch)} per worker. A failed message goes straight back to the head of the queue. `}
        {noDlx ? 'No dead-letter exchange. ' : 'Dead-letter exchange set. '}
        {`Ready in the queue: ${formatCount(state.readyCount)}.`}
      </p>
      <div className="closeup-events">
        {state.returning ? (
          <Returning cell={state.returning} limit={state.deliveryLimit} />
        ) : (
          <p className="returning returning-none">No message has failed yet.</p>
        )}
        {(noDlx || state.dropped > 0) && (
          <DropEvent
            dropped={state.dropped}
            lastDrop={state.dropped > 0 ? lastDrop : null}
            limit={state.deliveryLimit}
          />
        )}
      </div>
      <ol className="closeup-rows" aria-label="Consumers">
        {state.consumers.map((c) => (
          <Consumer key={c.worker} consumer={c} prefetch={state.prefetch} />
        ))}
      </ol>
    </div>
  );
}
