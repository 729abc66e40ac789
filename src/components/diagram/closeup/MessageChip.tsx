/** One message as the close-ups draw it: its order and a count (deliveries or receives). */
import type { MessageCell } from '../../../engine/index.ts';

export function MessageChip({
  cell,
  count,
  label,
  tone = 'plain',
}: {
  cell: MessageCell;
  /** The small count under the order ("×3"), or nothing. */
  count?: string | undefined;
  /** The whole chip in words, for screen readers and the tooltip. */
  label: string;
  tone?: 'plain' | 'bad' | 'warn' | 'active';
}) {
  return (
    <li className={`chip chip-${tone}`} title={label} aria-label={label}>
      <span className="chip-order" aria-hidden="true">{`#${cell.order}`}</span>
      {count && (
        <span className="chip-count" aria-hidden="true">
          {count}
        </span>
      )}
    </li>
  );
}
