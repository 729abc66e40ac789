/** The broker's name on a tab across the top edge of the queue node, like a fieldset's legend:
 * "SQS", "Kafka · 4 partitions". */
import { NODES } from './geometry.ts';
import type { QueueTitle } from './brokerLayout.ts';
import { useTextWidth } from './useTextWidth.ts';

const H = 18;
const PAD = 8;

export function BrokerTag({ title }: { title: QueueTitle }) {
  const text = title.detail ? `${title.name} · ${title.detail}` : title.name;
  const [ref, textW] = useTextWidth(text, text.length * 7);
  const b = NODES.queue;
  const w = textW + 2 * PAD;
  return (
    <g className="broker-tag" transform={`translate(${b.x + 8} ${b.y - H / 2})`}>
      <rect width={w} height={H} rx={H / 2} />
      <text ref={ref} x={PAD} y={12.5}>
        {text}
      </text>
    </g>
  );
}
