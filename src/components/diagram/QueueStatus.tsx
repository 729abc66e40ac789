/** The async queue node: its title names the broker, its count says how many messages it holds,
 * and below either the ready and retry areas (where the tokens wait) or, for a partitioned queue
 * (Kafka's), one row per partition. */
import './brokers.css';
import { lazy, Suspense } from 'react';
import { BROKER_NAMES } from '../../engine/index.ts';
import { useT } from '../../i18n/react.tsx';
import { useLane } from '../../store/react/hooks.ts';
import { titleBaseline, type DiagramLayout } from './geometry.ts';
import { queueTitle, queueTitleText } from './brokerLayout.ts';
import { BrokerTag } from './BrokerTag.tsx';
import { DroppedBadge } from './DroppedBadge.tsx';
import { useBrokerSummary } from './useBrokerSummary.ts';

// Kafka's rows load with its first run, apart from the first load, which shows SQS (the
// default broker, docs/architecture.md "Brokers"): until they are in, the node shows its title.
const PartitionRows = lazy(() =>
  import('./PartitionRows.tsx').then((m) => ({ default: m.PartitionRows })),
);

export function QueueStatus({ layout }: { layout: DiagramLayout }) {
  const t = useT();
  const summary = useBrokerSummary('async');
  const { queueDepth, delayed, hidden } = useLane('async', (l) => ({
    queueDepth: l.queueDepth,
    delayed: l.delayed,
    hidden: l.hidden,
  }));
  const b = layout.nodes.queue;
  const { queueReady: ready, queueRetry: retry } = layout;
  const title = queueTitle(t, summary.broker, summary.partitions.length);
  const partitioned = BROKER_NAMES[summary.broker].partitioned;
  return (
    <g className="node-status">
      <text
        className="node-title"
        x={b.x + 10}
        y={b.y + titleBaseline('queue')}
        aria-label={queueTitleText(t, title)}
      >
        {title.noun}
      </text>
      <BrokerTag title={title} held={hidden} queue={b} />
      <text
        className="node-count"
        x={b.x + b.w - 10}
        y={b.y + titleBaseline('queue')}
        textAnchor="end"
      >
        {(queueDepth + delayed + hidden).toLocaleString(t.locale)}
      </text>
      {partitioned ? (
        <Suspense fallback={null}>
          <PartitionRows partitions={summary.partitions} queue={b} />
        </Suspense>
      ) : (
        <>
          <text className="area-label" x={ready.x - 4} y={ready.y - 12}>
            {t('node.ready', { count: queueDepth })}
          </text>
          <text className="area-label" x={retry.x + retry.w + 4} y={retry.y - 12} textAnchor="end">
            {t('node.retry', { count: delayed + hidden })}
          </text>
        </>
      )}
      <DroppedBadge dropped={summary.dropped} at={layout.droppedAt} />
    </g>
  );
}

/** The queue's title at low detail: the broker's noun alone (the number stands beside it). */
export function CompactQueueTitle({ layout }: { layout: DiagramLayout }) {
  const t = useT();
  const summary = useBrokerSummary('async');
  const b = layout.nodes.queue;
  const title = queueTitle(t, summary.broker, summary.partitions.length);
  return (
    <text className="node-title" x={b.x + 10} y={b.y + 27} aria-label={queueTitleText(t, title)}>
      {title.noun}
    </text>
  );
}
