/** Messages RabbitMQ threw away at its delivery limit with no dead-letter exchange: a problem
 * badge (a cross and the words, not colour alone) beside the dead-letter node, where they would
 * have gone. */
import { useT } from '../../i18n/react.tsx';
import type { Point } from './geometry.ts';
import { droppedText } from './brokerLayout.ts';
import { useTextWidth } from './useTextWidth.ts';

/** `at`: the badge's top-left, beside the dead letters (or below them in a tall layout). */
export function DroppedBadge({ dropped, at }: { dropped: number; at: Point }) {
  const t = useT();
  const text = droppedText(t, dropped);
  const [ref, textW] = useTextWidth(text, text.length * 8);
  if (dropped <= 0) return null;
  const w = 32 + textW;
  return (
    <g className="badge badge-down dropped" transform={`translate(${at.x} ${at.y})`}>
      <title>{t('node.droppedWhy', { count: dropped })}</title>
      <rect width={w} height={20} rx={10} />
      <path d="M8 6l8 8M16 6l-8 8" className="badge-mark" />
      <text ref={ref} x={24} y={14.5}>
        {text}
      </text>
    </g>
  );
}
