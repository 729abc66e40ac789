/** Runs a "What if?" request off the page's frames: in Web Workers where the page can start them
 * (two where the device has two cores or more, each running every other value), else on the main
 * thread one point per task (the single-file build opened from disk cannot load a worker file), so
 * the animation still gets its frames between points. */
import {
  computePoint,
  curveWork,
  WHATIF_MAX_EVENTS,
  whatIfStopped,
  type WhatIfRequest,
  type WhatIfResult,
} from '../../analysis/whatif.ts';
import { makeWorker } from './makeWorker.ts';
import type { WorkerReply, WorkerRequest } from './whatif.worker.ts';

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

function startWorker(): Worker | undefined {
  try {
    return makeWorker();
  } catch {
    return undefined;
  }
}

/** Starts a request; the returned function cancels it. */
export function runCurves(request: WhatIfRequest, callbacks: CurveCallbacks): () => void {
  const started = performance.now();
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const received = new Set<string>();
  const workers: Worker[] = [];
  const stopAll = () => {
    for (const w of workers) w.terminate();
  };

  const onMainThread = () => {
    // The values no worker returned; the workers' work so far is not known here.
    const left = request.points.filter((p) => !received.has(p.value));
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

  const count = Math.min(workerCount(), request.points.length);
  for (let i = 0; i < count; i++) {
    const worker = startWorker();
    if (!worker) break;
    workers.push(worker);
  }
  if (workers.length === 0) {
    onMainThread();
  } else {
    let finished = 0;
    let failed = false;
    const share = Math.floor(WHATIF_MAX_EVENTS / workers.length);
    for (const [k, worker] of workers.entries()) {
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const data = event.data;
        if (cancelled || failed || data.id !== request.id) return;
        if ('result' in data) {
          received.add(data.result.value);
          callbacks.onPoint(data.result);
        } else if ('stopped' in data) {
          // The budget is the request's: one worker out of its share ends the curves.
          cancelled = true;
          stopAll();
          callbacks.onStopped(whatIfStopped(request, received.size));
        } else if (++finished === workers.length) {
          stopAll();
          callbacks.onDone(performance.now() - started, 'worker');
        }
      };
      // A worker that cannot load (a page from disk, a strict policy) hands over to the page.
      worker.onerror = (event) => {
        event.preventDefault();
        if (cancelled || failed) return;
        failed = true;
        stopAll();
        onMainThread();
      };
      const points = request.points.filter((_, i) => i % workers.length === k);
      const message: WorkerRequest = { request: { ...request, points }, limit: share };
      worker.postMessage(message);
    }
  }
  return () => {
    cancelled = true;
    if (timer !== undefined) clearTimeout(timer);
    stopAll();
  };
}
