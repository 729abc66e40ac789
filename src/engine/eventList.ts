/** The future event list: a binary min-heap ordered by (time, priority, sequence number), so that
 * events at the same moment always resolve in the same order. */

/** What happens when an event fires. `id` names its subject (an order, worker, message, change
 * or generation); `lease` is a token that lets a superseded event recognise itself and do nothing
 * (lazy cancellation, cheaper than deleting from the heap). */
export type EventKind =
  | 'change'
  | 'outage'
  | 'stepDone'
  | 'emailDone'
  | 'workerCrash'
  | 'workerRestart'
  | 'messageVisible'
  | 'timeoutSweep'
  | 'arrival'
  | 'userRetry';

export interface ScheduledEvent {
  t: number;
  priority: number;
  seq: number;
  kind: EventKind;
  id: number;
  lease: number;
}

/** Lower runs first among events at the same time: settings change before anything else happens
 * at that moment; work that finishes beats a user's patience running out at the same instant. */
export const PRIORITY: Record<EventKind, number> = {
  change: 0,
  outage: 1,
  stepDone: 2,
  emailDone: 2,
  workerCrash: 2,
  workerRestart: 2,
  messageVisible: 2,
  timeoutSweep: 3,
  arrival: 4,
  userRetry: 4,
};

function before(x: ScheduledEvent, y: ScheduledEvent): boolean {
  if (x.t !== y.t) return x.t < y.t;
  if (x.priority !== y.priority) return x.priority < y.priority;
  return x.seq < y.seq;
}

/** Heap operations over a plain array, so that the list is part of a snapshot-able state. */
export function heapPush(heap: ScheduledEvent[], ev: ScheduledEvent): void {
  let i = heap.length;
  heap.push(ev);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (!before(ev, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = ev;
}

export function heapPop(heap: ScheduledEvent[]): ScheduledEvent | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  const n = heap.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    let c = l;
    if (r < n && before(heap[r]!, heap[l]!)) c = r;
    if (!before(heap[c]!, last)) break;
    heap[i] = heap[c]!;
    i = c;
  }
  heap[i] = last;
  return top;
}
