/** The async queue node: its title names the broker, its count says how many messages it holds,
 * and below either the ready and retry areas (where the tokens wait) or, for Kafka, one row per
 * partition. */
import './brokers.css';
import { formatCount } from '../../format/index.ts';
import { useLane } from '../../store/hooks.ts';
import { NODES, QUEUE_READY, QUEUE_RETRY, titleBaseline } from './geometry.ts';
import { queueTitle, queueTitleText } from './brokerLayout.ts';
import { BrokerTag } from './BrokerTag.tsx';
import { DroppedBadge } from './DroppedBadge.tsx';
import { PartitionRows } from './PartitionRows.tsx';
import { useBrokerSummary } from './useBrokerSummary.ts';

export function QueueStatus() {
  const summary = useBrokerSummary('async');
  const { queueDepth, delayed, hidden } = useLane('async', (l) => ({
    queueDepth: l.queueDepth,
    delayed: l.delayed,
    hidden: l.hidden,
  }));
  const b = NODES.queue;
  const title = queueTitle(summary.broker, summary.partitions.length);
  const kafka = summary.broker === 'kafka';
  return (
    <g className="node-status">
      <text
        className="node-title"
        x={b.x + 10}
        y={b.y + titleBaseline('queue')}
        aria-label={queueTitleText(title)}
      >
        {title.noun}
      </text>
      <BrokerTag title={title} held={hidden} />
      <text
        className="node-count"
        x={b.x + b.w - 10}
        y={b.y + titleBaseline('queue')}
        textAnchor="end"
      >
        {formatCount(queueDepth + delayed + hidden)}
      </text>
      {kafka ? (
        <PartitionRows partitions={summary.partitions} />
      ) : (
        <>
          <text className="area-label" x={QUEUE_READY.x - 4} y={QUEUE_READY.y - 12}>
            {`ready ${formatCount(queueDepth)}`}
          </text>
          <text
            className="area-label"
            x={QUEUE_RETRY.x + QUEUE_RETRY.w + 4}
            y={QUEUE_RETRY.y - 12}
            textAnchor="end"
          >
            {`retry ${formatCount(delayed + hidden)}`}
          </text>
        </>
      )}
      <DroppedBadge dropped={summary.dropped} />
    </g>
  );
}

/** The queue's title at low detail: the broker's noun alone (the number stands beside it). */
export function CompactQueueTitle() {
  const summary = useBrokerSummary('async');
  const b = NODES.queue;
  const title = queueTitle(summary.broker, summary.partitions.length);
  return (
    <text className="node-title" x={b.x + 10} y={b.y + 27} aria-label={queueTitleText(title)}>
      {title.noun}
    </text>
  );
}
