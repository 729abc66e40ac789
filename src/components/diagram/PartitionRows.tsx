/** Kafka's partitions inside the queue node: one row each with its lag (records not yet
 * committed) as a number and a bar, and a stop sign and the word "blocked" (not colour alone)
 * when its next record is failing or its worker is down. */
import type { PartitionView } from '../../engine/index.ts';
import { useT } from '../../i18n/react.tsx';
import { moreText, partitionLayout, type PartitionRow } from './brokerLayout.ts';
import type { Box } from './geometry.ts';

const BAR_H = 7;

function StopSign({ x, y }: { x: number; y: number }) {
  return (
    <g className="stop-sign" transform={`translate(${x} ${y - 10})`} aria-hidden="true">
      <rect width={12} height={12} rx={3} />
      <path d="M3 6h6" />
    </g>
  );
}

function Row({ row, wide }: { row: PartitionRow; wide: boolean }) {
  const t = useT();
  const barX = row.barX;
  return (
    <g
      className={`partition${row.blocked ? ' partition-blocked' : ''}`}
      role="img"
      aria-label={row.description}
    >
      <title>{row.description}</title>
      <text className="node-small" x={row.x} y={row.y}>
        {row.label}
      </text>
      {row.blocked ? (
        <>
          <StopSign x={barX} y={row.y} />
          {wide && (
            <text className="node-small node-alert" x={barX + 16} y={row.y}>
              {t('node.blocked')}
            </text>
          )}
        </>
      ) : (
        row.barMax > 0 && (
          <>
            <rect
              className="meter-track"
              x={barX}
              y={row.y - BAR_H}
              width={row.barMax}
              height={BAR_H}
              rx={2}
            />
            {row.bar > 0 && (
              <rect
                className="meter-fill"
                x={barX}
                y={row.y - BAR_H}
                width={row.bar}
                height={BAR_H}
                rx={2}
              />
            )}
          </>
        )
      )}
      <text
        className={`node-small partition-lag${row.blocked ? ' node-alert' : ''}`}
        x={row.x + row.w}
        y={row.y}
        textAnchor="end"
      >
        {row.lag.toLocaleString(t.locale)}
      </text>
    </g>
  );
}

export function PartitionRows({
  partitions,
  queue,
}: {
  partitions: readonly PartitionView[];
  queue: Box;
}) {
  const t = useT();
  const layout = partitionLayout(t, partitions, queue);
  const wide = layout.rows.length > 0 && layout.rows[0]!.w > 100;
  return (
    <g className="partitions">
      {layout.rows.map((row) => (
        <Row key={row.id} row={row} wide={wide} />
      ))}
      {layout.more > 0 && (
        <text
          className={`node-small${layout.moreBlocked > 0 ? ' node-alert' : ''}`}
          x={layout.moreAt.x}
          y={layout.moreAt.y}
        >
          {moreText(t, layout.more, layout.moreBlocked)}
        </text>
      )}
    </g>
  );
}
