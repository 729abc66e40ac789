/** The command line's readable output: a report as an aligned two-column table. */
import { formatTime } from '../format/index.ts';
import { BROKER_NAMES, brokerFacts, type Report } from '../engine/index.ts';

type Summary = Report['responseMs'];

function stats(s: Summary): string {
  if (s.count === 0) return 'none';
  return `mean ${formatTime(s.mean)}, p50 ${formatTime(s.p50)}, p95 ${formatTime(s.p95)}, p99 ${formatTime(s.p99)}, max ${formatTime(s.max)} (${s.count})`;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

export function formatTable(r: Report): string {
  const rows: [string, string][] = [
    ['scenario', `${r.scenario} (${r.mode}, seed ${r.seed})`],
    ...(r.flow === 'checkout' ? [] : [['flow', r.flow] as [string, string]]),
    ['simulated', `${formatTime(r.simulatedMs)}, ${r.events} events`],
    ...(r.settled
      ? []
      : [
          [
            'not settled',
            `${r.unfinished.orders} orders and ${r.unfinished.emailJobs} email jobs unfinished`,
          ] as [string, string],
        ]),
    ...(r.stopped
      ? [
          ['stopped early', `at ${formatTime(r.stopped.atMs)}, ${r.stopped.reason}`] as [
            string,
            string,
          ],
        ]
      : []),
    ['', ''],
    ['orders placed', String(r.orders.arrived)],
    ['success pages', String(r.orders.succeeded)],
    ['error pages', `${r.orders.failed} (${r.orders.timedOut} timed out)`],
    ['cards charged', String(r.orders.charged)],
    ['orders saved', String(r.orders.saved)],
    ['charged but saw an error', String(r.orders.chargedButSawError)],
    ['double charges', String(r.orders.doubleCharged)],
    ...(r.orders.confirmedThenFailed > 0
      ? [
          [
            'confirmed, then failed',
            `${r.orders.confirmedThenFailed} (${r.emails.apologies} apologies sent)`,
          ] as [string, string],
        ]
      : []),
    ['response time', stats(r.responseMs)],
    ['', ''],
    ['customers emailed', `${r.orders.emailed} (${r.orders.notEmailed} with no email)`],
    ['emails sent', `${r.emails.sent} (${r.emails.duplicates} duplicates)`],
    ['email delay', stats(r.emailDelayMs)],
    ['failed email attempts', String(r.emails.failedAttempts)],
    [
      'dead-lettered',
      `${r.emails.deadLettered} in all, ${r.queue.deadLetterDepth} in the dead-letter queue now`,
    ],
    ['emails pending', String(r.emails.pending)],
    ['emails lost', String(r.emails.lost)],
  ];
  rows.push(['', '']);
  for (const [id, step] of Object.entries(r.steps)) {
    const failures =
      step.attemptsFailed > 0
        ? `; ${step.attemptsFailed} attempts failed, ${step.failedForGood} for good`
        : '';
    rows.push([`step ${id} (${step.where})`, `done ${stats(step.doneMs)}${failures}`]);
  }
  const safeguards: [string, number][] = [
    ['second charges refused by key', r.orders.chargesDeduplicated],
    ['second emails skipped by key', r.emails.deduplicated],
    ['redriven from dead letters', r.emails.redriven],
  ];
  for (const [label, n] of safeguards) if (n > 0) rows.push([label, String(n)]);
  if (r.mode === 'async') {
    rows.push(
      ['', ''],
      ['broker', BROKER_NAMES[r.queue.broker].label],
      ['messages queued', `${r.queue.enqueued}, at most ${r.queue.maxDepth} waiting`],
      ['redeliveries', String(r.emails.redelivered)],
      ['queue wait', stats(r.queue.waitMs)],
      ...(brokerFacts(r.queue.broker).drops || r.emails.dropped > 0
        ? [['dropped by the broker', String(r.emails.dropped)] as [string, string]]
        : []),
      ...(BROKER_NAMES[r.queue.broker].partitioned
        ? [['largest partition lag', `${r.queue.maxLag} records`] as [string, string]]
        : []),
      [
        'workers',
        `${r.workers.count}, busy ${percent(r.workers.utilization)}, ${r.workers.crashes} crashes`,
      ],
    );
  }
  rows.push(['server handlers', `${r.server.handlers}, busy ${percent(r.server.utilization)}`]);
  rows.push(['handler wait', stats(r.server.waitMs)]);
  if (r.server.crashes > 0) {
    rows.push([
      'server crashes',
      `${r.server.crashes} after a save; ${r.orders.savedNeverEnqueued} saved orders never queued (no email)`,
    ]);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => (k ? `${k.padEnd(width)}  ${v}` : '')).join('\n');
}
