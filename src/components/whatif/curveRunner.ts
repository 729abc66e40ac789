/** Runs a "What if?" request off the page's frames: in Web Workers where the page can start them
 * (two where the device has two cores or more, each running every other value, ends and middles
 * first: spreadOrder), else on the main
 * thread one point per task (the single-file build opened from disk cannot load a worker file), so
 * the animation still gets its frames between points. The workers stay for the next request, warm
 * (curveLoop.ts), until the curves have been idle for IDLE_MS. */
import {
  computePoint,
  curveWork,
  WHATIF_MAX_EVENTS,
  whatIfStopped,
  type WhatIfRequest,
  type WhatIfResult,
} from '../../analysis/whatif.ts';
import type { WorkerReply, WorkerRequest } from './curveLoop.ts';
import { makeWorker } from './makeWorker.ts';

export interface CurveCallbacks {
  /** One value's runs, in the order they finish (not the order of the values). */
  onPoint(result: WhatIfResult): void;
  onDone(elapsedMs: number, where: 'worker' | 'main thread'): void;
  /** The runs used the request's work budget: why the curves stop short. */
  onStopped(sentence: string): void;
}

/** How many workers share a request: each value's runs are independent, so two cores finish the
 * curves in about half the time (a 10-minute free play's workers curve, 21 runs of 12,000 orders,
 * was 2 s on one); more would take the cores the page's own frames need. */
export function workerCount(cores = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return cores >= 2 ? 2 : 1;
}

/** The order the values run in: both ends, then the middle, then the middles of the halves and
 * so on, so that the first values done already span the axis and the curve's shape shows while
 * the rest fill in (the plot draws each value where it belongs). Every value once; the same runs,
 * only sooner or later. */
export function spreadOrder<T>(values: readonly T[]): T[] {
  const n = values.length;
  if (n <= 2) return [...values];
  const order: number[] = [0, n - 1];
  let spans: [number, number][] = [[0, n - 1]];
  while (spans.length > 0) {
    const next: [number, number][] = [];
    for (const [lo, hi] of spans) {
      if (hi - lo < 2) continue;
      const mid = Math.floor((lo + hi) / 2);
      order.push(mid);
      next.push([lo, mid], [mid, hi]);
    }
    spans = next;
  }
  return order.map((i) => values[i]!);
}

/** The workers are let go once no request has used them for this long: a worker holds its own
 * copy of the engine, compiled, a few MB. */
export const IDLE_MS = 60_000;

/** A worker cancelled in the middle of a value finishes that value before it reads the next
 * request; one that has said nothing for this long after a cancel is in a long run (a curve near
 * its work budget) and is replaced by a fresh one, as every request's were before they were kept. */
export const CANCEL_WAIT_MS = 300;

interface Slot {
  worker: Worker;
  /** The last message posted, to post again to a replacement. */
  last: WorkerRequest | null;
  /** Whether its current request has neither finished nor stopped. */
  busy: boolean;
  /** Waiting for a cancelled value to end: the timer that replaces the worker. */
  drain: ReturnType<typeof setTimeout> | undefined;
  onReply: (reply: WorkerReply) => void;
  onFail: () => void;
}

let make: () => Worker = makeWorker;
let slots: Slot[] = [];
let idle: ReturnType<typeof setTimeout> | undefined;

/** Tests start the workers through their own factory. */
export function setWorkerFactory(factory: () => Worker): void {
  retireWorkers();
  make = factory;
}

/** Lets every kept worker go now. */
export function retireWorkers(): void {
  for (const slot of slots) {
    if (slot.drain !== undefined) clearTimeout(slot.drain);
    slot.worker.terminate();
  }
  slots = [];
  if (idle !== undefined) clearTimeout(idle);
  idle = undefined;
}

function waitIdle(): void {
  if (idle !== undefined) clearTimeout(idle);
  idle = setTimeout(() => {
    if (slots.every((s) => !s.busy)) retireWorkers();
    else waitIdle();
  }, IDLE_MS);
}

function connect(slot: Slot): void {
  slot.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    if (slot.drain !== undefined) {
      // It has reached the end of a value, so it reads the messages waiting for it next.
      clearTimeout(slot.drain);
      slot.drain = undefined;
    }
    slot.onReply(event.data);
  };
  // A worker that cannot load (a page from disk, a strict policy) hands over to the page.
  slot.worker.onerror = (event) => {
    event.preventDefault();
    slot.onFail();
  };
}

