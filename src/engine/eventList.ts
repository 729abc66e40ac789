/** The future event list: a binary min-heap ordered by (time, priority, sequence number), so that
 * events at the same moment always resolve in the same order.
 *
 * Built for speed, since every simulated event passes through it: the heap holds only numbers in
 * typed arrays (the time, a tie-breaking key that packs priority * 2^40 + seq, and a slot), so the
 * comparisons read contiguous memory and moving an entry costs no allocation or write barrier.
 * Each slot holds one event's payload (kind, subject, generation) until it fires. All of it is
 * plain data, so structuredClone snapshots it. */

export interface EventList<R> {
  times: Float64Array;
  keys: Float64Array;
  slots: Int32Array;
  size: number;
  /** Payloads by slot. */
  kinds: Uint8Array;
  ns: Float64Array;
  refs: (R | null)[];
  free: number[];
}

const SEQ_SPAN = 2 ** 40;

/** The tie-breaking key for an event of `priority` scheduled as the `seq`-th event. */
export function eventKey(priority: number, seq: number): number {
  return priority * SEQ_SPAN + seq;
}

export function createEventList<R>(capacity = 64): EventList<R> {
  return {
    times: new Float64Array(capacity),
    keys: new Float64Array(capacity),
    slots: new Int32Array(capacity),
    size: 0,
    kinds: new Uint8Array(capacity),
    ns: new Float64Array(capacity),
    refs: [],
    free: [],
  };
}

function grown<A extends Float64Array | Int32Array | Uint8Array>(a: A, make: (n: number) => A): A {
  const b = make(a.length * 2);
  b.set(a);
  return b;
}

function grow<R>(list: EventList<R>): void {
  const n = list.times.length;
  list.times = grown(list.times, (k) => new Float64Array(k));
  list.keys = grown(list.keys, (k) => new Float64Array(k));
  list.slots = grown(list.slots, (k) => new Int32Array(k));
  list.kinds = grown(list.kinds, (k) => new Uint8Array(k));
  list.ns = grown(list.ns, (k) => new Float64Array(k));
  for (let i = 2 * n - 1; i >= n; i--) list.free.push(i);
}

export function pushEvent<R>(
  list: EventList<R>,
  t: number,
  key: number,
  kind: number,
  ref: R | null,
  n: number,
): void {
  if (list.size === list.times.length) grow(list);
  const slot = list.free.length > 0 ? list.free.pop()! : list.size;
  list.kinds[slot] = kind;
  list.ns[slot] = n;
  list.refs[slot] = ref;
  const { times, keys, slots } = list;
  let i = list.size++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pt = times[parent]!;
    if (pt < t || (pt === t && keys[parent]! < key)) break;
    times[i] = pt;
    keys[i] = keys[parent]!;
    slots[i] = slots[parent]!;
    i = parent;
  }
  times[i] = t;
  keys[i] = key;
  slots[i] = slot;
}

/** The time of the earliest event, or Infinity when there is none. */
export function peekTime<R>(list: EventList<R>): number {
  return list.size > 0 ? list.times[0]! : Infinity;
}

/** Removes the earliest event and returns its slot, whose payload stays readable until the next
 * push (read its time with peekTime first). -1 when the list is empty. */
export function popEvent<R>(list: EventList<R>): number {
  if (list.size === 0) return -1;
  const { times, keys, slots } = list;
  const top = slots[0]!;
  const n = --list.size;
  const lt = times[n]!;
  const lk = keys[n]!;
  const last = slots[n]!;
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    let ct = times[c]!;
    const r = c + 1;
    if (r < n) {
      const rt = times[r]!;
      if (rt < ct || (rt === ct && keys[r]! < keys[c]!)) {
        c = r;
        ct = rt;
      }
    }
    if (lt < ct || (lt === ct && lk < keys[c]!)) break;
    times[i] = ct;
    keys[i] = keys[c]!;
    slots[i] = slots[c]!;
    i = c;
  }
  if (n > 0) {
    times[i] = lt;
    keys[i] = lk;
    slots[i] = last;
  }
  list.free.push(top);
  return top;
}

/** The pending events' slots in no particular order, for views and reports. */
export function pendingSlots<R>(list: EventList<R>): number[] {
  return Array.from(list.slots.subarray(0, list.size));
}
