/** What happened to the orders, as a table of counts and times from the engine's report: pages
 * seen, money taken, emails sent, duplicated, lost or still pending. In Compare mode each lane
 * is a column of the same table. */
import { useId } from 'react';
import { BROKER_NAMES, brokerFacts, type Report } from '../../engine/index.ts';
import { formatCount, formatTime } from '../../format/index.ts';
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
  label: string;
  value: (r: Report) => string;
  /** A count that means something went wrong for a customer or the business when above zero. */
  problem?: (r: Report) => boolean;
  /** Shown only when this holds for one of the lanes (a broker's own row); always if absent. */
  applies?: (r: Report) => boolean;
}

const count = (pick: (r: Report) => number) => (r: Report) => formatCount(pick(r));
/** A count row that is a problem when above zero. */
const problemRow = (label: string, pick: (r: Report) => number): Row => ({
  label,
  value: count(pick),
  problem: (r) => pick(r) > 0,
});
/** A time from a summary, or a dash while there are no samples (the summary then reads 0). */
const time =
  (pick: (r: Report) => { count: number; p50: number; p99: number }, q: 'p50' | 'p99') =>
  (r: Report) => (pick(r).count > 0 ? formatTime(pick(r)[q]) : '—');

const ROWS: readonly Row[] = [
  { label: 'Orders placed', value: count((r) => r.orders.arrived) },
  { label: 'Success pages', value: count((r) => r.orders.succeeded) },
  problemRow('Error pages', (r) => r.orders.failed),
  problemRow('…of which the customer gave up waiting', (r) => r.orders.timedOut),
  {
    ...problemRow('…of which the web server crashed after the save', (r) => r.server.crashes),
    applies: (r) => r.server.crashes > 0,
  },
  problemRow('Charged but saw an error', (r) => r.orders.chargedButSawError),
  problemRow('Charged twice', (r) => r.orders.doubleCharged),
  {
    // A background step the customer needed (the charge moved there) failed after "confirmed".
    ...problemRow('Confirmed, then failed', (r) => r.orders.confirmedThenFailed),
    applies: (r) => r.orders.confirmedThenFailed > 0,
  },
  { label: 'Typical wait for a page (p50)', value: time((r) => r.responseMs, 'p50') },
  { label: 'Slowest 1% waited (p99)', value: time((r) => r.responseMs, 'p99') },
  { label: 'Emails sent, duplicates included', value: count((r) => r.emails.sent) },
  problemRow('Duplicate emails', (r) => r.emails.duplicates),
  {
    ...problemRow('Apologies sent', (r) => r.emails.apologies),
    applies: (r) => r.emails.apologies > 0,
  },
  problemRow('Emails lost (nobody tried again)', (r) => r.emails.lost),
  {
    label: 'Customers with no email',
    value: count((r) => r.orders.notEmailed),
    // A job still pending is on its way; a customer whose email nobody is working on is a problem.
    problem: (r) => r.orders.notEmailed > r.emails.pending,
  },
  {
    // The dual write: shown once the web server may crash (a lane with crashes, or one saved by
    // its outbox, says 0 here beside the other's count).
    ...problemRow(
      '…saved, never emailed: the server died before queueing',
      (r) => r.orders.savedNeverEnqueued,
    ),
    applies: (r) => r.server.crashes > 0,
  },
  problemRow('Email jobs dead-lettered (running total)', (r) => r.emails.deadLettered),
  {
    label: '…still in the dead-letter queue',
    value: count((r) => r.queue.deadLetterDepth),
    applies: (r) => r.emails.deadLettered > 0,
  },
  {
    ...problemRow('Emails dropped by the broker', (r) => r.emails.dropped),
    applies: (r) => brokerFacts(r.queue.broker).drops || r.emails.dropped > 0,
  },
  { label: 'Redeliveries', value: count((r) => r.emails.redelivered) },
  { label: 'Emails still pending', value: count((r) => r.emails.pending) },
  { label: 'Typical time to the email (p50)', value: time((r) => r.emailDelayMs, 'p50') },
  {
    label: 'Largest partition lag',
    value: count((r) => r.queue.maxLag),
    applies: (r) => BROKER_NAMES[r.queue.broker].partitioned || r.queue.maxLag > 0,
  },
];

export function OutcomeLedger({ lanes }: OutcomeLedgerProps) {
  const id = useId();
  const rows = ROWS.filter(({ applies }) => !applies || lanes.some((l) => applies(l.report)));
  return (
    <section className="an-panel" aria-labelledby={`${id}-title`}>
      <table className="an-table">
        <caption id={`${id}-title`} className="an-title">
          What happened to the orders
        </caption>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
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
              <th scope="row">{row.label}</th>
              {lanes.map((lane) => {
                const bad = row.problem?.(lane.report) ?? false;
                return (
                  <td key={lane.label} className="an-num">
                    {bad ? (
                      <>
                        <span aria-hidden="true">⚠ </span>
                        <VisuallyHidden>problem: </VisuallyHidden>
                      </>
                    ) : null}
                    {row.value(lane.report)}
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
