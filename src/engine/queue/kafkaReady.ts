/** Which Kafka partitions could start a record now: not being read, with a record ready at their
 * position. Kept as a bitset over partition ids, updated wherever a partition's position, its
 * next record's state or its busy flag changes, so that a rebalance (and a rewind) looks only at
 * those partitions, in id order, instead of at every partition: after a poll timeout almost every
 * partition is busy, and scanning all 256 made each such event cost 40 µs. */
import type { Partition, SimState } from '../state.ts';

/** Brings the partition's bit up to date with its state. */
export function noteReadiness(s: SimState, p: Partition): void {
  const next = p.records[p.pos];
  const ready = !p.busy && next !== undefined && next.state === 'queued';
  const bits = s.kafka.ready;
  const word = p.id >> 5;
  const bit = 1 << (p.id & 31);
  bits[word] = ready ? bits[word]! | bit : bits[word]! & ~bit;
}

/** Calls `start` for each partition whose bit is set, lowest id first. `start` may clear the bit
 * of the partition it is given, and no other. */
export function forEachReady(s: SimState, start: (s: SimState, p: Partition) => unknown): void {
  const bits = s.kafka.ready;
  for (let word = 0; word < bits.length; word++) {
    let w = bits[word]!;
    while (w !== 0) {
      const low = w & -w;
      w ^= low;
      start(s, s.kafka.partitions[(word << 5) + 31 - Math.clz32(low)]!);
    }
  }
}
