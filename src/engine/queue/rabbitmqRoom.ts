/** Which RabbitMQ consumers may have room for another prefetched message: a bit per worker id,
 * set wherever room can appear (a worker starts a call, its buffer shrinks, the pool or the
 * prefetch grows) and cleared when a look finds none. With every buffer full and a backlog, each
 * new message used to look at every worker for room (30 µs an event with 10,000 workers); now it
 * looks at none. Workers are still offered messages round robin by id, from `queue.rr`. */
import type { SimState, Worker } from '../state.ts';

export function markRoom(s: SimState, worker: Worker): void {
  const r = s.rabbitmq;
  const word = worker.id >> 5;
  while (r.room.length <= word) r.room.push(0);
  const bit = 1 << (worker.id & 31);
  if ((r.room[word]! & bit) === 0) {
    r.room[word]! |= bit;
    r.roomCount++;
  }
}

export function clearRoom(s: SimState, id: number): void {
  const r = s.rabbitmq;
  r.room[id >> 5]! &= ~(1 << (id & 31));
  r.roomCount--;
}

/** After the pool or the prefetch changed, any busy worker may have room: every one is marked. */
export function markAllIfChanged(s: SimState): void {
  const r = s.rabbitmq;
  const { count } = s.config.workers;
  const { prefetch } = s.config.queue;
  if (r.roomFor[0] === count && r.roomFor[1] === prefetch) return;
  r.roomFor = [count, prefetch];
  for (const worker of s.workers) markRoom(s, worker);
}

/** The first marked worker id at or after `from`, going round past the last worker to 0; -1 when
 * none is marked. */
export function nextMarked(s: SimState, from: number): number {
  const { room } = s.rabbitmq;
  const words = room.length;
  if (s.rabbitmq.roomCount === 0 || words === 0) return -1;
  let word = from >> 5;
  let bits = word < words ? room[word]! & (-1 << (from & 31)) : 0;
  if (word >= words) word = words - 1;
  for (let i = 0; i <= words; i++) {
    if (bits !== 0) return (word << 5) + 31 - Math.clz32(bits & -bits);
    word = word + 1 === words ? 0 : word + 1;
    bits = room[word]!;
  }
  return -1;
}
