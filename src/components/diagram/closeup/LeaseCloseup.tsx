/** A broker with leases in close-up (SQS, Redis Streams): the deliveries not yet acked, each with
 * its worker, its receive count and the lease running down (SQS: until the message is visible
 * again; Redis: its idle time until another consumer may claim it), workers still on a delivery
 * the broker has taken back, and the messages ready at the head of the queue, in the broker's
 * words (its policy's `leaseWords`). */
import { m } from 'framer-motion';
import {
  brokerFacts,
  brokerLease,
  type InFlightCell,
  type LeaseInspection,
  type LeaseWords,
} from '../../../engine/index.ts';
import { formatCount, formatTime } from '../../../format/index.ts';
import { plural } from '../../../format/index.ts';
import { MessageChip } from './MessageChip.tsx';

/** A claimed entry is marked as claimed for this long after the claim. */
const CLAIM_SHOWN_MS = 2500;

/** The broker's words for its leases (its policy's `leaseWords`). */
function wordsOf(state: LeaseInspection): LeaseWords {
  const words = brokerFacts(state.broker).leaseWords;
  if (!words) throw new Error(`the ${state.broker} broker shows leases but has no words for them`);
  return words;
}

function holderText(cell: InFlightCell, words: LeaseWords): string {
  return cell.worker >= 0 ? `worker ${cell.worker}` : words.holderDown;
}

function InFlight({ cell, state }: { cell: InFlightCell; state: LeaseInspection }) {
  const words = wordsOf(state);
  const left = cell.leaseEndsAt - state.now;
  const share = Math.max(0, Math.min(1, left / state.leaseMs));
  const claimed = words.claims && cell.receives > 1 && state.now - cell.receivedAt < CLAIM_SHOWN_MS;
  const warn = cell.worker < 0 || cell.receives > 1;
  return (
    <li className={`closeup-row lease-row${warn ? ' is-warn' : ''}`}>
      <div className="row-head">
        <span className="row-name">{`Order ${cell.order}`}</span>
        <span className="row-owner">{holderText(cell, words)}</span>
      </div>
      <div className="lease">
        <span className={cell.receives > 1 ? 'lease-count is-again' : 'lease-count'}>
          {words.count(cell.receives)}
        </span>
        {words.claims && <span className="lease-idle">{`idle ${formatTime(cell.idleMs)}`}</span>}
        <span className="lease-left">
          {left > 0 ? `${words.lease} ${formatTime(left)}` : words.overdue}
        </span>
        {claimed && (
          <m.span
            className="claimed"
            initial={{ scale: 1.4, opacity: 0 }}
            animate={{ scale: 1, opacity: 1 }}
            transition={{ duration: 0.3 }}
          >
            {`claimed by worker ${cell.worker} at ${formatTime(cell.receivedAt)}`}
          </m.span>
        )}
        <div className="gauge" aria-hidden="true">
          <div
            className={`gauge-fill${share < 0.25 ? ' gauge-bad' : ''}`}
            style={{ width: `${share * 100}%` }}
          />
        </div>
      </div>
    </li>
  );
}

export function LeaseCloseup({ state }: { state: LeaseInspection }) {
  const words = wordsOf(state);
  const idle = state.workers.filter((w) => w.state === 'idle').length;
  // The lease's name comes from the broker's policy, the one place that words it.
  const lease = `${brokerLease(state.broker).name} (${formatTime(state.leaseMs)})`;
  return (
    <div className="closeup-body">
      <p className="closeup-note">{words.explain(lease)}</p>
      {state.expired.map((e) => (
        <p key={e.worker} className="expired" data-testid="closeup-expired">
          <strong>{`Worker ${e.worker} is still sending order ${e.order}`}</strong>
          {`: ${words.expired}.`}
        </p>
      ))}
      <h4 className="closeup-subtitle">{`${words.title}: ${formatCount(state.inFlightCount)}`}</h4>
      {state.inFlight.length > 0 ? (
        <ol className="closeup-rows" aria-label={words.title}>
          {state.inFlight.map((cell) => (
            <InFlight key={cell.message} cell={cell} state={state} />
          ))}
        </ol>
      ) : (
        <p className="closeup-empty">None right now.</p>
      )}
      {state.inFlightCount > state.inFlight.length && (
        <p className="closeup-more">{`+${formatCount(state.inFlightCount - state.inFlight.length)} more`}</p>
      )}
      <div className="closeup-ready">
        <span className="cells-label ready-label">{`${words.ready}: ${formatCount(state.readyCount)}`}</span>
        <ol className="chips" aria-label={words.ready}>
          {state.ready.map((cell) => (
            <MessageChip
              key={cell.message}
              cell={cell}
              count={cell.receives > 0 ? words.count(cell.receives) : undefined}
              tone={cell.receives > 0 ? 'warn' : 'plain'}
              label={`Order ${cell.order}, ${words.count(cell.receives)}`}
            />
          ))}
          {state.readyCount > state.ready.length && (
            <li className="rec-more">{`+${formatCount(state.readyCount - state.ready.length)}`}</li>
          )}
        </ol>
        <span className="closeup-foot">
          {`${plural(idle, 'worker')} idle${state.delayedCount > 0 ? ` · ${formatCount(state.delayedCount)} waiting to retry` : ''}${state.deadLetter ? ` · ${brokerFacts(state.broker).deadLetter} after ${plural(state.maxReceives, 'receive')}: ${formatCount(state.deadLetters)} there` : ''}`}
        </span>
      </div>
    </div>
  );
}
