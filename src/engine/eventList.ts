/** The future event list: events ordered by (time, priority, sequence number), so that events at
 * the same moment always resolve in the same order.
 *
 * Built for speed, since every simulated event passes through it. Two kinds of store, merged by
 * that one order:
 * - a binary min-heap that holds only numbers in typed arrays (the time, a tie-breaking key that
 *   packs priority * 2^40 + seq, and a slot), so the comparisons read contiguous memory and moving
 *   an entry costs no allocation or write barrier;
 * - a few lanes: first-in first-out rings for events that are scheduled in their own firing order,
 *   such as the steps of a checkout with a fixed latency (each is `now + the same delay`, and
 *   `now` never goes back). Such an event costs a ring write and read instead of two walks of
 *   the heap. An event whose lane it would put out of order goes to the heap instead, so the
 *   order is the same whichever store holds an event: a lane is only ever a hint.
 * Each slot holds one event's payload (kind, subject, generation) until it fires. All of it is
 * plain data, so structuredClone snapshots it. */

export interface EventList<R> {
  times: Float64Array;
  keys: Float64Array;
  slots: Int32Array;
  /** Events in the heap. */
  size: number;
  /** Events pending in all, heap and lanes. */
  count: number;
  /** Payloads by slot. */
  kinds: Uint8Array;
  ns: Float64Array;
  refs: (R | null)[];
  /** The time and key of a slot held by a lane (the heap keeps its own beside the slot). */
  slotTimes: Float64Array;
  slotKeys: Float64Array;
  /** Free slots, a stack: `free[0..freeCount)`. */
  free: Int32Array;
  freeCount: number;
  lanes: Lane[];
  /** Each lane's head: its time (Infinity when the lane is empty) and key, side by side in typed
   * arrays so that looking over the heads reads a few contiguous numbers. */
  laneTimes: Float64Array;
  laneKeys: Float64Array;
  /** The earliest event among the lanes' heads: its time (Infinity when none), key and lane, so
   * that popping from the heap need not look at every lane again. */
  laneTime: number;
  laneKey: number;
  laneIndex: number;
  /** The earliest event: its time (Infinity when none), key, and store (-1 the heap, else a lane). */
  nextTime: number;
  nextKey: number;
  nextStore: number;
}

/** A ring of slots in firing order. */
export interface Lane {
  slots: Int32Array;
  head: number;
  size: number;
}

const SEQ_SPAN = 2 ** 40;
const HEAP = -1;

/** The tie-breaking key for an event of `priority` scheduled as the `seq`-th event. */
export function eventKey(priority: number, seq: number): number {
  return priority * SEQ_SPAN + seq;
}

export function createEventList<R>(lanes = 0, capacity = 64): EventList<R> {
  return {
    times: new Float64Array(capacity),
    keys: new Float64Array(capacity),
    slots: new Int32Array(capacity),
    size: 0,
    count: 0,
    kinds: new Uint8Array(capacity),
    ns: new Float64Array(capacity),
    refs: [],
    slotTimes: new Float64Array(capacity),
    slotKeys: new Float64Array(capacity),
    free: new Int32Array(capacity),
    freeCount: 0,
    lanes: Array.from({ length: lanes }, () => ({ slots: new Int32Array(16), head: 0, size: 0 })),
    laneTimes: new Float64Array(lanes).fill(Infinity),
    laneKeys: new Float64Array(lanes),
    laneTime: Infinity,
    laneKey: 0,
    laneIndex: HEAP,
    nextTime: Infinity,
    nextKey: 0,
    nextStore: HEAP,
  };
}

function grown<A extends Float64Array | Int32Array | Uint8Array>(a: A, make: (n: number) => A): A {
  const b = make(a.length * 2);
  b.set(a);
  return b;
}

/** Doubles the room for slots (the heap can hold every pending event). */
function grow<R>(list: EventList<R>): void {
  const n = list.times.length;
  list.times = grown(list.times, (k) => new Float64Array(k));
  list.keys = grown(list.keys, (k) => new Float64Array(k));
  list.slots = grown(list.slots, (k) => new Int32Array(k));
  list.kinds = grown(list.kinds, (k) => new Uint8Array(k));
  list.ns = grown(list.ns, (k) => new Float64Array(k));
  list.slotTimes = grown(list.slotTimes, (k) => new Float64Array(k));
  list.slotKeys = grown(list.slotKeys, (k) => new Float64Array(k));
  list.free = grown(list.free, (k) => new Int32Array(k));
  for (let i = 2 * n - 1; i >= n; i--) list.free[list.freeCount++] = i;
}

