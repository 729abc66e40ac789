/** A live check of Little's law on the email queue (L = λ × W) and, while a backlog waits, an
 * estimate of when the workers will have caught up, or a plain "not catching up". */
import { useId } from 'react';
import type { QueueStats } from '../../analysis/collector.ts';
import { estimateDrain, type DrainEstimate } from '../../analysis/drain.ts';
import { formatTime, formatNumber, formatRate, plural } from '../../format/index.ts';
import type { Mode, Report } from '../../engine/index.ts';
import './analysis.css';

export interface LittlesLawProps {
  mode: Mode;
  /** report(...).littlesLaw */
  law: Report['littlesLaw'];
  /** LaneAnalysis.queue */
  queue: QueueStats;
  /** Workers able to take messages now: the view's workers that are idle or busy. */
  workersAvailable: number;
  nowMs: number;
}

export function LittlesLaw({ mode, law, queue, workersAvailable, nowMs }: LittlesLawProps) {
  const id = useId();
  const title = (
    <h3 id={`${id}-title`} className="an-title">
      Little&apos;s law for the queue
    </h3>
  );
  if (mode === 'sync') {
    return (
      <section className="an-panel" aria-labelledby={`${id}-title`}>
        {title}
        <p className="an-description">
          Synchronous checkout has no queue: each request sends its own email while the customer
          waits.
        </p>
      </section>
    );
  }
  const lambdaPerSec = law.arrivalRatePerMs * 1000;
  const product = law.arrivalRatePerMs * law.meanWaitMs;
  const drain = estimateDrain({
    depth: queue.depth,
    arrivalRatePerSec: queue.arrivalRatePerSec,
    workers: workersAvailable,
    meanEmailCallMs: queue.meanEmailCallMs,
  });
  return (
    <section className="an-panel" aria-labelledby={`${id}-title`}>
      {title}
      <p className="an-description">
        On average, the number of jobs waiting (L) equals how many arrive per second (λ) times how
        long each one waits (W), whatever the traffic looks like.
      </p>
      <dl className="an-readout">
        <dt>L, jobs waiting on average</dt>
        <dd>{formatNumber(law.meanInQueue)}</dd>
        <dt>λ, jobs through the queue per second</dt>
        <dd>{formatRate(lambdaPerSec)}</dd>
        <dt>W, mean wait in the queue</dt>
        <dd>{formatTime(law.meanWaitMs)}</dd>
        <dt>λ × W</dt>
        <dd>{formatNumber(product)}</dd>
      </dl>
      {Math.abs(law.meanInQueue - product) > Math.max(0.1, 0.1 * law.meanInQueue) ? (
        <p className="an-description">
          The two sides differ while jobs are still waiting: their waits are not over yet, so W does
          not count them. They agree once the queue has settled.
        </p>
      ) : null}
      <p role="status" className="an-description">
        {drainSentence(drain, queue.depth, nowMs)}
      </p>
    </section>
  );
}

function drainSentence(d: DrainEstimate, depth: number, nowMs: number): string {
  const waiting = plural(depth, 'job');
  switch (d.kind) {
    case 'empty':
      return 'No backlog: every job is taken as soon as it arrives.';
    case 'noWorkers':
      return `${waiting} waiting and no worker running: the queue will not drain until a worker is back.`;
    case 'unknown':
      return `${waiting} waiting; no email call has finished yet, so there is no estimate.`;
    case 'notCatchingUp':
      return `${waiting} waiting and not catching up: ${formatRate(d.arrivalRatePerSec)} arrive but the workers can send only about ${formatRate(d.serviceRatePerSec)}.`;
    case 'draining':
      return `${waiting} waiting; at ${formatRate(d.serviceRatePerSec)} out and ${formatRate(d.arrivalRatePerSec)} in, the queue should be empty in about ${formatTime(d.etaMs)} (at ${formatTime(nowMs + d.etaMs)}).`;
  }
}
