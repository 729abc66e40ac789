/** What happened to the orders, as a table of counts and times from the engine's report: pages
 * seen, money taken, emails sent, duplicated, lost or still pending. In Compare mode each lane
 * is a column of the same table. */
import '../../i18n/parts/analysis.ts';
import { useId } from 'react';
import { BROKER_NAMES, brokerFacts, type Report } from '../../engine/index.ts';
import { localTime } from '../../i18n/format.ts';
import { localCount } from '../../i18n/numbers.ts';
import { useT, type Translate } from '../../i18n/react.tsx';
import type { MessageId } from '../../i18n/runtime.ts';
import { VisuallyHidden } from './VisuallyHidden.tsx';
import './analysis.css';

export interface LedgerLane {
  label: string;
  report: Report;
}

export interface OutcomeLedgerProps {
  lanes: readonly LedgerLane[];
}

interface Row {
  /** The row's name, a message id. */
  label: MessageId;
  value: (r: Report, t: Translate) => string;
  /** A count that means something went wrong for a customer or the business when above zero. */
  problem?: (r: Report) => boolean;
  /** Shown only when this holds for one of the lanes (a broker's own row); always if absent. */
  applies?: (r: Report) => boolean;
}

const count = (pick: (r: Report) => number) => (r: Report, t: Translate) => localCount(t, pick(r));
/** A count row that is a problem when above zero. */
const problemRow = (label: MessageId, pick: (r: Report) => number): Row => ({
  label,
  value: count(pick),
  problem: (r) => pick(r) > 0,
});
/** A time from a summary, or a dash while there are no samples (the summary then reads 0). */
const time =
  (pick: (r: Report) => { count: number; p50: number; p99: number }, q: 'p50' | 'p99') =>
  (r: Report, t: Translate) => (pick(r).count > 0 ? localTime(t, pick(r)[q]) : '—');

const ROWS: readonly Row[] = [
  { label: 'analysis.ledger.ordersPlaced', value: count((r) => r.orders.arrived) },
  { label: 'analysis.ledger.successPages', value: count((r) => r.orders.succeeded) },
  problemRow('analysis.ledger.errorPages', (r) => r.orders.failed),
  problemRow('analysis.ledger.gaveUp', (r) => r.orders.timedOut),
  {
    ...problemRow('analysis.ledger.serverCrashed', (r) => r.server.crashes),
    applies: (r) => r.server.crashes > 0,
  },
  problemRow('analysis.ledger.chargedButSawError', (r) => r.orders.chargedButSawError),
  problemRow('analysis.ledger.chargedTwice', (r) => r.orders.doubleCharged),
  {
    // A background step the customer needed (the charge moved there) failed after "confirmed".
    ...problemRow('analysis.ledger.confirmedThenFailed', (r) => r.orders.confirmedThenFailed),
    applies: (r) => r.orders.confirmedThenFailed > 0,
  },
  { label: 'analysis.ledger.pageP50', value: time((r) => r.responseMs, 'p50') },
  { label: 'analysis.ledger.pageP99', value: time((r) => r.responseMs, 'p99') },
  { label: 'analysis.ledger.emailsSent', value: count((r) => r.emails.sent) },
  problemRow('analysis.ledger.duplicates', (r) => r.emails.duplicates),
  {
    ...problemRow('analysis.ledger.apologies', (r) => r.emails.apologies),
    applies: (r) => r.emails.apologies > 0,
  },
  problemRow('analysis.ledger.emailsLost', (r) => r.emails.lost),
  {
    label: 'analysis.ledger.noEmail',
    value: count((r) => r.orders.notEmailed),
    // A job still pending is on its way; a customer whose email nobody is working on is a problem.
    problem: (r) => r.orders.notEmailed > r.emails.pending,
  },
  {
    // The dual write: shown once the web server may crash (a lane with crashes, or one saved by
    // its outbox, says 0 here beside the other's count).
    ...problemRow('analysis.ledger.savedNeverEnqueued', (r) => r.orders.savedNeverEnqueued),
    applies: (r) => r.server.crashes > 0,
  },
  problemRow('analysis.ledger.deadLettered', (r) => r.emails.deadLettered),
  {
    label: 'analysis.ledger.stillDead',
    value: count((r) => r.queue.deadLetterDepth),
    applies: (r) => r.emails.deadLettered > 0,
  },
  {
    ...problemRow('analysis.ledger.dropped', (r) => r.emails.dropped),
    applies: (r) => brokerFacts(r.queue.broker).drops || r.emails.dropped > 0,
  },
  { label: 'analysis.ledger.redeliveries', value: count((r) => r.emails.redelivered) },
  { label: 'analysis.ledger.pending', value: count((r) => r.emails.pending) },
  { label: 'analysis.ledger.emailP50', value: time((r) => r.emailDelayMs, 'p50') },
  {
    label: 'analysis.ledger.partitionLag',
    value: count((r) => r.queue.maxLag),
    applies: (r) => BROKER_NAMES[r.queue.broker].partitioned || r.queue.maxLag > 0,
  },
];

export function OutcomeLedger({ lanes }: OutcomeLedgerProps) {
  const id = useId();
  const t = useT();
  const rows = ROWS.filter(({ applies }) => !applies || lanes.some((l) => applies(l.report)));
  return (
    <section className="an-panel" aria-labelledby={`${id}-title`}>
      <table className="an-table">
        <caption id={`${id}-title`} className="an-title">
          {t('analysis.ledger.title')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('analysis.ledger.outcome')}</th>
            {lanes.map((lane) => (
              <th key={lane.label} scope="col">
                {lane.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{t(row.label)}</th>
              {lanes.map((lane) => {
                const bad = row.problem?.(lane.report) ?? false;
                return (
                  <td key={lane.label} className="an-num">
                    {bad ? (
                      <>
                        <span aria-hidden="true">⚠ </span>
                        <VisuallyHidden>{`${t('analysis.ledger.problem')} `}</VisuallyHidden>
                      </>
                    ) : null}
                    {row.value(lane.report, t)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
