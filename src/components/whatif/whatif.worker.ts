/** The "What if?" curves' Web Worker: runs each point of a request for both lanes and posts it
 * back as soon as it is done, so the page's frames never wait for the engine; once the request's
 * runs have used their work budget it posts why it stopped instead. A new request simply replaces
 * the worker (the page terminates it), which is how a stale one is cancelled. */
import {
  computePoint,
  curveWork,
  whatIfStopped,
  type WhatIfRequest,
} from '../../analysis/whatif.ts';

self.onmessage = (event: MessageEvent<WhatIfRequest>) => {
  const request = event.data;
  const work = curveWork();
  let done = 0;
  for (const point of request.points) {
    const result = computePoint(request, point, work);
    if (!result) {
      self.postMessage({ id: request.id, stopped: whatIfStopped(request, done, work) });
      return;
    }
    done++;
    self.postMessage({ id: request.id, result });
  }
  self.postMessage({ id: request.id, done: true });
};