/** Schedules an event; `lane` (-1 for none) is where it goes if that keeps the lane in order. */
export function pushEvent<R>(
  list: EventList<R>,
  t: number,
  key: number,
  kind: number,
  ref: R | null,
  n: number,
  lane = HEAP,
): void {
  if (list.count === list.times.length) grow(list);
  const slot = list.freeCount > 0 ? list.free[--list.freeCount]! : list.count;
  list.count++;
  list.kinds[slot] = kind;
  list.ns[slot] = n;
  list.refs[slot] = ref;
  let store = HEAP;
  if (lane >= 0 && appendToLane(list, lane, slot, t, key)) {
    store = lane;
    if (t < list.laneTime || (t === list.laneTime && key < list.laneKey)) {
      list.laneTime = t;
      list.laneKey = key;
      list.laneIndex = lane;
    }
  } else heapPush(list, slot, t, key);
  if (t < list.nextTime || (t === list.nextTime && key < list.nextKey)) {
    list.nextTime = t;
    list.nextKey = key;
    list.nextStore = store;
  }
}

/** Appends if the event comes after the lane's last one; false (and nothing done) if not. */
function appendToLane<R>(
  list: EventList<R>,
  index: number,
  slot: number,
  t: number,
  key: number,
): boolean {
  const lane = list.lanes[index]!;
  let ring = lane.slots;
  if (lane.size > 0) {
    const last = ring[(lane.head + lane.size - 1) & (ring.length - 1)]!;
    const lt = list.slotTimes[last]!;
    if (t < lt || (t === lt && key < list.slotKeys[last]!)) return false;
  } else {
    list.laneTimes[index] = t;
    list.laneKeys[index] = key;
  }
  if (lane.size === ring.length) {
    // Unroll the ring into one twice as long.
    const bigger = new Int32Array(ring.length * 2);
    for (let i = 0; i < lane.size; i++) bigger[i] = ring[(lane.head + i) & (ring.length - 1)]!;
    lane.slots = ring = bigger;
    lane.head = 0;
  }
  ring[(lane.head + lane.size) & (ring.length - 1)] = slot;
  lane.size++;
  list.slotTimes[slot] = t;
  list.slotKeys[slot] = key;
  return true;
}

function heapPush<R>(list: EventList<R>, slot: number, t: number, key: number): void {
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
  return list.nextTime;
}

/** Removes the earliest event and returns its slot, whose payload stays readable until the next
 * push (read its time with peekTime first). -1 when the list is empty. */
export function popEvent<R>(list: EventList<R>): number {
  if (list.count === 0) return -1;
  let slot: number;
  if (list.nextStore === HEAP) slot = heapPop(list);
  else {
    const index = list.nextStore;
    const lane = list.lanes[index]!;
    const ring = lane.slots;
    slot = ring[lane.head]!;
    lane.head = (lane.head + 1) & (ring.length - 1);
    if (--lane.size > 0) {
      const next = ring[lane.head]!;
      list.laneTimes[index] = list.slotTimes[next]!;
      list.laneKeys[index] = list.slotKeys[next]!;
    } else list.laneTimes[index] = Infinity;
    findLaneHead(list);
  }
  list.count--;
  list.free[list.freeCount++] = slot;
  // The earliest of the heap's top and the lanes' earliest.
  let t = Infinity;
  let key = 0;
  if (list.size > 0) {
    t = list.times[0]!;
    key = list.keys[0]!;
  }
  const lt = list.laneTime;
  if (lt < t || (lt === t && list.laneKey < key)) {
    list.nextTime = lt;
    list.nextKey = list.laneKey;
    list.nextStore = list.laneIndex;
  } else {
    list.nextTime = t;
    list.nextKey = key;
    list.nextStore = HEAP;
  }
  return slot;
}

/** Finds the earliest event among the lanes' heads, after one of them fired. */
function findLaneHead<R>(list: EventList<R>): void {
  let t = Infinity;
  let key = 0;
  let index = HEAP;
  const times = list.laneTimes;
  const keys = list.laneKeys;
  for (let i = 0; i < times.length; i++) {
    const lt = times[i]!;
    if (lt < t || (lt === t && keys[i]! < key)) {
      t = lt;
      key = keys[i]!;
      index = i;
    }
  }
  list.laneTime = t;
  list.laneKey = key;
  list.laneIndex = index;
}

function heapPop<R>(list: EventList<R>): number {
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
  return top;
}

/** The pending events' slots in no particular order, for views and reports. */
export function pendingSlots<R>(list: EventList<R>): number[] {
  const pending = Array.from(list.slots.subarray(0, list.size));
  for (const lane of list.lanes) {
    for (let i = 0; i < lane.size; i++) {
      pending.push(lane.slots[(lane.head + i) & (lane.slots.length - 1)]!);
    }
  }
  return pending;
}

/** Calls `visit` with each pending event's slot and the time it fires, in no particular order: for
 * views that must say when something scheduled will happen. */
export function forEachPending<R>(
  list: EventList<R>,
  visit: (slot: number, t: number) => void,
): void {
  for (let i = 0; i < list.size; i++) visit(list.slots[i]!, list.times[i]!);
  for (const lane of list.lanes) {
    for (let i = 0; i < lane.size; i++) {
      const slot = lane.slots[(lane.head + i) & (lane.slots.length - 1)]!;
      visit(slot, list.slotTimes[slot]!);
    }
  }
}
