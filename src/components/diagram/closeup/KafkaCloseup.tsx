/** Kafka in close-up: a row per partition with its records numbered by offset, the committed
 * offset as a cursor, the lag and the worker that owns the partition. A record that keeps failing
 * pulses with its try count while the records behind it wait. */
import '../../../i18n/parts/closeups.ts';
import { m } from 'framer-motion';
import type { ReactNode } from 'react';
import type { KafkaInspection, PartitionRow, RecordCell } from '../../../engine/index.ts';
import { useT, type Translate } from '../../../i18n/react.tsx';
import type { MessageId } from '../../../i18n/runtime.ts';

const STATE_TEXT: Record<RecordCell['state'], MessageId> = {
  committed: 'closeup.kafka.state.committed',
  processed: 'closeup.kafka.state.processed',
  reading: 'closeup.kafka.state.reading',
  retrying: 'closeup.kafka.state.retrying',
  waiting: 'closeup.kafka.state.waiting',
  dead: 'closeup.kafka.state.dead',
};

/** The poison record's pulse (still under reduced motion: MotionConfig stops transforms). */
const PULSE = { duration: 1.1, repeat: Infinity, ease: 'easeInOut' } as const;
const STILL = { duration: 0 } as const;

function Record({ record }: { record: RecordCell }) {
  const t = useT();
  const poison = record.failures > 0 && (record.state === 'retrying' || record.state === 'reading');
  const label = t(record.failures > 0 ? 'closeup.kafka.recordFailed' : 'closeup.kafka.record', {
    offset: record.offset,
    order: record.order,
    state: t(STATE_TEXT[record.state]),
    failures: record.failures,
  });
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
          {t('closeup.kafka.failedTimes', { count: record.failures })}
          <span className="rec-note-more">
            {t(
              record.state === 'reading'
                ? 'closeup.kafka.tryingAgain'
                : 'closeup.kafka.waitingToRetry',
            )}
          </span>
        </li>
      )}
    </>
  );
}

function ownerText(t: Translate, row: PartitionRow): string {
  if (row.owner < 0) return t('closeup.kafka.noWorker');
  const down = row.ownerState === 'crashed';
  return t(down ? 'closeup.kafka.workerDown' : 'closeup.worker', { worker: row.owner });
}

function Row({ row }: { row: PartitionRow }) {
  const t = useT();
  const cursorAt = row.records.findIndex((r) => r.offset >= row.committed);
  const items: ReactNode[] = row.records.map((r) => <Record key={r.offset} record={r} />);
  const cursor = (
    <li
      key="cursor"
      className="rec-cursor"
      aria-label={t('closeup.kafka.cursor', { offset: row.committed })}
    />
  );
  if (cursorAt >= 0) items.splice(cursorAt, 0, cursor);
  else if (row.more === 0) items.push(cursor);
  return (
    <li className={`closeup-row partition-row${row.blocked ? ' is-blocked' : ''}`}>
      <div className="row-head">
        <span className="row-name">{t('closeup.kafka.partition', { id: row.id })}</span>
        <span className="row-owner">{ownerText(t, row)}</span>
      </div>
      <ol className="records" aria-label={t('closeup.kafka.records', { id: row.id })}>
        {items}
        {row.more > 0 && <li className="rec-more">{t('node.more', { count: row.more })}</li>}
      </ol>
      <div className="row-stat">
        <span className="stat-value">{row.lag.toLocaleString(t.locale)}</span>
        <span className="stat-label">{t('closeup.kafka.lag')}</span>
        {row.blocked && <span className="row-flag">{t('node.blocked')}</span>}
      </div>
    </li>
  );
}

/** The key's swatches and their words. */
const KEY: readonly (readonly [string, MessageId])[] = [
  ['swatch-cursor', 'closeup.kafka.keyCursor'],
  ['rec-committed', 'closeup.kafka.keyCommitted'],
  ['rec-processed', 'closeup.kafka.keyProcessed'],
  ['rec-reading', 'closeup.kafka.keyReading'],
  ['rec-retrying', 'closeup.kafka.keyRetrying'],
  ['rec-waiting', 'closeup.kafka.keyWaiting'],
];

export function KafkaCloseup({ state }: { state: KafkaInspection }) {
  const t = useT();
  return (
    <div className="closeup-body">
      <p className="closeup-note">
        {state.maxTries > 0
          ? t('closeup.kafka.noteSkip', { count: state.maxTries })
          : t('closeup.kafka.noteNoSkip')}
      </p>
      <ul className="closeup-legend" aria-label={t('closeup.kafka.key')}>
        {KEY.map(([swatch, id]) => (
          <li key={swatch}>
            <span className={`swatch ${swatch}`} aria-hidden="true" /> {t(id)}
          </li>
        ))}
      </ul>
      <ol className="closeup-rows" aria-label={t('closeup.kafka.partitions')}>
        {state.partitions.map((row) => (
          <Row key={row.id} row={row} />
        ))}
      </ol>
      {state.morePartitions > 0 && (
        <p className="closeup-more">
          {t('closeup.kafka.morePartitions', { count: state.morePartitions })}
        </p>
      )}
    </div>
  );
}
