/** Runs a "What if?" request off the page's frames: in a Web Worker where the page can start one,
 * else on the main thread one point per task (the single-file build opened from disk cannot load
 * a worker file), so the animation still gets its frames between points. */
import {
  computePoint,
  curveWork,
  whatIfStopped,
  type WhatIfRequest,
  type WhatIfResult,
} from '../../analysis/whatif.ts';
import { makeWorker } from './makeWorker.ts';

export interface CurveCallbacks {
  onPoint(result: WhatIfResult): void;
  onDone(elapsedMs: number, where: 'worker' | 'main thread'): void;
  /** The runs used the request's work budget: why the curves stop short. */
  onStopped(sentence: string): void;
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

  const onMainThread = (from: number) => {
    let i = from;
    // A worker that failed mid-way hands over what is left; its work so far is not known here.
    const work = curveWork();
    const next = () => {
      if (cancelled) return;
      const point = request.points[i++];
      if (!point) {
        callbacks.onDone(performance.now() - started, 'main thread');
        return;
      }
      const result = computePoint(request, point, work);
      if (!result) {
        callbacks.onStopped(whatIfStopped(request, i - 1, work));
        return;
      }
      callbacks.onPoint(result);
      timer = setTimeout(next, 0);
    };
    timer = setTimeout(next, 0);
  };

  const worker = startWorker();
  if (!worker) {
    onMainThread(0);
  } else {
    let received = 0;
    worker.onmessage = (
      event: MessageEvent<{ id: number; result?: WhatIfResult; done?: true; stopped?: string }>,
    ) => {
      if (cancelled || event.data.id !== request.id) return;
      if (event.data.result) {
        received++;
        callbacks.onPoint(event.data.result);
      }
      if (event.data.stopped) {
        callbacks.onStopped(event.data.stopped);
        worker.terminate();
      }
      if (event.data.done) {
        callbacks.onDone(performance.now() - started, 'worker');
        worker.terminate();
      }
    };
    // A worker that cannot load (a page from disk, a strict policy) hands over to the page.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      if (!cancelled) onMainThread(received);
    };
    worker.postMessage(request);
  }
  return () => {
    cancelled = true;
    if (timer !== undefined) clearTimeout(timer);
    worker?.terminate();
  };
}
