/** The Kafka Java client's default partitioner for keyed records: murmur2 of the key's bytes,
 * made positive, modulo the partition count (org.apache.kafka.common.utils.Utils.murmur2 and
 * toPositive). 32-bit arithmetic as in Java: Math.imul multiplies, >>> is Java's >>>. */

/** murmur2 of the bytes, as a signed 32-bit integer, exactly as Kafka's Utils.murmur2. */
export function murmur2(data: ArrayLike<number>, length = data.length): number {
  const m = 0x5bd1e995;
  const r = 24;
  let h = (0x9747b28c ^ length) | 0;
  const length4 = length >> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k =
      (data[i4]! & 0xff) |
      ((data[i4 + 1]! & 0xff) << 8) |
      ((data[i4 + 2]! & 0xff) << 16) |
      ((data[i4 + 3]! & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const tail = length & ~3;
  // Java's switch falls through from 3 to 1; written as three ifs for the strict compiler.
  const rest = length & 3;
  if (rest === 3) h ^= (data[tail + 2]! & 0xff) << 16;
  if (rest >= 2) h ^= (data[tail + 1]! & 0xff) << 8;
  if (rest >= 1) {
    h ^= data[tail]! & 0xff;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** The key of an order's record: its id as a decimal string in UTF-8 (all ASCII digits), as a
 * producer with Kafka's StringSerializer writes `String.valueOf(orderId)`. */
export function orderKeyBytes(orderId: number): number[] {
  const text = String(orderId);
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i));
  return bytes;
}

/** The partition the Java client's default partitioner picks for a keyed record. */
export function keyPartition(keyBytes: ArrayLike<number>, partitions: number): number {
  return (murmur2(keyBytes) & 0x7fffffff) % partitions;
}

/** Room for the decimal digits of any order id, reused so that a record allocates nothing. */
const digits = new Uint8Array(24);

/** keyPartition(orderKeyBytes(orderId), partitions), without building the key: this runs once
 * for every record. */
export function orderPartition(orderId: number, partitions: number): number {
  let n = orderId;
  let length = 0;
  do {
    digits[length++] = 48 + (n % 10);
    n = Math.floor(n / 10);
  } while (n > 0);
  digits.subarray(0, length).reverse();
  return (murmur2(digits, length) & 0x7fffffff) % partitions;
}
