/** Kafka in close-up: a row per partition with its records numbered by offset, the committed
 * offset as a cursor, the lag and the worker that owns the partition. A record that keeps failing
 * pulses with its try count while the records behind it wait. */
import { m } from 'framer-motion';
import type { ReactNode } from 'react';
import type { KafkaInspection, PartitionRow, RecordCell } from '../../../engine/index.ts';
import { formatCount } from '../../../format/index.ts';
import { plural } from '../../../format/index.ts';

const STATE_TEXT: Record<RecordCell['state'], string> = {
  committed: 'committed',
  processed: 'processed, not committed',
  reading: 'being processed',
  retrying: 'failed, waiting to retry',
  waiting: 'waiting',
  dead: 'skipped to the dead-letter topic',
};

/** The poison record's pulse (still under reduced motion: MotionConfig stops transforms). */
const PULSE = { duration: 1.1, repeat: Infinity, ease: 'easeInOut' } as const;
const STILL = { duration: 0 } as const;

function Record({ record }: { record: RecordCell }) {
  const poison = record.failures > 0 && (record.state === 'retrying' || record.state === 'reading');
  const label = `Offset ${record.offset}, order ${record.order}: ${STATE_TEXT[record.state]}${
    record.failures > 0 ? `, failed ${plural(record.failures, 'time')}` : ''
  }`;
  return (
    <>
      <m.li
        className={`rec rec-${record.state}${poison ? ' rec-poison' : ''}`}
        title={label}
        aria-label={label}
        animate={poison ? { scale: [1, 1.12, 1] } : { scale: 1 }}
        transition={poison ? PULSE : STILL}
      >
        <span className="rec-offset" aria-hidden="true">
          {record.offset}
        </span>
        <span className="rec-order" aria-hidden="true">{`#${record.order}`}</span>
      </m.li>
      {poison && (
        <li className="rec-note" aria-hidden="true" data-testid="poison-tries">
          {`failed ${record.failures}×`}
          <span className="rec-note-more">
            {record.state === 'reading' ? 'trying again' : 'waiting to retry'}
          </span>
        </li>
      )}
    </>
  );
}

function ownerText(row: PartitionRow): string {
  if (row.owner < 0) return 'no worker';
  const down = row.ownerState === 'crashed' ? ' (down)' : '';
  return `worker ${row.owner}${down}`;
}

function Row({ row }: { row: PartitionRow }) {
  const cursorAt = row.records.findIndex((r) => r.offset >= row.committed);
  const items: ReactNode[] = row.records.map((r) => <Record key={r.offset} record={r} />);
  const cursor = (
    <li key="cursor" className="rec-cursor" aria-label={`committed offset ${row.committed}`} />
  );
  if (cursorAt >= 0) items.splice(cursorAt, 0, cursor);
  else if (row.more === 0) items.push(cursor);
  return (
    <li className={`closeup-row partition-row${row.blocked ? ' is-blocked' : ''}`}>
      <div className="row-head">
        <span className="row-name">{`Partition ${row.id}`}</span>
        <span className="row-owner">{ownerText(row)}</span>
      </div>
      <ol className="records" aria-label={`Partition ${row.id}, records by offset`}>
        {items}
        {row.more > 0 && <li className="rec-more">{`+${formatCount(row.more)} more`}</li>}
      </ol>
      <div className="row-stat">
        <span className="stat-value">{formatCount(row.lag)}</span>
        <span className="stat-label">lag</span>
        {row.blocked && <span className="row-flag">blocked</span>}
      </div>
    </li>
  );
}

export function KafkaCloseup({ state }: { state: KafkaInspection }) {
  return (
    <div className="closeup-body">
      <p className="closeup-note">
        Each worker reads its partition in offset order.{' '}
        {state.maxTries > 0
          ? `After ${plural(state.maxTries, 'failed try', 'failed tries')} a record is skipped to the dead-letter topic.`
          : 'Nothing skips a failing record.'}
      </p>
      <ul className="closeup-legend" aria-label="Key">
        <li>
          <span className="swatch swatch-cursor" aria-hidden="true" /> committed offset
        </li>
        <li>
          <span className="swatch rec-committed" aria-hidden="true" /> committed
        </li>
        <li>
          <span className="swatch rec-processed" aria-hidden="true" /> done, not committed
        </li>
        <li>
          <span className="swatch rec-reading" aria-hidden="true" /> being processed
        </li>
        <li>
          <span className="swatch rec-retrying" aria-hidden="true" /> failing
        </li>
        <li>
          <span className="swatch rec-waiting" aria-hidden="true" /> waiting
        </li>
      </ul>
      <ol className="closeup-rows" aria-label="Partitions">
        {state.partitions.map((row) => (
          <Row key={row.id} row={row} />
        ))}
      </ol>
      {state.morePartitions > 0 && (
        <p className="closeup-more">{`+${plural(state.morePartitions, 'more partition')}`}</p>
      )}
    </div>
  );
}
