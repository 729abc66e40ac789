/** The "What if?" curves' Web Worker: runs each point of its share of a request for both lanes and
 * posts it back as soon as it is done, so the page's frames never wait for the engine; once its
 * runs have used their share of the work budget (`limit`) it says it stopped instead. A new
 * request simply replaces the worker (the page terminates it), which is how a stale one is
 * cancelled. */
import {
  computePoint,
  curveWork,
  type WhatIfRequest,
  type WhatIfResult,
} from '../../analysis/whatif.ts';

export interface WorkerRequest {
  request: WhatIfRequest;
  /** The engine events this worker's runs may use. */
  limit: number;
}

export type WorkerReply =
  { id: number; result: WhatIfResult } | { id: number; done: true } | { id: number; stopped: true };

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { request, limit } = event.data;
  const work = curveWork(limit);
  const reply = (message: WorkerReply) => self.postMessage(message);
  for (const point of request.points) {
    const result = computePoint(request, point, work);
    if (!result) {
      reply({ id: request.id, stopped: true });
      return;
    }
    reply({ id: request.id, result });
  }
  reply({ id: request.id, done: true });
};
