/** A first-in, first-out queue on a plain array with a head index: O(1) at both ends, unlike
 * Array.prototype.shift(), and plain data for snapshots. */
export interface Fifo<T> {
  /** Taken items before `head` are cleared (undefined), so the queue keeps nothing alive. */
  items: (T | undefined)[];
  head: number;
}

export function createFifo<T>(): Fifo<T> {
  return { items: [], head: 0 };
}

export function fifoSize<T>(q: Fifo<T>): number {
  return q.items.length - q.head;
}

export function fifoPush<T>(q: Fifo<T>, value: T): void {
  q.items.push(value);
}

export function fifoPeek<T>(q: Fifo<T>): T | undefined {
  return q.head < q.items.length ? q.items[q.head] : undefined;
}

export function fifoShift<T>(q: Fifo<T>): T | undefined {
  if (q.head >= q.items.length) return undefined;
  const value = q.items[q.head];
  // Let go of the taken item: an order or message kept alive here for thousands of events would
  // outlive the young generation, and the collector would then copy and mark it for nothing.
  q.items[q.head++] = undefined;
  // Reclaim the consumed prefix once it dominates, keeping memory proportional to the backlog.
  if (q.head > 4096 && q.head * 2 > q.items.length) {
    q.items = q.items.slice(q.head);
    q.head = 0;
  }
  return value;
}

export function fifoValues<T>(q: Fifo<T>): T[] {
  return q.items.slice(q.head) as T[];
}

/** Removes the value; returns where it was (0 for the head), or -1 when it was not there. Near the
 * head, the items before it move up one instead of all the items after it moving down. */
export function fifoRemove<T>(q: Fifo<T>, value: T): number {
  const at = q.items.indexOf(value, q.head);
  if (at < 0) return -1;
  const index = at - q.head;
  if (index < q.items.length - at) {
    q.items.copyWithin(q.head + 1, q.head, at);
    q.items[q.head++] = undefined;
  } else q.items.splice(at, 1);
  return index;
}

/** Puts a value first, to be taken next. */
export function fifoUnshift<T>(q: Fifo<T>, value: T): void {
  if (q.head > 0) q.items[--q.head] = value;
  else q.items.unshift(value);
}

/** The value `index` places from the head (0: the next to be taken). */
export function fifoAt<T>(q: Fifo<T>, index: number): T | undefined {
  return q.items[q.head + index];
}

/** Puts a value `index` places from the head, behind the `index` values before it; near the head,
 * those few move forward one instead of everything behind moving back. */
export function fifoInsert<T>(q: Fifo<T>, index: number, value: T): void {
  if (q.head > 0 && index < fifoSize(q) - index) {
    q.head--;
    q.items.copyWithin(q.head, q.head + 1, q.head + 1 + index);
    q.items[q.head + index] = value;
  } else q.items.splice(q.head + index, 0, value);
}

/** fifoInsert for several values at once, in their order: one move for all of them. */
export function fifoInsertAll<T>(q: Fifo<T>, index: number, values: readonly T[]): void {
  const n = values.length;
  if (q.head >= n && index < fifoSize(q) - index) {
    q.head -= n;
    q.items.copyWithin(q.head, q.head + n, q.head + n + index);
    for (let i = 0; i < n; i++) q.items[q.head + index + i] = values[i];
  } else q.items.splice(q.head + index, 0, ...values);
}