function startSlot(): Slot | undefined {
  let worker: Worker;
  try {
    worker = make();
  } catch {
    return undefined;
  }
  const slot: Slot = {
    worker,
    last: null,
    busy: false,
    drain: undefined,
    onReply: () => {},
    onFail: () => {},
  };
  connect(slot);
  return slot;
}

/** The workers a request runs in: the kept ones, and new ones up to `count`. */
function workersFor(count: number): Slot[] {
  while (slots.length < count) {
    const slot = startSlot();
    if (!slot) break;
    slots.push(slot);
  }
  return slots.slice(0, count);
}

function post(slot: Slot, message: WorkerRequest): void {
  slot.last = message;
  slot.worker.postMessage(message);
}

/** Ends a slot's request. A worker in the middle of a value is given CANCEL_WAIT_MS to reach
 * its end before a fresh one takes its place. */
function cancelSlot(slot: Slot): void {
  slot.onReply = () => {};
  slot.onFail = () => {};
  if (!slot.busy) return;
  slot.busy = false;
  post(slot, { cancel: true });
  if (slot.drain !== undefined) return;
  slot.drain = setTimeout(() => {
    slot.drain = undefined;
    const last = slot.last;
    slot.worker.terminate();
    const fresh = startSlot();
    const i = slots.indexOf(slot);
    if (!fresh) {
      if (i >= 0) slots.splice(i, 1);
      return;
    }
    // The slot keeps its place, its handlers and its request, now in the fresh worker.
    slot.worker = fresh.worker;
    connect(slot);
    if (last && !('cancel' in last)) slot.worker.postMessage(last);
  }, CANCEL_WAIT_MS);
}

/** Starts a request; the returned function cancels it. */
export function runCurves(request: WhatIfRequest, callbacks: CurveCallbacks): () => void {
  const started = performance.now();
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const received = new Set<string>();
  let mine: Slot[] = [];
  const release = () => {
    for (const slot of mine) cancelSlot(slot);
    mine = [];
    waitIdle();
  };

  const onMainThread = () => {
    // The values no worker returned; the workers' work so far is not known here.
    const left = spreadOrder(request.points).filter((p) => !received.has(p.value));
    let i = 0;
    const work = curveWork();
    const next = () => {
      if (cancelled) return;
      const point = left[i++];
      if (!point) {
        callbacks.onDone(performance.now() - started, 'main thread');
        return;
      }
      const result = computePoint(request, point, work);
      if (!result) {
        callbacks.onStopped(whatIfStopped(request, received.size, work));
        return;
      }
      received.add(point.value);
      callbacks.onPoint(result);
      timer = setTimeout(next, 0);
    };
    timer = setTimeout(next, 0);
  };

  mine = workersFor(Math.min(workerCount(), request.points.length));
  if (mine.length === 0) {
    onMainThread();
  } else {
    let finished = 0;
    let failed = false;
    const share = Math.floor(WHATIF_MAX_EVENTS / mine.length);
    for (const [k, slot] of mine.entries()) {
      slot.onReply = (data) => {
        if (cancelled || failed || data.id !== request.id) return;
        if ('result' in data) {
          received.add(data.result.value);
          callbacks.onPoint(data.result);
        } else if ('stopped' in data) {
          // The budget is the request's: one worker out of its share ends the curves.
          slot.busy = false;
          cancelled = true;
          release();
          callbacks.onStopped(whatIfStopped(request, received.size));
        } else {
          slot.busy = false;
          if (++finished === mine.length) {
            release();
            callbacks.onDone(performance.now() - started, 'worker');
          }
        }
      };
      slot.onFail = () => {
        if (cancelled || failed) return;
        failed = true;
        // A worker that failed is not kept.
        retireWorkers();
        mine = [];
        onMainThread();
      };
      // Each worker takes every other value of the spread order, so both draw the whole axis.
      const points = spreadOrder(request.points).filter((_, i) => i % mine.length === k);
      slot.busy = true;
      post(slot, { request: { ...request, points }, limit: share });
    }
    if (idle !== undefined) clearTimeout(idle);
    idle = undefined;
  }
  return () => {
    cancelled = true;
    if (timer !== undefined) clearTimeout(timer);
    release();
  };
}
