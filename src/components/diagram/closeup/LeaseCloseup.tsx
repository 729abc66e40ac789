/** A broker with leases in close-up (SQS, Redis Streams): the deliveries not yet acked, each with
 * its worker, its receive count and the lease running down (SQS: until the message is visible
 * again; Redis: its idle time until another consumer may claim it), workers still on a delivery
 * the broker has taken back, and the messages ready at the head of the queue, in the broker's
 * words (its policy's `leaseWords`). */
import '../../../i18n/parts/closeups.ts';
import { m } from 'framer-motion';
import { brokerFacts, type InFlightCell, type LeaseInspection } from '../../../engine/index.ts';
import { localTime } from '../../../i18n/format.ts';
import { useT, type Translate } from '../../../i18n/react.tsx';
import type { MessageId } from '../../../i18n/runtime.ts';
import { MessageChip } from './MessageChip.tsx';
import { richText } from './richText.tsx';

/** A claimed entry is marked as claimed for this long after the claim. */
const CLAIM_SHOWN_MS = 2500;

/** A lease broker's words in the catalog: `closeup.<broker>.<word>`, whose English is the
 * broker's policy's `leaseWords`, its lease's name and its dead-letter target (closeups.test
 * holds them to it). */
export const LEASE_WORDS = [
  'leaseName',
  'inFlight',
  'leaseLeft',
  'overdue',
  'count',
  'expired',
  'ready',
  'holderDown',
  'explain',
  'deadLetter',
] as const;
type LeaseWord = (typeof LEASE_WORDS)[number];

/** The broker's words for its leases, in the language on. */
function wordsOf(t: Translate, state: LeaseInspection) {
  const broker = state.broker;
  if (!brokerFacts(broker).leaseWords) {
    throw new Error(`the ${broker} broker shows leases but has no words for them`);
  }
  return (word: LeaseWord, values?: Record<string, string | number>) =>
    t(`closeup.${broker}.${word}` as MessageId, values);
}

function InFlight({ cell, state }: { cell: InFlightCell; state: LeaseInspection }) {
  const t = useT();
  const words = wordsOf(t, state);
  const claims = brokerFacts(state.broker).leaseWords?.claims === true;
  const left = cell.leaseEndsAt - state.now;
  const share = Math.max(0, Math.min(1, left / state.leaseMs));
  const claimed = claims && cell.receives > 1 && state.now - cell.receivedAt < CLAIM_SHOWN_MS;
  const warn = cell.worker < 0 || cell.receives > 1;
  return (
    <li className={`closeup-row lease-row${warn ? ' is-warn' : ''}`}>
      <div className="row-head">
        <span className="row-name">{t('closeup.order', { order: cell.order })}</span>
        <span className="row-owner">
          {cell.worker >= 0 ? t('closeup.worker', { worker: cell.worker }) : words('holderDown')}
        </span>
      </div>
      <div className="lease">
        <span className={cell.receives > 1 ? 'lease-count is-again' : 'lease-count'}>
          {words('count', { count: cell.receives })}
        </span>
        {claims && (
          <span className="lease-idle">
            {t('closeup.idle', { time: localTime(t, cell.idleMs) })}
          </span>
        )}
        <span className="lease-left">
          {left > 0 ? words('leaseLeft', { time: localTime(t, left) }) : words('overdue')}
        </span>
        {claimed && (
          <m.span
            className="claimed"
            initial={{ scale: 1.4, opacity: 0 }}
            animate={{ scale: 1, opacity: 1 }}
            transition={{ duration: 0.3 }}
          >
            {t('closeup.claimed', { worker: cell.worker, time: localTime(t, cell.receivedAt) })}
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
  const t = useT();
  const words = wordsOf(t, state);
  const idle = state.workers.filter((w) => w.state === 'idle').length;
  const lease = t('closeup.lease', {
    name: words('leaseName'),
    time: localTime(t, state.leaseMs),
  });
  const foot = [t('closeup.idleWorkers', { count: idle })];
  if (state.delayedCount > 0) foot.push(t('closeup.retrying', { count: state.delayedCount }));
  if (state.deadLetter) {
    foot.push(
      t('closeup.deadLetterAfter', {
        deadLetter: words('deadLetter'),
        receives: state.maxReceives,
        count: state.deadLetters,
      }),
    );
  }
  return (
    <div className="closeup-body">
      <p className="closeup-note">{words('explain', { lease })}</p>
      {state.expired.map((e) => (
        <p key={e.worker} className="expired" data-testid="closeup-expired">
          {richText(
            t,
            'closeup.stillSending',
            { what: words('expired') },
            {
              who: (
                <strong>
                  {t('closeup.stillSendingWho', { worker: e.worker, order: e.order })}
                </strong>
              ),
            },
          )}
        </p>
      ))}
      <h4 className="closeup-subtitle">
        {t('closeup.counted', { what: words('inFlight'), count: state.inFlightCount })}
      </h4>
      {state.inFlight.length > 0 ? (
        <ol className="closeup-rows" aria-label={words('inFlight')}>
          {state.inFlight.map((cell) => (
            <InFlight key={cell.message} cell={cell} state={state} />
          ))}
        </ol>
      ) : (
        <p className="closeup-empty">{t('closeup.none')}</p>
      )}
      {state.inFlightCount > state.inFlight.length && (
        <p className="closeup-more">
          {t('node.more', { count: state.inFlightCount - state.inFlight.length })}
        </p>
      )}
      <div className="closeup-ready">
        <span className="cells-label ready-label">
          {t('closeup.counted', { what: words('ready'), count: state.readyCount })}
        </span>
        <ol className="chips" aria-label={words('ready')}>
          {state.ready.map((cell) => (
            <MessageChip
              key={cell.message}
              cell={cell}
              count={cell.receives > 0 ? words('count', { count: cell.receives }) : undefined}
              tone={cell.receives > 0 ? 'warn' : 'plain'}
              label={t('closeup.chip', {
                order: cell.order,
                count: words('count', { count: cell.receives }),
              })}
            />
          ))}
          {state.readyCount > state.ready.length && (
            <li className="rec-more">{`+${(state.readyCount - state.ready.length).toLocaleString(t.locale)}`}</li>
          )}
        </ol>
        <span className="closeup-foot">{foot.join(' · ')}</span>
      </div>
    </div>
  );
}
