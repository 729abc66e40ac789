/** The Kafka partitioner's hash against the Java client's own test vectors (Kafka's UtilsTest,
 * testMurmur2), and the key bytes the model writes for an order. */
import { describe, expect, it } from 'vitest';
import {
  keyPartition,
  murmur2,
  orderKeyBytes,
  orderPartition,
} from '../../src/engine/queue/murmur2.ts';

const bytes = (text: string) => [...new TextEncoder().encode(text)];

describe('murmur2, as org.apache.kafka.common.utils.Utils.murmur2', () => {
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('hashes "%s" to %i', (text, hash) => {
    expect(murmur2(bytes(text))).toBe(hash);
  });
});

describe('the key of an order’s record', () => {
  it('is the order id as a UTF-8 decimal string', () => {
    expect(orderKeyBytes(20)).toEqual(bytes('20'));
  });

  it('goes to toPositive(murmur2(key)) % partitions, never a negative partition', () => {
    // "21" hashes to -973932308; made positive it is 1173551340, which is 0 modulo 4.
    expect(keyPartition(bytes('21'), 4)).toBe((-973932308 & 0x7fffffff) % 4);
    for (let id = 1; id <= 1000; id++) {
      const p = keyPartition(orderKeyBytes(id), 7);
      expect(p >= 0 && p < 7).toBe(true);
    }
  });
});

describe('the partition of an order, computed without building its key', () => {
  it('is the partition of the order id’s UTF-8 decimal key, for ids of every length', () => {
    for (const id of [1, 9, 10, 99, 100, 12_345, 999_999, 1_000_000, 123_456_789, 4_294_967_295]) {
      for (const partitions of [1, 4, 7, 256]) {
        expect(orderPartition(id, partitions)).toBe(keyPartition(orderKeyBytes(id), partitions));
      }
    }
  });
});
