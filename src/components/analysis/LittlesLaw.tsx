/** A live check of Little's law on the email queue (L = λ × W) and, while a backlog waits, an
 * estimate of when the workers will have caught up, or a plain "not catching up". */
import '../../i18n/parts/analysis.ts';
import { useId } from 'react';
import type { QueueStats } from '../../analysis/collector.ts';
import { estimateDrain, type DrainEstimate } from '../../analysis/drain.ts';
import { localTime } from '../../i18n/format.ts';
import { localNumber, localRate } from '../../i18n/numbers.ts';
import { useT, type Translate } from '../../i18n/react.tsx';
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
  const t = useT();
  const title = (
    <h3 id={`${id}-title`} className="an-title">
      {t('analysis.little.title')}
    </h3>
  );
  if (mode === 'sync') {
    return (
      <section className="an-panel" aria-labelledby={`${id}-title`}>
        {title}
        <p className="an-description">{t('analysis.little.sync')}</p>
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
      <p className="an-description">{t('analysis.little.description')}</p>
      <dl className="an-readout">
        <dt>{t('analysis.little.l')}</dt>
        <dd>{localNumber(t, law.meanInQueue)}</dd>
        <dt>{t('analysis.little.lambda')}</dt>
        <dd>{localRate(t, lambdaPerSec)}</dd>
        <dt>{t('analysis.little.w')}</dt>
        <dd>{localTime(t, law.meanWaitMs)}</dd>
        <dt>λ × W</dt>
        <dd>{localNumber(t, product)}</dd>
      </dl>
      {Math.abs(law.meanInQueue - product) > Math.max(0.1, 0.1 * law.meanInQueue) ? (
        <p className="an-description">{t('analysis.little.differ')}</p>
      ) : null}
      <p role="status" className="an-description">
        {drainSentence(t, drain, queue.depth, nowMs)}
      </p>
    </section>
  );
}

function drainSentence(t: Translate, d: DrainEstimate, depth: number, nowMs: number): string {
  switch (d.kind) {
    case 'empty':
      return t('analysis.drain.empty');
    case 'noWorkers':
      return t('analysis.drain.noWorkers', { count: depth });
    case 'unknown':
      return t('analysis.drain.unknown', { count: depth });
    case 'notCatchingUp':
      return t('analysis.drain.notCatchingUp', {
        count: depth,
        arriving: localRate(t, d.arrivalRatePerSec),
        served: localRate(t, d.serviceRatePerSec),
      });
    case 'draining':
      return t('analysis.drain.draining', {
        count: depth,
        served: localRate(t, d.serviceRatePerSec),
        arriving: localRate(t, d.arrivalRatePerSec),
        eta: localTime(t, d.etaMs),
        at: localTime(t, nowMs + d.etaMs),
      });
  }
}
