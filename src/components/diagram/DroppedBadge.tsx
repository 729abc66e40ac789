/** Messages RabbitMQ threw away at its delivery limit with no dead-letter exchange: a problem
 * badge (a cross and the words, not colour alone) beside the dead-letter node, where they would
 * have gone. */
import { NODES } from './geometry.ts';
import { droppedText } from './brokerLayout.ts';
import { useTextWidth } from './useTextWidth.ts';

export function DroppedBadge({ dropped }: { dropped: number }) {
  const text = droppedText(dropped);
  const [ref, textW] = useTextWidth(text, text.length * 8);
  if (dropped <= 0) return null;
  const b = NODES.dlq;
  const w = 32 + textW;
  return (
    <g className="badge badge-down dropped" transform={`translate(${b.x + b.w + 8} ${b.y + 34})`}>
      <title>{`${text}: delivered too often, and no dead-letter exchange to keep them`}</title>
      <rect width={w} height={20} rx={10} />
      <path d="M8 6l8 8M16 6l-8 8" className="badge-mark" />
      <text ref={ref} x={24} y={14.5}>
        {text}
      </text>
    </g>
  );
}
