/** The "What if?" curves' Web Worker: runs each point of a request for both lanes and posts it
 * back as soon as it is done, so the page's frames never wait for the engine. A new request
 * simply replaces the worker (the page terminates it), which is how a stale one is cancelled. */
import { computePoint, type WhatIfRequest } from '../../analysis/whatif.ts';

self.onmessage = (event: MessageEvent<WhatIfRequest>) => {
  const request = event.data;
  for (const point of request.points) {
    self.postMessage({ id: request.id, result: computePoint(request, point) });
  }
  self.postMessage({ id: request.id, done: true });
};
