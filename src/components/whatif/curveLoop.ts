/** The "What if?" worker's loop, apart from the Worker global so that a test can drive it: it
 * runs its share of a request one value per task and posts each value's point when done, so that
 * a newer request or a cancel, arriving between two values, takes over at once. A worker kept for
 * the next request keeps its compiled engine: the first runs of a fresh worker cost several times
 * a warm one's (the JIT at work), most of a first curve's time. */
import {
  computePoint,
  curveWork,
  type CurveWork,
  type WhatIfRequest,
  type WhatIfResult,
} from '../../analysis/whatif.ts';

/** A request with the engine events this worker's runs may use, or the end of the current one. */
export type WorkerRequest = { request: WhatIfRequest; limit: number } | { cancel: true };

export type WorkerReply =
  { id: number; result: WhatIfResult } | { id: number; done: true } | { id: number; stopped: true };

interface Job {
  request: WhatIfRequest;
  /** Its own budget and its own runs kept for a lane the setting does nothing in: nothing is
   * carried from one request to the next but the compiled code. */
  work: CurveWork;
  next: number;
}

/** `post` sends a reply to the page; `later(fn)` runs fn in a task of its own, after whatever
 * messages have already arrived. Returns the handler of the page's messages. */
export function createCurveLoop(
  post: (reply: WorkerReply) => void,
  later: (fn: () => void) => void,
): (message: WorkerRequest) => void {
  let job: Job | null = null;
  let pending = false;

  const step = () => {
    pending = false;
    const current = job;
    if (!current) return;
    const { request } = current;
    const point = request.points[current.next++];
    const result = point ? computePoint(request, point, current.work) : null;
    if (point && !result) {
      job = null;
      post({ id: request.id, stopped: true });
      return;
    }
    if (result) post({ id: request.id, result });
    if (current.next >= request.points.length) {
      job = null;
      post({ id: request.id, done: true });
      return;
    }
    schedule();
  };

  const schedule = () => {
    if (pending) return;
    pending = true;
    later(step);
  };

  return (message) => {
    if ('cancel' in message) {
      job = null;
      return;
    }
    job = { request: message.request, work: curveWork(message.limit), next: 0 };
    schedule();
  };
}
