/** A first-in, first-out queue of numbers on a plain array with a head index: O(1) at both ends,
 * unlike Array.prototype.shift(), and plain data for snapshots. */
export interface Fifo {
  items: number[];
  head: number;
}

export function createFifo(): Fifo {
  return { items: [], head: 0 };
}

export function fifoSize(q: Fifo): number {
  return q.items.length - q.head;
}

export function fifoPush(q: Fifo, value: number): void {
  q.items.push(value);
}

export function fifoPeek(q: Fifo): number | undefined {
  return q.head < q.items.length ? q.items[q.head] : undefined;
}

export function fifoShift(q: Fifo): number | undefined {
  if (q.head >= q.items.length) return undefined;
  const value = q.items[q.head++];
  // Reclaim the consumed prefix once it dominates, keeping memory proportional to the backlog.
  if (q.head > 4096 && q.head * 2 > q.items.length) {
    q.items = q.items.slice(q.head);
    q.head = 0;
  }
  return value;
}

export function fifoValues(q: Fifo): number[] {
  return q.items.slice(q.head);
}

export function fifoRemove(q: Fifo, value: number): boolean {
  const at = q.items.indexOf(value, q.head);
  if (at < 0) return false;
  q.items.splice(at, 1);
  return true;
}
