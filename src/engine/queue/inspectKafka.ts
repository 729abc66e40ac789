/** Kafka's close-up look (see inspect.ts): each partition with its owner, offsets and the records
 * around its committed offset. Apart from inspect.ts so that it loads with the Kafka preset. */
import type { Message, SimState } from '../state.ts';
import type { KafkaInspection, PartitionRow, RecordCell, RecordState } from './inspection.ts';
import { ownerOf } from './kafkaGroup.ts';

/** Committed records shown before the committed offset, for context. */
const COMMITTED_SHOWN = 2;

function recordState(m: Message): RecordState {
  switch (m.state) {
    case 'acked':
      return 'committed';
    case 'processed':
      return 'processed';
    case 'inflight':
      return 'reading';
    case 'delayed':
      return 'retrying';
    case 'dead':
    case 'dropped':
      return 'dead';
    case 'queued':
      return 'waiting';
  }
}

export function inspectKafka(s: SimState, limit: number): KafkaInspection {
  const rows = s.kafka.partitions.slice(0, limit).map((p): PartitionRow => {
    const owner = ownerOf(s, p);
    const from = Math.max(0, p.committed - COMMITTED_SHOWN);
    const to = Math.min(p.records.length, from + limit);
    const records: RecordCell[] = [];
    for (let i = from; i < to; i++) {
      const m = p.records[i]!;
      records.push({
        offset: p.base + i,
        order: m.order,
        state: recordState(m),
        failures: m.failures,
      });
    }
    const next = p.records[p.pos];
    return {
      id: p.id,
      owner: owner?.id ?? -1,
      ownerState: owner?.state ?? 'none',
      committed: p.base + p.committed,
      end: p.base + p.records.length,
      lag: p.records.length - p.committed,
      position: p.base + p.pos,
      records,
      more: p.records.length - to,
      blocked:
        next !== undefined &&
        !p.busy &&
        (next.state === 'delayed' || owner === undefined || owner.state === 'crashed'),
    };
  });
  return {
    kind: 'partitions',
    broker: s.config.queue.broker,
    now: s.now,
    partitions: rows,
    morePartitions: Math.max(0, s.kafka.partitions.length - limit),
    maxTries: s.config.queue.deadLetter ? s.config.queue.maxReceives : 0,
    deadLetters: s.dlq.length,
  };
}
