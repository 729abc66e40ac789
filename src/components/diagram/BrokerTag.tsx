/** The broker's name on a tab across the top edge of the queue node, like a fieldset's legend:
 * "SQS", "Kafka · 4 partitions". */
import { useT } from '../../i18n/react.tsx';
import type { Box } from './geometry.ts';
import type { QueueTitle } from './brokerLayout.ts';
import { useTextWidth } from './useTextWidth.ts';

const H = 19;
const PAD = 8;

/** `held` messages are in the broker's hands but not ready (in flight, pending, unacked): said on
 * the tab, so the node's own count stands alone on the title row. */
export function BrokerTag({ title, held, queue }: { title: QueueTitle; held: number; queue: Box }) {
  const t = useT();
  const name = title.detail ? `${title.name} · ${title.detail}` : title.name;
  const text = held > 0 ? t('node.tagHeld', { tag: name, count: held }) : name;
  const [ref, textW] = useTextWidth(text, text.length * 7);
  const b = queue;
  const w = textW + 2 * PAD;
  return (
    <g className="broker-tag" transform={`translate(${b.x + 8} ${b.y - H / 2})`}>
      <rect width={w} height={H} rx={H / 2} />
      <text ref={ref} x={PAD} y={13.5}>
        {text}
      </text>
    </g>
  );
}
